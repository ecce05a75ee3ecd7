/**
 * Attributes (validate/attributes.ts, parse/attributes.ts, parse/wildcard.ts): uses and their types,
 * required and prohibited, attribute groups, attribute wildcards with strict/lax/skip, qualified
 * attributes written without their prefix, and ID/IDREF.
 */
import { describe, expect, it } from 'vitest';
import { problems, schema, table, verdict } from './helpers.js';

describe('attribute uses', () => {
  const s = schema(`
    <xs:attributeGroup name="g"><xs:attribute name="g1" type="xs:boolean"/></xs:attributeGroup>
    <xs:element name="e"><xs:complexType>
      <xs:attribute name="n" type="xs:int" use="required"/>
      <xs:attribute name="f" type="xs:string" fixed="x"/>
      <xs:attributeGroup ref="g"/>
    </xs:complexType></xs:element>`);
  it('checks names, types, required and fixed values', () => {
    expect(table(s, ['<e n="1"/>', '<e n=" 7 " f="x" g1="1"/>'], [
      ['<e/>', /^<e> is missing the required attribute n$/],
      ['<e n="1" z="2"/>', /^attribute z is not allowed on <e>$/],
      ['<e n="1" g1="yes"/>', /^attribute g1 on <e> has the value 'yes', which is not a valid boolean; use true or false \(or 1 \/ 0\)$/],
      ['<e n="1" f="y"/>', /^attribute f on <e> must have the fixed value 'x', not 'y'$/],
    ]).wrong).toEqual([]);
  });
  it('places an attribute problem at the attribute', () => {
    const [p] = problems(s, '<e\n   n="one"/>');
    expect(p).toMatchObject({ line: 2, column: 4, path: '/e', messageId: 'xsd/invalid-attribute-value' });
  });
  it('xsi: attributes are always allowed', () => {
    expect(verdict(s, '<e xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="a b" n="1"/>')).toBe('valid');
  });
});

describe('qualified attributes', () => {
  const s = schema(
    `<xs:attribute name="id" type="xs:string"/>
     <xs:element name="e"><xs:complexType><xs:attribute ref="t:id" use="required"/></xs:complexType></xs:element>`,
    {},
    'targetNamespace="urn:t" xmlns:t="urn:t"',
  );
  it('a qualified attribute written without its prefix gets the fix', () => {
    expect(verdict(s, '<t:e xmlns:t="urn:t" t:id="1"/>')).toBe('valid');
    expect(verdict(s, '<t:e xmlns:t="urn:t" id="1"/>')).toBe('attribute id on <e> must be written t:id (it belongs to namespace urn:t)');
  });
});

describe('attribute wildcards', () => {
  const s = schema(
    `<xs:attribute name="known" type="xs:int"/>
     <xs:element name="strict"><xs:complexType><xs:anyAttribute namespace="##targetNamespace" processContents="strict"/></xs:complexType></xs:element>
     <xs:element name="lax"><xs:complexType><xs:anyAttribute namespace="##other" processContents="lax"/></xs:complexType></xs:element>
     <xs:element name="skip"><xs:complexType><xs:anyAttribute processContents="skip"/></xs:complexType></xs:element>`,
    {},
    'targetNamespace="urn:t" xmlns:t="urn:t"',
  );
  it('strict needs a declaration, lax uses one if there is, skip takes anything', () => {
    const T = 'xmlns:t="urn:t" xmlns:o="urn:o"';
    expect(table(s, [`<t:strict ${T} t:known="5"/>`, `<t:lax ${T} o:x="anything"/>`, `<t:skip ${T} t:known="not a number"/>`], [
      [`<t:strict ${T} t:unknown="5"/>`, /^attribute t:unknown on <strict> is not declared in the schema/],
      [`<t:strict ${T} t:known="five"/>`, /^attribute t:known on <strict> has the value 'five', which is not a valid int/],
      [`<t:strict ${T} o:x="1"/>`, /^attribute o:x is not allowed on <strict>$/],
      [`<t:lax ${T} t:known="1"/>`, /^attribute t:known is not allowed on <lax>$/],
    ]).wrong).toEqual([]);
  });
});

describe('ID and IDREF', () => {
  const s = schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="i" maxOccurs="unbounded"><xs:complexType>
    <xs:attribute name="id" type="xs:ID"/><xs:attribute name="ref" type="xs:IDREF"/><xs:attribute name="refs" type="xs:IDREFS"/>
    </xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element>`);
  it('IDs are unique in the document; IDREFs name one', () => {
    expect(table(s, ['<r><i id="a"/><i id="b" ref="a" refs="a b"/></r>', '<r><i ref="z"/><i id="z"/></r>'], [
      ['<r><i id="a"/><i id="a"/></r>', /^the ID 'a' on <i> is already used \(line 1\)$/],
      ['<r><i id="a" ref="b"/></r>', /^'b' on <i> refers to no ID in the document$/],
      ['<r><i id="a" refs="a c"/></r>', /^'c' on <i> refers to no ID/],
      ['<r><i id="1a"/></r>', /^attribute id on <i> has the value '1a', which is not a valid ID/],
    ]).wrong).toEqual([]);
  });
});
