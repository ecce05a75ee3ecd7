/**
 * Checks the fixture corpus itself against the OFFICIAL vCloud Director schemas (../shared/reference), so the
 * project's own validator is never its own oracle:
 *  - fixtures/valid/*.xml are accepted,
 *  - fixtures/invalid/*.xml are rejected (schema error or not well-formed),
 *  - fixtures/invalid/semantic/*.xml are accepted (they break only server-side rules, see semantic-rules.md),
 * and every invalid fixture states what is wrong in a leading `<!-- invalid: ... -->` comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, test } from 'vitest';
import { officialSchemaUnavailableReason, officialValidator } from './helpers/official-schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = {
  valid: join(root, 'fixtures', 'valid'),
  invalid: join(root, 'fixtures', 'invalid'),
  semantic: join(root, 'fixtures', 'invalid', 'semantic'),
};

function xmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
}

const valid = xmlFiles(dirs.valid);
const invalid = xmlFiles(dirs.invalid);
const semantic = xmlFiles(dirs.semantic);
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

/** The note must be the first thing after the optional XML declaration (and optional BOM). */
const NOTE = /^\uFEFF?(?:<\?xml[^?]*\?>\s*)?<!-- invalid: ([^\n]+?) -->/;

describe('fixture corpus shape', () => {
  test('has at least three valid documents per request type', () => {
    const roots = ['InstantiateVAppTemplateParams', 'ComposeVAppParams', 'RecomposeVAppParams', 'CloneVAppParams', 'InstantiateOvfParams'];
    const count = new Map<string, number>();
    for (const f of valid) {
      const doc = XmlDocument.fromString(read(dirs.valid, f));
      try {
        const name = doc.root.name;
        count.set(name, (count.get(name) ?? 0) + 1);
      } finally {
        doc.dispose();
      }
    }
    for (const r of roots) expect(count.get(r) ?? 0, r).toBeGreaterThanOrEqual(3);
  });

  test('has invalid and semantic fixtures', () => {
    expect(invalid.length).toBeGreaterThan(0);
    expect(semantic.length).toBeGreaterThan(0);
  });

  test.each([
    ...invalid.map((f) => [`invalid/${f}`, dirs.invalid, f] as const),
    ...semantic.map((f) => [`invalid/semantic/${f}`, dirs.semantic, f] as const),
  ])('%s starts with an "<!-- invalid: ... -->" note', (_label, dir, f) => {
    const m = NOTE.exec(read(dir, f));
    expect(m, 'missing leading <!-- invalid: ... --> comment').not.toBeNull();
    expect(m![1].trim().length).toBeGreaterThan(10);
  });

  test.each(valid)('valid/%s carries no invalid note', (f) => {
    expect(read(dirs.valid, f)).not.toMatch(/<!-- invalid:/);
  });
});

const unavailable = officialSchemaUnavailableReason();
if (unavailable) console.log(`fixtures.test.ts: skipping official-schema checks: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('fixtures against the official vCD 10.2.2 schemas', () => {
  test.each(valid)('valid/%s is accepted', async (f) => {
    const validate = await officialValidator();
    const verdict = validate(read(dirs.valid, f));
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  test.each(invalid)('invalid/%s is rejected', async (f) => {
    const validate = await officialValidator();
    const verdict = validate(read(dirs.invalid, f));
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.length).toBeGreaterThan(0);
  });

  test.each(semantic)('invalid/semantic/%s is schema-valid', async (f) => {
    const validate = await officialValidator();
    const verdict = validate(read(dirs.semantic, f));
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });
});
