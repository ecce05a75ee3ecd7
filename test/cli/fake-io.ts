/** An in-process Io for run(argv, io): output collected in strings, the working directory chosen. */
import type { Io } from '../../src/cli/io.js';
import { ROOT } from './helpers.js';

/** Io that records what was written. */
export interface FakeIo extends Io {
  out: string;
  err: string;
}

/** A fake Io (no terminal, empty environment unless given). */
export function fakeIo(opts: { cwd?: string; env?: Record<string, string>; isTTY?: boolean; stdin?: string } = {}): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    readStdin: async () => new TextEncoder().encode(opts.stdin ?? ''),
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
  };
  return io;
}
