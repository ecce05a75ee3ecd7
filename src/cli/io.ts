/** What a CLI command may touch: streams, environment and working directory, so it can run in-process in tests. */
export interface Io {
  /** Write to standard output (no newline added). */
  stdout(text: string): void;
  /** Write bytes to standard output as they are (fmt prints a document in its own encoding); optional. */
  stdoutBytes?(bytes: Uint8Array): void;
  /** Write to standard error (no newline added). */
  stderr(text: string): void;
  /** Read all of standard input. */
  readStdin(): Promise<Uint8Array>;
  /** Working directory used to resolve and display paths. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when stdout is a terminal (colour, progress). */
  isTTY: boolean;
  /** True when stderr is a terminal (task progress of `vcd send`); absent = false. */
  stderrIsTTY?: boolean;
}

/** The real process's streams. */
export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stdoutBytes: (b) => void process.stdout.write(b),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
