/**
 * The wording of simple-type problems: the floor of today's messages (src/validate's
 * 'xsd/invalid-attribute-value' with its TYPE_HINTS), every failure's messageId in TYPE_MESSAGES
 * with all placeholders filled, and one line, whatever the value.
 */
import { describe, expect, it } from 'vitest';
import { builtinNames, builtinType, formatTypeMessage, listOf, restrict, TYPE_MESSAGES, unionOf, type FacetSpec, type SimpleType } from '../../../src/xsd/types/index.js';

const b = (local: string): SimpleType => builtinType(local)!;

/** The template the structures part fills with this data (today's wording, the floor). */
const ATTRIBUTE = 'attribute {attribute} on <{element}> has the value {value}, which is not a valid {type}; {hint}';
const fill = (template: string, data: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(data[k]));

describe('messages', () => {
  it('keeps the wording of today for invalid values', () => {
    const cases: [string, string, string][] = [
      ['boolean', 'yes', "attribute a on <E> has the value 'yes', which is not a valid boolean; use true or false (or 1 / 0)"],
      ['int', '1.5', "attribute a on <E> has the value '1.5', which is not a valid int (xs:int); use a whole number between -2147483648 and 2147483647"],
      ['anyURI', '%zz', "attribute a on <E> has the value '%zz', which is not a valid URI; use a URL such as https://vcd.example.com/api/vAppTemplate/vappTemplate-1234 (no spaces or % placeholders)"],
      ['dateTime', 'today', "attribute a on <E> has the value 'today', which is not a valid dateTime (xs:dateTime); use a date-time such as 2024-05-01T12:00:00Z"],
      ['unsignedShort', '-1', "attribute a on <E> has the value '-1', which is not a valid unsignedShort (xs:unsignedShort); use a whole number between 0 and 65535"],
    ];
    for (const [type, value, text] of cases) {
      const r = b(type).validate(value);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.messageId).toBe('xsd/invalid-value');
        expect(fill(ATTRIBUTE, { ...r.data, attribute: 'a', element: 'E' })).toBe(text);
        expect(formatTypeMessage(r.messageId, r.data)).toBe(text.replace(/^attribute a on <E> has the value /, '').replace(', which is', ' is'));
      }
    }
  });

  it('reports the failing built-in of a derived type, and the derived type for its facets', () => {
    const t = restrict(b('int'), [{ name: 'maxInclusive', value: '10' }], { name: { ns: null, local: 'Small' } });
    expect(formatTypeMessage(...parts(t.validate('x')))).toBe("'x' is not a valid int (xs:int); use a whole number between -2147483648 and 2147483647");
    expect(formatTypeMessage(...parts(t.validate('11')))).toBe("the value '11' is larger than the maximum 10");
  });

  it('has a template for every failure, with every placeholder filled, on one line', () => {
    const f = (name: FacetSpec['name'], value: string): FacetSpec => ({ name, value });
    const failing: [SimpleType, string][] = [
      ...builtinNames().map((n): [SimpleType, string] => [b(n), '\u0000?? not\nvalid']),
      [b('QName'), 'p:x'],
      [restrict(b('string'), [f('length', '2')]), 'abc'],
      [restrict(b('string'), [f('minLength', '2')]), 'a'],
      [restrict(b('string'), [f('maxLength', '2')]), 'abc'],
      [restrict(b('string'), [f('pattern', 'a')]), 'b'],
      [restrict(b('string'), [f('enumeration', 'a')]), 'b'],
      [restrict(b('int'), [f('minInclusive', '2')]), '1'],
      [restrict(b('int'), [f('minExclusive', '2')]), '2'],
      [restrict(b('int'), [f('maxInclusive', '2')]), '3'],
      [restrict(b('int'), [f('maxExclusive', '2')]), '2'],
      [restrict(b('decimal'), [f('totalDigits', '2')]), '1.23'],
      [restrict(b('decimal'), [f('fractionDigits', '1')]), '1.23'],
      [listOf(b('int')), '1 x'],
      [listOf(restrict(b('string'), [f('maxLength', '1')])), 'a bc'],
      [unionOf([b('int'), b('date')]), 'x'],
      [unionOf([]), 'x'],
    ];
    const seen = new Set<string>();
    for (const [t, value] of failing) {
      const r = t.validate(value);
      if (r.ok) continue;
      seen.add(r.messageId);
      expect(Object.keys(TYPE_MESSAGES)).toContain(r.messageId);
      const text = formatTypeMessage(r.messageId, r.data);
      expect(text, r.messageId).not.toMatch(/\{\w+\}/);
      expect(text).not.toMatch(/[\n\r\t\u0000]/);
    }
    expect([...seen].sort()).toEqual(Object.keys(TYPE_MESSAGES).sort());
  });

  it('shortens long values', () => {
    const r = b('int').validate('9'.repeat(200));
    expect(!r.ok && String(r.data.value).length).toBeLessThan(70);
  });
});

function parts(r: ReturnType<SimpleType['validate']>): [string, Record<string, string | number>] {
  if (r.ok) throw new Error('expected a failure');
  return [r.messageId, r.data];
}
