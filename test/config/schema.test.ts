/**
 * schemas/vmparams-config.schema.json and the checker (src/config/fields.ts) agree: the file is the
 * generated one, and ajv (a JSON Schema 2020-12 validator) accepts exactly the documents that
 * readConfigFile accepts, over hand-picked and generated documents.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, configJsonSchema, configurableRuleIds, LEVELS, readConfigFile } from '../../src/config/index.js';
import { tempDir } from '../cli/helpers.js';

const SCHEMA_FILE = resolve(import.meta.dirname, '../../schemas/vmparams-config.schema.json');
const tmp = tempDir();
afterAll(tmp.cleanup);
mkdirSync(tmp.dir, { recursive: true });

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const schemaAccepts = ajv.compile(schema);

/** The checker's verdict on a document: true when readConfigFile accepts it. */
function checkerAccepts(doc: unknown): boolean {
  const file = join(tmp.dir, 'vmparams.config.json');
  writeFileSync(file, JSON.stringify(doc));
  try {
    readConfigFile(file);
    return true;
  } catch (e) {
    if (e instanceof ConfigError) return false;
    throw e;
  }
}

describe('schemas/vmparams-config.schema.json', () => {
  it('is generated from the field table (node scripts/config-schema.mjs, or UPDATE=1, rewrites it)', () => {
    const generated = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE) writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('lists the fields of interface.md and every configurable rule id, and no locked one', () => {
    const s = schema as { properties: Record<string, { properties?: Record<string, unknown> }>; additionalProperties: boolean };
    expect(Object.keys(s.properties)).toEqual(['$schema', 'apiVersion', 'context', 'strict', 'rules', 'ignore', 'printWidth']);
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties.rules!.properties!)).toEqual(configurableRuleIds());
    expect(configurableRuleIds()).toContain('unused-directive');
    expect(configurableRuleIds()).not.toContain('xsd');
    expect(configurableRuleIds()).not.toContain('xml');
  });

  const cases: [string, unknown, boolean][] = [
    ['empty object', {}, true],
    ['every field', { $schema: 'x', apiVersion: '36.0', context: 'vdc.json', strict: false, rules: { 'nic/adapter-type': 'off', 'unused-directive': 'error' }, ignore: ['build/**'] }, true],
    ['array root', [], false],
    ['string root', 'rules', false],
    ['null root', null, false],
    ['unknown field', { rulez: {} }, false],
    ['printWidth', { printWidth: 120 }, true],
    ['printWidth 0', { printWidth: 0 }, false],
    ['printWidth not whole', { printWidth: 80.5 }, false],
    ['printWidth string', { printWidth: '100' }, false],
    ['apiVersion number', { apiVersion: 36 }, false],
    ['apiVersion word', { apiVersion: 'latest' }, false],
    ['apiVersion three parts', { apiVersion: '36.0.1' }, false],
    ['context empty', { context: '' }, false],
    ['context object', { context: { vdc: {} } }, false],
    ['strict string', { strict: 'true' }, false],
    ['rules array', { rules: [] }, false],
    ['rules null', { rules: null }, false],
    ['rules unknown id', { rules: { 'nic/nope': 'off' } }, false],
    ['rules xsd', { rules: { xsd: 'off' } }, false],
    ['rules xml', { rules: { xml: 'error' } }, false],
    ['rules bad level', { rules: { 'name/length': 'warn' } }, false],
    ['rules numeric level', { rules: { 'name/length': 0 } }, false],
    ['ignore string', { ignore: 'build' }, false],
    ['ignore empty entry', { ignore: [''] }, false],
    ['ignore number entry', { ignore: [1] }, false],
    ['ignore empty array', { ignore: [] }, true],
  ];
  it.each(cases)('agrees with the checker: %s', (_name, doc, expected) => {
    expect(checkerAccepts(doc)).toBe(expected);
    expect(schemaAccepts(doc)).toBe(expected);
  });

  it('agrees with the checker on generated documents', () => {
    const ids = configurableRuleIds();
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    const level = fc.oneof(fc.constantFrom(...LEVELS), fc.constantFrom('warn', 'Error', '', 'on'), fc.integer({ min: 0, max: 2 }));
    const ruleId = fc.oneof(fc.constantFrom(...ids), fc.constantFrom('xml', 'xsd', 'nic/nope', ''));
    const doc = fc.record(
      {
        apiVersion: fc.oneof(fc.constantFrom('36.0', '5.1', '1000.0', '36', 'v36.0'), anyValue),
        context: fc.oneof(fc.constantFrom('vdc.json', '', '../a/b.json'), anyValue),
        strict: fc.oneof(fc.boolean(), anyValue),
        rules: fc.oneof(fc.dictionary(ruleId, level, { maxKeys: 3 }), anyValue),
        ignore: fc.oneof(fc.array(fc.oneof(fc.constantFrom('build/**', '*.xml'), fc.string({ maxLength: 3 })), { maxLength: 3 }), anyValue),
        extra: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (d) => {
        expect(checkerAccepts(d), JSON.stringify(d)).toBe(schemaAccepts(d));
      }),
      { numRuns: 300 },
    );
  });
});
