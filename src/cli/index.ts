/**
 * The vmparams command line as a function (style.md §14, after eslint's lib/cli.js): `run(argv, io)`
 * resolves to the exit status and never throws, so it can be tested in process with a fake Io.
 * bin.ts is the thin wrapper that binds it to the real process. Exported as `vmparams/cli`:
 * `await run(process.argv.slice(2), processIo())` is the `vmparams` command.
 * @module vmparams/cli
 */
import { oneLine, UsageError } from './errors.js';
import { MAIN_HELP, HELP } from './help.js';
import type { Io } from './io.js';
import { packageVersion } from './version.js';

export type { Io } from './io.js';
export { processIo } from './io.js';

type Command = (argv: string[], io: Io) => Promise<number>;

/** Commands are loaded when used, so `vmparams --version` or `rules` do not load the XML Schema engine. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.js')).runValidate,
  normalize: async () => (await import('./commands/normalize.js')).runNormalize,
  build: async () => (await import('./commands/build.js')).runBuild,
  fmt: async () => (await import('./commands/fmt.js')).runFmt,
  rules: async () => (await import('./commands/rules.js')).runRules,
  xsd: async () => (await import('./commands/xsd.js')).runXsd,
  graph: async () => (await import('./commands/graph.js')).runGraph,
  lsp: async () => (await import('./commands/lsp.js')).runLsp,
  'instant-clone': async () => (await import('./instant-clone.js')).runInstantClone,
  vcd: async () => (await import('./commands/vcd.js')).runVcd,
};

/** Run the CLI with `argv` (the arguments after `vmparams`). Resolves to 0, 1 or 2 (interface.md). */
export async function run(argv: string[], io: Io): Promise<0 | 1 | 2> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      // Command errors read `validate: ...` and become `vmparams validate: ...`; others `vmparams: ...`.
      io.stderr(/^[\w-]+: /.test(e.message) ? `vmparams ${e.message}\n` : `vmparams: ${e.message}\n`);
    } else {
      // Not the user's fault: still one line, with the stack only on request.
      io.stderr(`vmparams: internal error: ${oneLine(e)}\n`);
      if (io.env.VMPARAMS_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    }
    return 2;
  }
}

async function dispatch(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(MAIN_HELP);
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(MAIN_HELP);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) io.stdout(MAIN_HELP);
    else if (HELP[topic]) io.stdout(HELP[topic]);
    else if (topic === 'instant-clone') return exitCode(await (await COMMANDS['instant-clone']!())(['--help'], io));
    else if (topic === 'vcd') return exitCode(await (await COMMANDS.vcd!())(['--help'], io));
    else throw new UsageError(`help: no command '${topic}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return 0;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'; options go after the command (see 'vmparams --help')`);
  const load = COMMANDS[first];
  if (!load) throw new UsageError(`unknown command '${first}' (commands: ${Object.keys(COMMANDS).join(', ')}; see 'vmparams --help')`);
  const command = await load();
  return exitCode(await command(rest, io));
}

/** Commands written elsewhere return a number; anything but 0 and 1 means the command could not run. */
function exitCode(n: number): 0 | 1 | 2 {
  return n === 0 || n === 1 ? n : 2;
}
