/** Temporary folders for tests that write files: one fresh folder per case, and a small tmpfs for disk-full cases. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A function giving a new empty folder on each call, all below one temporary folder (returned as `root`) removed after the file's tests. */
export function caseDirs(prefix: string): { root: string; fresh: () => string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  return {
    root,
    fresh: () => {
      const d = join(root, `case-${++n}`);
      mkdirSync(d);
      return d;
    },
  };
}

/** Mount a tmpfs of `size` (`64k`) at dir, or say why not (it needs root). */
export function mountTmpfs(dir: string, size: string): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root (mounting a tmpfs needs root)';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe', timeout: 10_000 });
    return undefined;
  } catch (e) {
    return `mount -t tmpfs failed (${(e as Error).message.split('\n')[0]})`;
  }
}
