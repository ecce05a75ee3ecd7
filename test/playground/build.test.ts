/**
 * `npm run playground` (scripts/playground.mjs) as a user runs it: one self-contained file in
 * playground/dist, the size printed, one-line errors. No browser needed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples, KINDS, ROOT } from '../../scripts/playground-build.mjs';

const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/playground.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run playground', () => {
  it('writes playground/dist/index.html with everything inlined', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^playground\/dist\/index\.html: \d+ KiB \(\d+ KiB gzipped\), codemirror editor\n$/);
    const html = readFileSync(join(ROOT, 'playground/dist/index.html'), 'utf8');
    // One classic inline script and one inline stylesheet: nothing to fetch, so file:// works.
    // (Booleans, not toMatch on the page: a failure would print a megabyte of script.)
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
    expect(/\bsrc=["'](?!data:)|<link\b|type=["']module["']|\bimport\(["']/.exec(html)?.[0]).toBeUndefined();
    expect(html.includes('/*SCRIPT*/') || html.includes('/*STYLE*/')).toBe(false);
    // The examples are in the page, one per request type (page.test.ts loads each and checks its text).
    for (const e of examples()) expect(html.includes(`"${e.file}"`), e.file).toBe(true);
    expect(examples().map((e) => e.kind)).toEqual(KINDS);
  }, 60_000);

  it('refuses an unknown editor in one line, exit 2', () => {
    const r = run('--editor', 'vim');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('playground: --editor must be codemirror or textarea, got vim\n');
  });
});
