/**
 * Running the built CLI as a user would: `node dist/cli/vmparams.js ...` in a child process (npm test
 * builds first). Colour variables are removed so output does not depend on the caller's terminal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'dist/cli/vmparams.js');

/** What a run printed and how it ended. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options for cli(). */
export interface CliOptions {
  /** Standard input. */
  input?: string | Uint8Array;
  /** Working directory (default: the repository root). */
  cwd?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** Run `vmparams ...args` and wait for it. */
export function cli(args: string[], opts: CliOptions = {}): CliResult {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first (npm test does)`);
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'VMPARAMS_DEBUG']) if (!opts.env || !(k in opts.env)) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `file:line:column: severity rule: message` (interface.md, text format). */
export const PROBLEM_LINE = /^(.+?):(\d+):(\d+): (error|warning|info) (\S+): (.+)$/;

/** The XML files below a fixtures folder, relative to the repository root, in the order the CLI walks them. */
export function xmlFilesUnder(dir: string, recursive = true): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  const names = readdirSync(abs).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const full = join(abs, name);
    if (statSync(full).isDirectory()) {
      if (recursive && !name.startsWith('.')) out.push(...xmlFilesUnder(relative(ROOT, full)));
    } else if (name.toLowerCase().endsWith('.xml')) out.push(relative(ROOT, full));
  }
  return out;
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'vmparams-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The JSON output shape of interface.md. */
export interface JsonOutput {
  files: { file: string; kind: string | null; valid: boolean; problems: { severity: string; rule: string; line: number; column: number; path: string; message: string }[] }[];
  summary: { files: number; valid: number; errors: number; warnings: number };
}
