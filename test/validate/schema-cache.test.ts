/**
 * The --schema-dir compile cache (src/validate/schema-cache.ts): what it reads back gives the same
 * verdicts as a fresh compile, and the CLI uses it, refreshes a damaged entry and can be turned off.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSet } from '../../src/xsd/compile.js';
import { schemaFromJSON, schemaToJSON } from '../../src/xsd/json.js';
import { dirSource, schemaDirEntry } from '../../src/xsd/load/fs.js';
import { CompiledSchema } from '../../src/xsd/schema.js';
import { cacheDir } from '../../src/validate/schema-cache.js';
import { cli, xmlFilesUnder } from '../cli/helpers.js';
import { corpus, HAVE_REFERENCE, REFERENCE, ROOT, skipReason } from '../helpers/reference.js';

const OFFICIAL = join(REFERENCE, 'vcd-api-schemas/etc');
const tmp = mkdtempSync(join(tmpdir(), 'vmparams-schema-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('where the cache lives', () => {
  it('VMPARAMS_CACHE_DIR, XDG_CACHE_HOME, ~/.cache; VMPARAMS_NO_CACHE turns it off', () => {
    expect(cacheDir({ VMPARAMS_CACHE_DIR: '/c' })).toBe('/c');
    if (process.platform !== 'win32') expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/vmparams');
    expect(cacheDir({ VMPARAMS_NO_CACHE: '1', VMPARAMS_CACHE_DIR: '/c' })).toBeUndefined();
    expect(cacheDir({ VMPARAMS_NO_CACHE: '0', VMPARAMS_CACHE_DIR: '/c' })).toBe('/c');
  });
});

describe.skipIf(!HAVE_REFERENCE)('the official set read back from its cached form', () => {
  skipReason();
  it('gives every document the verdict and the problems of a fresh compile', () => {
    const src = dirSource(OFFICIAL);
    const fresh = compileSet(src, schemaDirEntry(OFFICIAL));
    const back = CompiledSchema.from({ tables: schemaFromJSON(JSON.parse(JSON.stringify(schemaToJSON(fresh.tables)))), unresolved: fresh.unresolved });
    const direct = CompiledSchema.from(fresh);
    const docs = [...xmlFilesUnder('fixtures').map((f) => join(ROOT, f)), ...corpus().map((c) => c.path)];
    expect(docs.length).toBeGreaterThan(80);
    let invalid = 0;
    for (const f of docs) {
      const bytes = readFileSync(f);
      const a = direct.validate(bytes);
      expect(back.validate(bytes), f).toEqual(a);
      if (!a.valid) invalid++;
    }
    expect(invalid).toBeGreaterThan(20);
  });
});

describe.skipIf(!HAVE_REFERENCE || !existsSync(join(ROOT, 'dist/xsd/build-id.txt')))('vmparams validate --schema-dir with the cache', () => {
  const dir = join(tmp, 'cache');
  const run = (env: Record<string, string> = { VMPARAMS_CACHE_DIR: dir }) => cli(['validate', '--no-lint', '--format', 'json', '--schema-dir', OFFICIAL, 'fixtures/valid', 'fixtures/invalid'], { env });
  const entries = () => (existsSync(dir) ? readdirSync(dir) : []);

  it('stores the compiled set on the first run and reads it on the next, with the same report', () => {
    const first = run();
    expect(first.stderr).toBe('');
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toMatch(/^schema-[0-9a-f]{40}\.json$/);
    const second = run();
    expect(second).toEqual(first);
    expect(JSON.parse(second.stdout).summary.errors).toBeGreaterThan(10);
  });

  it('a damaged entry is compiled again and replaced; VMPARAMS_NO_CACHE=1 neither reads nor writes', () => {
    const file = join(dir, entries()[0]!);
    const good = run();
    writeFileSync(file, '{"format":1,"tables":');
    expect(run()).toEqual(good);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe(1);
    rmSync(dir, { recursive: true, force: true });
    expect(run({ VMPARAMS_CACHE_DIR: dir, VMPARAMS_NO_CACHE: '1' })).toEqual(good);
    expect(entries()).toHaveLength(0);
  });
});
