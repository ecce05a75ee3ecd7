/** `vmparams instant-clone ...` in process with a memory Io (shared by the instant-clone CLI tests). */
import { resolve } from 'node:path';
import { runInstantClone } from '../../src/cli/instant-clone.js';
import type { Io } from '../../src/cli/io.js';

/** What a run printed and how it ended. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `vmparams instant-clone ...args` with the given standard input and environment. */
export async function run(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => new TextEncoder().encode(opts.stdin ?? ''),
    cwd: resolve('.'),
    env: opts.env ?? {},
    isTTY: false,
  };
  const code = await runInstantClone(args, io);
  return { code, stdout, stderr };
}
