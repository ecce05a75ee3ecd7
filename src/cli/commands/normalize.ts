/** `vmparams normalize <file|-> [--api-version N.N]`: the library's normalize as JSON on stdout. */
import { apiVersionOpt, boolOpt, parseCommandArgs } from '../args.js';
import { documentErrorLine } from '../docerrors.js';
import { UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { collectInputs, readInputFile } from '../inputs.js';
import type { Io } from '../io.js';
import { normalize } from '../lib.js';

/** Run `vmparams normalize` with the arguments after the command name. */
export async function runNormalize(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('normalize', argv, { 'api-version': { type: 'string' } });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.normalize!);
    return 0;
  }
  const apiVersion = apiVersionOpt('normalize', args);
  if (args.positionals.length !== 1) throw new UsageError("normalize: give exactly one file or '-' (see 'vmparams normalize --help')");
  const [input] = await collectInputs(args.positionals, io, { command: 'normalize' });
  const bytes = input!.bytes ?? readInputFile('normalize', io, input!.abs!);
  let doc: unknown;
  try {
    // apiVersion is passed on for when the library's options take it (interface.md lists the flag).
    doc = normalize(bytes, apiVersion === undefined ? {} : ({ apiVersion } as object));
  } catch (e) {
    const line = documentErrorLine(input!.display, e);
    if (line === undefined) throw e;
    io.stderr(line);
    return 1;
  }
  io.stdout(JSON.stringify(doc, null, 2) + '\n');
  return 0;
}
