/**
 * Running the built CLI as a child process without blocking the test's event loop (the fake
 * Cloud Director runs in the test process, so spawnSync would starve it), and the secret check.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN, ROOT, type CliResult } from '../cli/helpers.js';

/** Run `vmparams ...args` and resolve when it exits; `ms` is how long it took. */
export function run(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string } = {}): Promise<CliResult & { ms: number }> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first (npm test does)`);
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'VMPARAMS_DEBUG', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'VMPARAMS_VCD_PASSWORD', 'VMPARAMS_VCD_TOKEN']) {
    if (!opts.env || !(k in opts.env)) delete env[k];
  }
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - t0 });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Every spelling of a secret that must never be printed: plain, URL-encoded, base64 (also of user@org:secret). */
export function spellings(secret: string, logins: string[] = []): string[] {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [secret, encodeURIComponent(secret), b64(secret), b64(secret).replace(/=+$/, ''), ...logins.map((l) => b64(`${l}:${secret}`))];
}

/** An exit-2 failure: one line on stderr, nothing on stdout, no stack trace. */
export function oneLine(r: CliResult): string {
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('warning: '));
  if (lines.length !== 1 || r.stdout !== '' || /\n\s+at /.test(r.stderr)) throw new Error(`expected one line on stderr, got:\n${r.stderr}\nstdout:\n${r.stdout}`);
  return lines[0]!;
}
