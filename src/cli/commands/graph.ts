/**
 * `vmparams graph <file.xml|-> [--format mermaid|dot|svg|json] [-o FILE]` (interface.md "See the vApp"):
 * the library's graph() drawn by renderGraph(), on stdout or into FILE. A document that cannot be read
 * as a request is reported like normalize does (one line, exit 1); a bad flag or an unreadable file
 * exits 2.
 */
import path from 'node:path';
import { boolOpt, choiceOpt, parseCommandArgs, stringOpt } from '../args.js';
import { documentErrorLine } from '../docerrors.js';
import { AtomicWriteError, writeFileAtomicSync } from '../atomic-write.js';
import { UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { collectInputs, readInputFile } from '../inputs.js';
import type { Io } from '../io.js';
import { graph, GRAPH_FORMATS, renderGraph } from '../../graph/index.js';
import { countOpt, sizeOpt } from '../limits.js';

/** Run `vmparams graph` with the arguments after the command name. */
export async function runGraph(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('graph', argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'max-size': { type: 'string' },
    'max-depth': { type: 'string' },
  });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.graph!);
    return 0;
  }
  const format = choiceOpt('graph', args, 'format', GRAPH_FORMATS, 'mermaid');
  const output = stringOpt(args, 'output');
  if (output === '') throw new UsageError("graph: -o needs a file name (see 'vmparams graph --help')");
  const limits: { maxBytes?: number; maxDepth?: number } = {};
  const maxSize = stringOpt(args, 'max-size');
  if (maxSize !== undefined) limits.maxBytes = sizeOpt('graph', maxSize);
  const maxDepth = stringOpt(args, 'max-depth');
  if (maxDepth !== undefined) limits.maxDepth = countOpt('graph', '--max-depth', maxDepth);
  if (args.positionals.length !== 1) throw new UsageError("graph: give exactly one file or '-' (see 'vmparams graph --help')");

  const [input] = await collectInputs(args.positionals, io, { command: 'graph' });
  const bytes = input!.bytes ?? readInputFile('graph', io, input!.abs!);
  let text: string;
  try {
    text = renderGraph(graph(bytes, limits), format);
  } catch (e) {
    const line = documentErrorLine(input!.display, e);
    if (line === undefined) throw e;
    io.stderr(line);
    return 1;
  }
  if (output === undefined || output === '-') io.stdout(text);
  else writeOutput(io, output, text);
  return 0;
}

/**
 * Replace `file` with `text` atomically (atomic-write.ts: temporary file in the same folder, fsync,
 * rename; an existing file keeps its mode), so a reader never sees half a picture. The error names
 * the file as the user wrote it.
 */
function writeOutput(io: Io, file: string, text: string): void {
  const abs = path.resolve(io.cwd, file);
  try {
    writeFileAtomicSync(abs, text);
  } catch (e) {
    if (!(e instanceof AtomicWriteError)) throw e;
    const head = `cannot write ${abs}: `;
    throw new UsageError(`graph: cannot write ${file}: ${e.message.startsWith(head) ? e.message.slice(head.length) : e.message}`);
  }
}

