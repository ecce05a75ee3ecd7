/**
 * `vmparams normalize <file|-> [--api-version N.N] [--max-size N] [--max-depth N]`: the library's
 * normalize as JSON on stdout. With --api-version, for that version (what build writes for it) and
 * an element the version does not have is an error at its place (exit 1).
 */
import { apiVersionOpt, boolOpt, parseCommandArgs } from '../args.js';
import { documentErrorLine } from '../docerrors.js';
import { oneLine, UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { collectInputs } from '../inputs.js';
import type { Io } from '../io.js';
import { normalize, parse } from '../lib.js';
import type { ParsedDocument } from '../../document.js';
import { LIMIT_OPTIONS, limitsOpt, readAtMost, tooLargeMessage } from '../limits.js';
import { stringifyJson } from '../../json-deep.js';
import { VersionError } from '../../versioning.js';
import { placeOf } from '../../xml/positions.js';

/** Run `vmparams normalize` with the arguments after the command name. */
export async function runNormalize(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('normalize', argv, { 'api-version': { type: 'string' }, ...LIMIT_OPTIONS });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.normalize!);
    return 0;
  }
  const apiVersion = apiVersionOpt('normalize', args);
  const limits = limitsOpt('normalize', args);
  if (args.positionals.length !== 1) throw new UsageError("normalize: give exactly one file or '-' (see 'vmparams normalize --help')");
  const [input] = await collectInputs(args.positionals, io, { command: 'normalize' });
  const bytes = input!.bytes ?? readAtMost('normalize', input!.display, input!.abs!, limits.maxBytes);
  if (bytes === null) {
    io.stderr(`${input!.display}:0:0: error xml: ${tooLargeMessage(limits.maxBytes)}\n`);
    return 1;
  }
  let parsed: ParsedDocument;
  let doc: unknown;
  try {
    parsed = parse(bytes, limits);
    doc = normalize(parsed, apiVersion === undefined ? {} : { apiVersion });
  } catch (e) {
    if (e instanceof VersionError) {
      const at = e.at ? placeOf(e.at.node, e.at.key, e.at.index) : placeOf(parsed!);
      io.stderr(`${input!.display}:${at.line}:${at.column}: error version/${e.issue}: ${oneLine(e)}\n`);
      return 1;
    }
    // A stack overflow on a deep document raised with --max-depth is a limit of this command, not a crash.
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      io.stderr(`${input!.display}:0:0: error xml: the document is nested too deeply to normalize; lower --max-depth\n`);
      return 1;
    }
    const line = documentErrorLine(input!.display, e);
    if (line === undefined) throw e;
    io.stderr(line);
    return 1;
  }
  io.stdout(stringifyJson(doc) + '\n');
  return 0;
}
