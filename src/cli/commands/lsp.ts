/**
 * `vmparams lsp [--stdio]`: the language server over standard input and output (interface.md,
 * "Language server"). stdio is the only transport and the default; the process ends when the
 * editor sends `exit` (status 0 after `shutdown`, else 1) or closes the pipe.
 */
import { boolOpt, parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { HELP } from '../help.js';
import type { Io } from '../io.js';

/** Run `vmparams lsp` with the arguments after the command name. */
export async function runLsp(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('lsp', argv, { stdio: { type: 'boolean' } });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.lsp!);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`lsp: takes no file ('${args.positionals[0]}'); the editor sends the documents (see 'vmparams lsp --help')`);
  const [{ createConnection, ProposedFeatures }, { startServer }] = await Promise.all([import('vscode-languageserver/node'), import('../../lsp/server.js')]);
  // stdout carries the protocol: anything a library prints goes to stderr instead.
  const toStderr = (...parts: unknown[]) => void process.stderr.write(parts.map(String).join(' ') + '\n');
  console.log = console.info = console.warn = console.debug = toStderr;
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
  // The connection ends the process (on `exit`, or when the editor closes the pipe).
  return new Promise<never>(() => {});
}
