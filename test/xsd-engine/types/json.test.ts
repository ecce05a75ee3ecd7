/**
 * Types round-trip through plain JSON (typeToJSON / typeFromJSON), as the generated module of the
 * bundled schema needs: same verdicts, same values, same messages; named types by reference,
 * anonymous ones inline; patterns loaded as stored JavaScript source, never re-translated.
 */
import { describe, expect, it } from 'vitest';
import { builtinType, listOf, restrict, typeFromJSON, typeToJSON, unionOf, valueKey, type SimpleType } from '../../../src/xsd/types/index.js';

const b = (local: string): SimpleType => builtinType(local)!;
const key = (ns: string | null, local: string) => `{${ns ?? ''}}${local}`;

/** A small schema's worth of named types, built through the API. */
function schema(): Map<string, SimpleType> {
  const named = new Map<string, SimpleType>();
  const add = (t: SimpleType) => named.set(key(t.name!.ns, t.name!.local), t);
  const ns = { lookup: (p: string) => ({ t: 'urn:t' })[p] };
  const code = add(restrict(b('token'), [{ name: 'pattern', value: '[A-Z]{2}-\\d{3}' }, { name: 'pattern', value: 'none' }], { name: { ns: 'urn:t', local: 'Code' } })).get(key('urn:t', 'Code'))!;
  add(restrict(code, [{ name: 'enumeration', value: 'AB-123' }, { name: 'enumeration', value: 'none' }], { name: { ns: 'urn:t', local: 'Known' }, final: new Set(['list']) }));
  add(restrict(b('decimal'), [{ name: 'minExclusive', value: '-0.5' }, { name: 'maxInclusive', value: '123456789012345678901234567890' }, { name: 'totalDigits', value: '31' }, { name: 'fractionDigits', value: '1' }], { name: { ns: 'urn:t', local: 'Amount' } }));
  add(listOf(code, { name: { ns: 'urn:t', local: 'Codes' } }));
  add(restrict(named.get(key('urn:t', 'Codes'))!, [{ name: 'maxLength', value: '2' }], { name: { ns: 'urn:t', local: 'TwoCodes' } }));
  add(unionOf([named.get(key('urn:t', 'Amount'))!, restrict(b('string'), [{ name: 'enumeration', value: 'unknown' }])], { name: { ns: 'urn:t', local: 'AmountOrUnknown' } }));
  add(restrict(named.get(key('urn:t', 'AmountOrUnknown'))!, [{ name: 'pattern', value: '[^0]+' }], { name: { ns: 'urn:t', local: 'NotZero' } }));
  add(restrict(b('QName'), [{ name: 'enumeration', value: 't:a', nsContext: ns }], { name: { ns: 'urn:t', local: 'Names' } }));
  add(restrict(b('dateTime'), [{ name: 'maxExclusive', value: '2100-01-01T00:00:00Z' }], { name: { ns: 'urn:t', local: 'Before2100' } }));
  add(restrict(b('float'), [{ name: 'enumeration', value: 'NaN' }, { name: 'enumeration', value: '-0' }], { name: { ns: 'urn:t', local: 'Odd' } }));
  add(restrict(b('duration'), [{ name: 'minInclusive', value: 'PT1S' }], { name: { ns: 'urn:t', local: 'Positive' } }));
  return named;
}

const SAMPLES = [
  'AB-123', 'none', 'ab-123', 'AB-1234', ' AB-123 ', '0', '0.5', '-0.5', '-0.4', '12.34', '123456789012345678901234567890', '123456789012345678901234567891',
  'AB-123 none', 'AB-123 none AB-123', '', 'unknown', 't:a', 'a', '2099-12-31T23:59:59Z', '2100-01-01T00:00:00Z', 'NaN', '-0', '0.0', 'PT1S', 'PT0.5S', 'P1D',
];

function load(json: Map<string, unknown>): Map<string, SimpleType> {
  const loaded = new Map<string, SimpleType>();
  const resolve = (ns: string | null, local: string): SimpleType => {
    const k = key(ns, local);
    let t = loaded.get(k);
    if (!t) {
      t = typeFromJSON(json.get(k), resolve);
      loaded.set(k, t);
    }
    return t;
  };
  for (const k of json.keys()) {
    const [, ns, local] = /^\{(.*)\}(.*)$/.exec(k)!;
    resolve(ns || null, local);
  }
  return loaded;
}

describe('typeToJSON / typeFromJSON', () => {
  const original = schema();
  const json = new Map([...original].map(([k, t]) => [k, JSON.parse(JSON.stringify(typeToJSON(t)))]));
  const loaded = load(json);
  const instanceNs = { lookup: (p: string) => ({ t: 'urn:t' })[p] };

  it('keeps every verdict, value and message', () => {
    for (const [k, t] of original) {
      const u = loaded.get(k)!;
      for (const s of SAMPLES) {
        const a = t.validate(s, instanceNs);
        const c = u.validate(s, instanceNs);
        expect(c.ok, `${k} ${JSON.stringify(s)}`).toBe(a.ok);
        if (a.ok && c.ok) {
          expect(valueKey(c.value)).toBe(valueKey(a.value));
          expect(c.normalized).toBe(a.normalized);
        }
        if (!a.ok && !c.ok) expect(c).toEqual(a);
      }
    }
  });
  it('keeps the type properties', () => {
    for (const [k, t] of original) {
      const u = loaded.get(k)!;
      expect(u.variety).toBe(t.variety);
      expect(u.builtin).toBe(t.builtin);
      expect(u.whiteSpace).toBe(t.whiteSpace);
      expect([...u.final]).toEqual([...t.final]);
      expect(u.name).toEqual(t.name);
    }
    expect(loaded.get(key('urn:t', 'Known'))!.base).toBe(loaded.get(key('urn:t', 'Code')));
    expect(loaded.get(key('urn:t', 'Codes'))!.itemType).toBe(loaded.get(key('urn:t', 'Code')));
    expect(loaded.get(key('urn:t', 'TwoCodes'))!.itemType).toBe(loaded.get(key('urn:t', 'Code')));
    expect(loaded.get(key('urn:t', 'Known'))!.derivesFrom(b('token'))).toBe(true);
  });
  it('writes built-ins by name, named types by reference, anonymous types inline', () => {
    expect(typeToJSON(b('int'))).toEqual({ builtin: 'int' });
    const union = json.get(key('urn:t', 'AmountOrUnknown')) as { memberTypes: unknown[] };
    expect(union.memberTypes[0]).toEqual({ ref: { ns: 'urn:t', local: 'Amount' } });
    expect(union.memberTypes[1]).toMatchObject({ type: { variety: 'atomic', base: { builtin: 'string' } } });
    expect(typeFromJSON({ builtin: 'int' }, () => b('string'))).toBe(b('int'));
  });
  it('stores patterns as translated JavaScript and loads them without re-translating', () => {
    const code = json.get(key('urn:t', 'Code')) as { facets: { patterns: { xsd: string[]; source: string; flags: string }[] } };
    expect(code.facets.patterns).toEqual([{ xsd: ['[A-Z]{2}-\\d{3}', 'none'], source: '^(?:(?:[A-Z]{2}\\u{2d}\\p{Nd}{3})|(?:none))$', flags: 'v' }]);
    // an XSD pattern the translator would refuse still loads: only the stored source is used
    const forged = { variety: 'atomic', base: { builtin: 'string' }, facets: { whiteSpace: 'preserve', whiteSpaceFixed: false, patterns: [{ xsd: ['(?:x)'], source: '^(?:x)$', flags: 'v' }] } };
    const t = typeFromJSON(forged, () => b('string'));
    expect(t.validate('x').ok).toBe(true);
    expect(t.validate('y').ok).toBe(false);
  });
});
