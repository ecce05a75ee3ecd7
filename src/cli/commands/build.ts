/**
 * `vmparams build <file.json|file.yaml|-> [--api-version N.N] [--max-size N] [--max-depth N]`:
 * a request as JSON or YAML (as normalize prints it, or written by hand) -> canonical XML on stdout.
 * A request that does not fit is one line, `file:line:column: error build: ...`, and exit 1.
 */
import { apiVersionOpt, boolOpt, parseCommandArgs } from '../args.js';
import { oneLine, UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { collectInputs } from '../inputs.js';
import type { Io } from '../io.js';
import { build, BuildError, UnknownDocumentError } from '../lib.js';
import { LIMIT_OPTIONS, limitsOpt, readAtMost, tooLargeMessage } from '../limits.js';
import { readRequestText } from '../request-input.js';
import { VersionError } from '../../versioning.js';

/** Run `vmparams build` with the arguments after the command name. */
export async function runBuild(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('build', argv, { 'api-version': { type: 'string' }, ...LIMIT_OPTIONS });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.build!);
    return 0;
  }
  const apiVersion = apiVersionOpt('build', args);
  const limits = limitsOpt('build', args);
  if (args.positionals.length !== 1) throw new UsageError("build: give exactly one JSON or YAML file, or '-' (see 'vmparams build --help')");
  const [input] = await collectInputs(args.positionals, io, { command: 'build' });
  const bytes = input!.bytes ?? readAtMost('build', input!.display, input!.abs!, limits.maxBytes);
  if (bytes === null || bytes.length > limits.maxBytes) {
    io.stderr(`${input!.display}:0:0: error build: ${tooLargeMessage(limits.maxBytes)}\n`);
    return 1;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    io.stderr(`${input!.display}:0:0: error build: the file is not valid UTF-8 (JSON and YAML requests are UTF-8 text)\n`);
    return 1;
  }
  const parsed = readRequestText(input!.display, text);
  if ('rule' in parsed) {
    io.stderr(`${input!.display}:${parsed.line}:${parsed.column}: error ${parsed.rule}: ${clean(parsed.message)}\n`);
    return 1;
  }
  const doc = parsed.value;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    io.stderr(`${input!.display}:1:1: error build: expected an object with a "kind" property (as 'vmparams normalize' prints), got ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc}\n`);
    return 1;
  }
  let xml: string;
  try {
    xml = build(doc as Parameters<typeof build>[0], { ...(apiVersion !== undefined && { apiVersion }), maxDepth: limits.maxDepth });
  } catch (e) {
    if (e instanceof BuildError) {
      const at = parsed.place(e.path, e.key) ?? { line: 0, column: 0 };
      const rule = e instanceof VersionError ? `version/${e.issue}` : 'build';
      io.stderr(`${input!.display}:${at.line}:${at.column}: error ${rule}: ${clean(oneLine(e))}\n`);
      return 1;
    }
    if (e instanceof UnknownDocumentError) {
      const at = parsed.place('/', 'kind') ?? { line: 1, column: 1 };
      io.stderr(`${input!.display}:${at.line}:${at.column}: error build: ${clean(oneLine(e))}\n`);
      return 1;
    }
    throw e;
  }
  io.stdout(xml.endsWith('\n') ? xml : xml + '\n');
  return 0;
}

/** Messages quote keys and values from the input: control characters are shown escaped, never sent to the terminal. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\n/g, '\\n');
}
