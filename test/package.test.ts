/**
 * Package hygiene (issue 13): what `npm pack` ships (LICENSE, no source maps without sources, no
 * tests), the package.json fields, publint and arethetypeswrong clean (both run offline on the
 * packed tarball; `npm pack --ignore-scripts` so the test does not rebuild dist/ under the other
 * tests), and using vmparams from CommonJS as the README says (`await import`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publint } from 'publint';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, any>;
const tmp = mkdtempSync(join(tmpdir(), 'vmparams-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let tarball = '';
let files: string[] = [];
beforeAll(() => {
  const r = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(tmp, info.filename);
  files = info.files.map((f) => f.path);
}, 120_000);

describe('the packed package', () => {
  it('ships the license, the build, the schemas and no source maps or tests', () => {
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/cli/index.d.ts');
    expect(files).toContain('schemas/request.schema.json');
    expect(files).toContain('schemas/instant-clone.schema.json');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /(^|\/)test\/|\.test\./.test(f))).toEqual([]);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
  });

  it('names its repository, homepage and issue tracker', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/vmparams/vmparams.git' });
    expect(pkg.homepage).toBe('https://github.com/vmparams/vmparams#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/vmparams/vmparams/issues' });
  });

  it('publint finds nothing', async () => {
    const { messages } = await publint({ pack: { tarball: readFileSync(tarball).buffer as ArrayBuffer }, level: 'suggestion' });
    // One suggestion is declined on purpose: the `browser` field swaps two Node-only files inside dist/
    // (schema directories, libxml2) for an empty module in browser bundles; an `imports` map could do it
    // only if the sources imported those files by a `#name`, which the tests (run from src/) cannot resolve.
    expect(messages.filter((m) => m.code !== 'USE_EXPORTS_OR_IMPORTS_BROWSER')).toEqual([]);
  });

  it('arethetypeswrong finds nothing (ESM-only profile: CommonJS consumers use await import)', () => {
    const bin = join(ROOT, 'node_modules/.bin/attw');
    const r = spawnSync(bin, [tarball, '--profile', 'esm-only', '--format', 'json'], { encoding: 'utf8' });
    // The JSON lists every resolution; the esm-only profile ignores node10 and require() from CommonJS.
    const report = JSON.parse(r.stdout) as { problems?: Record<string, { resolutionKind?: string }[]> };
    const counted = Object.values(report.problems ?? {}).flat().filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs');
    expect(counted).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe('from CommonJS', () => {
  it('require fails as Node says, await import works (the README example)', () => {
    const app = join(tmp, 'cjs-app');
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(app, 'node_modules', 'vmparams'), 'dir');
    writeFileSync(
      join(app, 'main.cjs'),
      `try { require('vmparams'); } catch (e) { console.log(e.code); }
(async () => {
  const { composeVApp, build } = await import('vmparams');
  const { run } = await import('vmparams/cli');
  console.log(build(composeVApp({ name: 'from-cjs' })).includes('name="from-cjs"'), typeof run);
})();
`,
    );
    const r = spawnSync(process.execPath, [join(app, 'main.cjs')], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['ERR_PACKAGE_PATH_NOT_EXPORTED', 'true function']);
  });
});
