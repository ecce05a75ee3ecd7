/** `vmparams build <file.json|-> [--api-version N.N]`: JSON (as normalize prints it) -> canonical XML on stdout. */
import { apiVersionOpt, boolOpt, parseCommandArgs } from '../args.js';
import { documentErrorLine, jsonErrorLine } from '../docerrors.js';
import { UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { collectInputs, readInputFile } from '../inputs.js';
import type { Io } from '../io.js';
import { build } from '../lib.js';

/** Run `vmparams build` with the arguments after the command name. */
export async function runBuild(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('build', argv, { 'api-version': { type: 'string' } });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.build!);
    return 0;
  }
  const apiVersion = apiVersionOpt('build', args);
  if (args.positionals.length !== 1) throw new UsageError("build: give exactly one JSON file or '-' (see 'vmparams build --help')");
  const [input] = await collectInputs(args.positionals, io, { command: 'build' });
  const bytes = input!.bytes ?? readInputFile('build', io, input!.abs!);
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    io.stderr(jsonErrorLine(input!.display, text, e));
    return 1;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    io.stderr(`${input!.display}:1:1: error build: expected a JSON object with a "kind" property (as 'vmparams normalize' prints)\n`);
    return 1;
  }
  let xml: string;
  try {
    // apiVersion is passed on for when the library's options take it (interface.md lists the flag).
    xml = build(doc as Parameters<typeof build>[0], apiVersion === undefined ? {} : ({ apiVersion } as object));
  } catch (e) {
    const line = documentErrorLine(input!.display, e, 'json');
    if (line === undefined) throw e;
    io.stderr(line);
    return 1;
  }
  io.stdout(xml.endsWith('\n') ? xml : xml + '\n');
  return 0;
}
