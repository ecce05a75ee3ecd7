/**
 * `vmparams vcd versions|send|schemas|context` (interface.md, "Live Cloud Director"): the dispatcher.
 * Exit status: 0 done, 1 the document has errors or the server refused it (send), 2 the command
 * could not run (bad option, no server, TLS failure, login refused, timeout), always as one line.
 */
import { oneLine, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { escapeControls } from '../sanitize.js';
import { VCD_HELP } from '../vcd/help.js';

type Sub = (argv: string[], io: Io) => Promise<number>;

const SUBCOMMANDS: Record<string, () => Promise<Sub>> = {
  versions: async () => (await import('../vcd/simple.js')).runVersions,
  send: async () => (await import('../vcd/send.js')).runSend,
  schemas: async () => (await import('../vcd/simple.js')).runSchemas,
  context: async () => (await import('../vcd/simple.js')).runContext,
};

/** Run `vmparams vcd <args>`; returns the exit status (0, 1 or 2). Never throws: failures are one line. */
export async function runVcd(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    // Usage errors read `vcd send: ...`; anything else is ours: one line, the stack only with VMPARAMS_DEBUG.
    io.stderr(e instanceof UsageError ? `vmparams ${escapeControls(e.message)}\n` : `vmparams vcd: internal error: ${escapeControls(oneLine(e))}\n`);
    if (!(e instanceof UsageError) && io.env.VMPARAMS_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return 2;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) {
    io.stderr(VCD_HELP.main!);
    return 2;
  }
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(VCD_HELP.main!);
    return 0;
  }
  const load = SUBCOMMANDS[sub];
  if (!load) throw new UsageError(`vcd: unknown command '${escapeControls(sub)}' (commands: ${Object.keys(SUBCOMMANDS).join(', ')}; see 'vmparams vcd --help')`);
  return (await load())(rest, io);
}
