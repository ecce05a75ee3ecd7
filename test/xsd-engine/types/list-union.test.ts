/**
 * list and union varieties (XSD 1.0 Part 2 §2.5.1.2-3, §4.1.2): item splitting after collapse,
 * item counts for the length facets, member order deciding the value, facets on unions, the
 * variety rules, and derivesFrom through union members.
 */
import { describe, expect, it } from 'vitest';
import { builtinType, listOf, restrict, SchemaTypeError, unionOf, valuesEqual, type SimpleType } from '../../../src/xsd/types/index.js';

const b = (local: string): SimpleType => builtinType(local)!;

describe('list', () => {
  const ints = listOf(b('int'), { name: { ns: 'urn:t', local: 'Ints' } });

  it('splits the collapsed value into items', () => {
    const r = ints.validate(' 1\n 2\t\t3 ');
    expect(r).toEqual({ ok: true, value: [1, 2, 3], normalized: '1 2 3' });
    expect(ints.validate('')).toEqual({ ok: true, value: [], normalized: '' });
  });
  it('says which item is wrong', () => {
    expect(ints.validate('1 two 3')).toEqual({
      ok: false,
      messageId: 'xsd/invalid-list-item',
      data: { value: "'1 two 3'", item: "'two'", index: 2, type: 'int (xs:int)', hint: 'use a whole number between -2147483648 and 2147483647' },
    });
  });
  it('counts items for length facets and matches pattern on the whole text', () => {
    const t = restrict(ints, [{ name: 'minLength', value: '2' }, { name: 'maxLength', value: '3' }, { name: 'pattern', value: '[0-9 ]+' }]);
    for (const s of ['1 2', '1 2 3']) expect(t.validate(s).ok).toBe(true);
    for (const s of ['1', '1 2 3 4', '-1 2']) expect(t.validate(s).ok).toBe(false);
    expect(t.variety).toBe('list');
    expect(t.itemType).toBe(b('int'));
  });
  it('compares list enumerations item by item in the value space', () => {
    const t = restrict(listOf(b('decimal')), [{ name: 'enumeration', value: '1.0 2' }]);
    expect(t.validate(' 1 2.00 ').ok).toBe(true);
    expect(t.validate('2 1').ok).toBe(false);
    const a = t.validate('1 2');
    const c = t.validate('01 2.0');
    expect(a.ok && c.ok && valuesEqual(a.value, c.value)).toBe(true);
  });
  it('validates item facets per item', () => {
    const short = restrict(b('string'), [{ name: 'maxLength', value: '2' }], { name: { ns: null, local: 'Short' } });
    const r = listOf(short).validate('ab abc');
    expect(r).toMatchObject({ ok: false, messageId: 'xsd/invalid-list-item', data: { index: 2, type: 'Short' } });
  });
  it('refuses lists of lists and what final forbids', () => {
    expect(() => listOf(b('NMTOKENS'))).toThrow(/itself a list type/);
    expect(() => listOf(unionOf([b('int'), ints]))).toThrow(SchemaTypeError);
    const noList = restrict(b('string'), [], { name: { ns: null, local: 'NoList' }, final: new Set(['list']) });
    expect(() => listOf(noList)).toThrow(/final forbids list/);
    expect(() => restrict(ints, [{ name: 'whiteSpace', value: 'preserve' }])).toThrow(SchemaTypeError);
    expect(() => restrict(ints, [{ name: 'maxInclusive', value: '3' }])).toThrow(/does not apply to a list type/);
  });
  it('carries the IDREF role to its items', () => {
    expect(listOf(b('IDREF')).idKind).toBe('IDREFS');
    expect(listOf(b('ENTITY')).idKind).toBe('ENTITIES');
  });
});

describe('union', () => {
  const intOrBool = unionOf([b('int'), b('boolean')], { name: { ns: null, local: 'IntOrBool' } });

  it('takes the first member that accepts the value', () => {
    const one = intOrBool.validate(' 1 ');
    expect(one.ok && one.value).toBe(1);
    expect(one.ok && one.memberType).toBe(b('int'));
    const t = intOrBool.validate('true');
    expect(t.ok && t.value).toBe(true);
    expect(t.ok && t.memberType).toBe(b('boolean'));
    const order = unionOf([b('boolean'), b('int')]).validate('1');
    expect(order.ok && order.value).toBe(true);
  });
  it('names the member types when nothing accepts the value', () => {
    expect(intOrBool.validate('maybe')).toEqual({
      ok: false,
      messageId: 'xsd/invalid-value',
      data: { value: "'maybe'", type: 'IntOrBool', hint: 'use a value of one of: int (xs:int), boolean' },
    });
  });
  it('applies pattern and enumeration of a restricted union', () => {
    const t = restrict(intOrBool, [{ name: 'enumeration', value: '1' }, { name: 'enumeration', value: 'false' }]);
    for (const s of ['1', '+01', 'false', '0']) expect(t.validate(s).ok, s).toBe(s !== '0');
    const p = restrict(intOrBool, [{ name: 'pattern', value: '[0-9]+' }]);
    expect(p.validate('12').ok).toBe(true);
    expect(p.validate('true').ok).toBe(false);
    expect(() => restrict(intOrBool, [{ name: 'maxLength', value: '3' }])).toThrow(/does not apply to a union type/);
    expect(() => restrict(intOrBool, [{ name: 'enumeration', value: 'maybe' }])).toThrow(SchemaTypeError);
  });
  it('nests unions and reports the innermost member', () => {
    const nested = unionOf([unionOf([b('date'), b('int')]), b('string')]);
    const r = nested.validate('12');
    expect(r.ok && r.memberType).toBe(b('int'));
    const s = nested.validate('x');
    expect(s.ok && s.memberType).toBe(b('string'));
  });
  it('unions of lists validate as the list', () => {
    const r = unionOf([listOf(b('int')), b('string')]).validate('1 2');
    expect(r.ok && r.value).toEqual([1, 2]);
  });
  it('lets a member type stand for the union (xsi:type)', () => {
    expect(b('int').derivesFrom(intOrBool)).toBe(true);
    expect(b('byte').derivesFrom(intOrBool)).toBe(true);
    expect(b('string').derivesFrom(intOrBool)).toBe(false);
    expect(intOrBool.derivesFrom(b('anySimpleType'))).toBe(true);
  });
  it('honours final="union"', () => {
    const sealed = restrict(b('int'), [], { name: { ns: null, local: 'Sealed' }, final: new Set(['union']) });
    expect(() => unionOf([sealed])).toThrow(/final forbids union/);
  });
});
