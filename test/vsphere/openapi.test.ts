/**
 * Our zod schemas against the official vCenter 7.0.3 OpenAPI description (read at test time from
 * ../shared/reference; skipped with a printed reason when absent):
 * 1. structure: every object has exactly the OpenAPI's property names, required list, JSON types
 *    and enum values, in both forms;
 * 2. verdicts: on everything the OpenAPI can express, our verdict equals a validator driven by it,
 *    for hand-picked bodies, the fixtures and bodies generated from the OpenAPI itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemas, validate } from '../../src/vsphere/index.js';
import { bodySchema, deref, loadOpenApi, oracleValidate, openapiUnavailableReason, type OpenApiDoc, type OSchema } from './openapi-oracle.js';

const reason = openapiUnavailableReason();
if (reason) console.log(`skipping OpenAPI agreement tests: ${reason}`);
const doc: OpenApiDoc | undefined = reason ? undefined : loadOpenApi();

type JS = { type?: string; properties?: Record<string, JS>; required?: string[]; items?: JS; enum?: string[]; additionalProperties?: JS | boolean; pattern?: string };

/** Walk both schemas together and list every difference. */
function compare(d: OpenApiDoc, ours: JS, theirsRaw: OSchema, path: string, diffs: string[]): void {
  const theirs = deref(d, theirsRaw);
  if (ours.type !== theirs.type) diffs.push(`${path}: type ${ours.type} vs ${theirs.type}`);
  if (theirs.enum || ours.enum) {
    const a = [...(ours.enum ?? [])].sort().join(',');
    const b = [...(theirs.enum ?? [])].sort().join(',');
    if (a !== b) diffs.push(`${path}: enum [${a}] vs [${b}]`);
  }
  if (theirs.format === 'uri' && !ours.pattern) diffs.push(`${path}: format uri not checked`);
  if (theirs.properties || ours.properties) {
    const a = Object.keys(ours.properties ?? {}).sort();
    const b = Object.keys(theirs.properties ?? {}).sort();
    if (a.join(',') !== b.join(',')) diffs.push(`${path}: properties [${a}] vs [${b}]`);
    const ra = [...(ours.required ?? [])].sort().join(',');
    const rb = [...(theirs.required ?? [])].sort().join(',');
    if (ra !== rb) diffs.push(`${path}: required [${ra}] vs [${rb}]`);
    for (const k of b) if (ours.properties?.[k]) compare(d, ours.properties[k], theirs.properties![k], `${path}/${k}`, diffs);
  }
  if (theirs.additionalProperties) {
    if (typeof ours.additionalProperties !== 'object') diffs.push(`${path}: map missing`);
    else compare(d, ours.additionalProperties, theirs.additionalProperties, `${path}/*`, diffs);
  }
  if (theirs.items || ours.items) {
    if (!ours.items || !theirs.items) diffs.push(`${path}: items on one side only`);
    else compare(d, ours.items, theirs.items, `${path}/[]`, diffs);
  }
}

/** Rules whose findings the OpenAPI can express (types, enums, required fields, map encodings, uri format). */
const EXPRESSIBLE = new Set(['instant-clone/type', 'instant-clone/enum', 'instant-clone/required', 'instant-clone/wrong-form', 'instant-clone/uri-format']);

/** Our verdict restricted to what the OpenAPI can express. */
function expressibleErrors(body: unknown, form: 'api' | 'rest') {
  return validate(body, { form }).problems.filter(
    (p) =>
      p.severity === 'error' &&
      EXPRESSIBLE.has(p.rule) &&
      // The /rest {key, value} items have no `required` in the OpenAPI; ours require both (see the structure test).
      !(p.rule === 'instant-clone/required' && /\/\d+\/(key|value)$/.test(p.path)),
  );
}

function agree(d: OpenApiDoc, body: unknown, form: 'api' | 'rest'): { oracle: string[]; ours: string[] } {
  const oracle = oracleValidate(d, bodySchema(d, form), body);
  const ours = expressibleErrors(body, form).map((p) => `${p.rule} ${p.path}`);
  return { oracle, ours };
}

describe.skipIf(!doc)('zod schemas vs the OpenAPI structure', () => {
  it.each([
    ['api', schemas.InstantCloneSpec],
    ['rest', schemas.RestInstantCloneBody],
  ] as const)('%s form: same properties, required lists, types and enums everywhere', (form, schema) => {
    const ours = z.toJSONSchema(schema, { io: 'input' }) as JS;
    const diffs: string[] = [];
    compare(doc!, ours, bodySchema(doc!, form), '', diffs);
    // The only deliberate difference: the /rest map items {key, value} have no `required` in the OpenAPI,
    // but an entry without key or value means nothing, so ours require both.
    const expected =
      form === 'rest'
        ? ['nics_to_update', 'parallel_ports_to_update', 'serial_ports_to_update'].map((m) => `/spec/${m}/[]: required [key,value] vs []`)
        : [];
    expect(diffs.sort()).toEqual(expected.sort());
  });

  it('detects a difference (the comparison can fail)', () => {
    const diffs: string[] = [];
    const tampered = z.toJSONSchema(schemas.InstantCloneSpec, { io: 'input' }) as JS;
    delete tampered.properties!.bios_uuid;
    tampered.required = ['source'];
    compare(doc!, tampered, bodySchema(doc!, 'api'), '', diffs);
    expect(diffs.some((x) => x.startsWith(': properties'))).toBe(true);
    expect(diffs.some((x) => x.startsWith(': required [source] vs [name,source]'))).toBe(true);
  });
});

const hand: [string, 'api' | 'rest', unknown, boolean][] = [
  ['minimal', 'api', { source: 'vm-42', name: 'clone-1' }, true],
  ['full api', 'api', JSON.parse(readFileSync(resolve('fixtures/instant-clone/valid/full-api.json'), 'utf8')), true],
  ['full rest', 'rest', JSON.parse(readFileSync(resolve('fixtures/instant-clone/valid/full-rest.json'), 'utf8')), true],
  ['missing source', 'api', { name: 'x' }, false],
  ['missing name', 'api', { source: 'vm-1' }, false],
  ['backing type VLAN', 'api', { source: 'vm-1', name: 'x', nics_to_update: { '4000': { backing: { type: 'VLAN' } } } }, false],
  ['mac_type STATIC', 'api', { source: 'vm-1', name: 'x', nics_to_update: { '4000': { mac_type: 'STATIC' } } }, false],
  ['parallel PIPE_SERVER', 'api', { source: 'vm-1', name: 'x', parallel_ports_to_update: { '10000': { backing: { type: 'PIPE_SERVER', pipe: 'p' } } } }, false],
  ['backing without type', 'api', { source: 'vm-1', name: 'x', serial_ports_to_update: { '9000': { backing: { file: 'f' } } } }, false],
  ['wrong JSON type', 'api', { source: 'vm-1', name: 'x', disconnect_all_nics: 'yes' }, false],
  ['network_location not a uri', 'api', { source: 'vm-1', name: 'x', serial_ports_to_update: { '9000': { backing: { type: 'NETWORK_SERVER', network_location: 'port 5' } } } }, false],
  ['/rest map sent to /api', 'api', { source: 'vm-1', name: 'x', nics_to_update: [{ key: '4000', value: {} }] }, false],
  ['/api map sent to /rest', 'rest', { spec: { source: 'vm-1', name: 'x', nics_to_update: { '4000': {} } } }, false],
  ['{"spec"} sent to /api', 'api', { spec: { source: 'vm-1', name: 'x' } }, false],
  ['bare spec sent to /rest', 'rest', { source: 'vm-1', name: 'x' }, false],
];

describe.skipIf(!doc)('verdicts agree with the OpenAPI on what it expresses', () => {
  it.each(hand)('%s (%s)', (_name, form, body, valid) => {
    const { oracle, ours } = agree(doc!, body, form);
    expect(oracle.length === 0).toBe(valid);
    expect(ours.length === 0).toBe(valid);
    expect(validate(body, { form }).valid).toBe(valid);
  });

  it('every fixture', () => {
    const base = resolve('fixtures/instant-clone');
    let n = 0;
    for (const dir of ['valid', 'invalid']) {
      for (const f of readdirSync(join(base, dir)).filter((x) => x.endsWith('.json') && !x.endsWith('.expected.json'))) {
        const body: unknown = JSON.parse(readFileSync(join(base, dir, f), 'utf8'));
        for (const form of ['api', 'rest'] as const) {
          const { oracle, ours } = agree(doc!, body, form);
          expect({ f, form, oracleRejects: oracle.length > 0 }).toEqual({ f, form, oracleRejects: ours.length > 0 });
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(10);
  });

  it('bodies generated from the OpenAPI itself', () => {
    const d = doc!;
    const strings = fc.constantFrom('vm-42', '', 'x', 'tcp://10.0.0.5:7000', 'not a uri', '4231bf8b-3cb4-3a3f-1bfb-18c857ce95b6', '00:50:56:aa:bb:cc', '4000');
    const wrong = fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({}), fc.string({ maxLength: 3 }));
    const arb = (raw: OSchema, depth: number): fc.Arbitrary<unknown> => {
      const s = deref(d, raw);
      let a: fc.Arbitrary<unknown>;
      if (s.enum) a = fc.constantFrom(...s.enum, 'BOGUS');
      else if (s.type === 'string') a = strings;
      else if (s.type === 'boolean') a = fc.boolean();
      else if (s.type === 'array') a = fc.array(arb(s.items!, depth + 1), { maxLength: 2 });
      else if (s.additionalProperties) a = fc.dictionary(fc.constantFrom('4000', '4001', '9000', 'abc'), arb(s.additionalProperties, depth + 1), { maxKeys: 2 });
      else {
        const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, arb(v, depth + 1)]));
        const required = s.required ?? [];
        a = fc
          .tuple(fc.record(props, { requiredKeys: required as never[] }), fc.nat(20), fc.option(fc.constantFrom('foo', 'host', 'type'), { nil: undefined, freq: 8 }))
          .map(([o, drop, extra]) => {
            const out: Record<string, unknown> = { ...(o as object) };
            if (drop === 0 && required.length > 0) delete out[required[0]];
            if (extra !== undefined && !(extra in (s.properties ?? {}))) out[extra] = 'x';
            return out;
          });
      }
      return depth === 0 ? a : fc.oneof({ arbitrary: a, weight: 14 }, { arbitrary: wrong, weight: 1 });
    };
    for (const form of ['api', 'rest'] as const) {
      let rejected = 0;
      let accepted = 0;
      fc.assert(
        fc.property(arb(bodySchema(d, form), 0), (body) => {
          const { oracle, ours } = agree(d, body, form);
          if (oracle.length > 0) rejected++;
          else accepted++;
          return (oracle.length > 0) === (ours.length > 0);
        }),
        { numRuns: 1500, seed: form === 'api' ? 6 : 7 },
      );
      // The generator must produce both verdicts, or the property says little.
      expect(rejected).toBeGreaterThan(100);
      expect(accepted).toBeGreaterThan(100);
    }
  });
});
