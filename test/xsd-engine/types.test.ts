/**
 * Complex types and element declarations (parse/complex-type.ts, parse/element.ts, validate/xsi.ts,
 * validate/values.ts): extension and restriction, simple content, mixed content, xsi:type with its
 * derivation and block checks, abstract types, nillable, default and fixed values.
 */
import { describe, expect, it } from 'vitest';
import { schema, table, verdict } from './helpers.js';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema"';

describe('complexContent', () => {
  const s = schema(`
    <xs:complexType name="Base"><xs:sequence><xs:element name="a"/></xs:sequence><xs:attribute name="id" use="required"/></xs:complexType>
    <xs:complexType name="Ext"><xs:complexContent><xs:extension base="Base"><xs:sequence><xs:element name="b"/></xs:sequence><xs:attribute name="more"/></xs:extension></xs:complexContent></xs:complexType>
    <xs:complexType name="Res"><xs:complexContent><xs:restriction base="Ext"><xs:sequence><xs:element name="a"/><xs:element name="b"/></xs:sequence><xs:attribute name="more" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>
    <xs:element name="ext" type="Ext"/><xs:element name="res" type="Res"/>`);
  it('an extension appends its particle and attributes to the base', () => {
    expect(table(s, ['<ext id="1" more="x"><a/><b/></ext>'], [
      ['<ext id="1"><b/></ext>', /^expected <a> here, found <b>$/],
      ['<ext><a/><b/></ext>', /^<ext> is missing the required attribute id$/],
    ]).wrong).toEqual([]);
  });
  it('a restriction keeps the base attributes it does not prohibit', () => {
    expect(table(s, ['<res id="1"><a/><b/></res>'], [['<res id="1" more="x"><a/><b/></res>', /^attribute more is not allowed on <res>$/]]).wrong).toEqual([]);
  });
});

describe('simpleContent and mixed', () => {
  const s = schema(`
    <xs:complexType name="Price"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="cur" type="xs:string" use="required"/></xs:extension></xs:simpleContent></xs:complexType>
    <xs:complexType name="Small"><xs:simpleContent><xs:restriction base="Price"><xs:maxInclusive value="10"/></xs:restriction></xs:simpleContent></xs:complexType>
    <xs:element name="price" type="Price"/><xs:element name="small" type="Small"/>
    <xs:element name="p"><xs:complexType mixed="true"><xs:sequence><xs:element name="b" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>`);
  it('a value with attributes, restricted by facets', () => {
    expect(table(s, ['<price cur="EUR"> 12.50 </price>', '<small cur="EUR">9</small>', '<p>text <b/> more <b/></p>'], [
      ['<price cur="EUR">cheap</price>', /^<price> contains 'cheap', which is not a valid decimal/],
      ['<price cur="EUR"><x/></price>', /^<price> must contain only a value, not child elements$/],
      ['<small cur="EUR">11</small>', /^<small>: the value '11' is larger than the maximum 10$/],
      ['<p>text <c/></p>', /^<c> is not allowed in <p>/],
    ]).wrong).toEqual([]);
  });
});

describe('xsi:type', () => {
  const s = schema(`
    <xs:complexType name="A"><xs:sequence><xs:element name="x" minOccurs="0"/></xs:sequence></xs:complexType>
    <xs:complexType name="B"><xs:complexContent><xs:extension base="A"><xs:sequence><xs:element name="y"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
    <xs:complexType name="Other"/>
    <xs:complexType name="Abs" abstract="true"/>
    <xs:element name="a" type="A"/><xs:element name="noext" type="A" block="extension"/><xs:element name="abs" type="Abs"/>
    <xs:element name="any"/><xs:element name="num" type="xs:decimal"/>`);
  it('names a type derived from the declared one, checked with it', () => {
    expect(table(s, [`<a ${XSI} xsi:type="B"><x/><y/></a>`, `<any ${XSI} xsi:type="xs:int">5</any>`, `<num ${XSI} xsi:type="xs:integer">5</num>`], [
      [`<a ${XSI} xsi:type="B"><x/></a>`, /^<a> is incomplete: <y> is missing$/],
      [`<a ${XSI} xsi:type="Other"/>`, /^xsi:type='Other' on <a> names the type Other, which is not derived from the declared type A$/],
      [`<a ${XSI} xsi:type="Nope"/>`, /^xsi:type='Nope' on <a> names no type the schema defines$/],
      [`<noext ${XSI} xsi:type="B"><y/></noext>`, /^xsi:type='B' on <noext>: the declared type A may not be replaced by B here \(extension is blocked\)$/],
      [`<num ${XSI} xsi:type="xs:integer">5.5</num>`, /^<num> contains '5.5', which is not a valid integer/],
      ['<abs/>', /^<abs> has the abstract type Abs/],
      [`<a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="p:B"/>`, /^xsi:type='p:B' on <a>: the prefix 'p' is not declared/],
    ]).wrong).toEqual([]);
  });
});

describe('nil, default, fixed', () => {
  const s = schema(`
    <xs:element name="n" type="xs:int" nillable="true"/><xs:element name="plain" type="xs:int"/>
    <xs:element name="f" type="xs:decimal" fixed="1.0"/><xs:element name="d" type="xs:int" default="3"/>`);
  it('xsi:nil on nillable elements only, and then empty', () => {
    expect(table(s, [`<n ${XSI} xsi:nil="true"/>`, `<n ${XSI} xsi:nil="false">1</n>`], [
      [`<n ${XSI} xsi:nil="true">1</n>`, /^<n> has xsi:nil="true", so it must be empty$/],
      [`<plain ${XSI} xsi:nil="true"/>`, /^<plain> has xsi:nil="true", but it is not nillable/],
      [`<n ${XSI} xsi:nil="maybe">1</n>`, /^xsi:nil on <n> has the value 'maybe'; use true or false$/],
    ]).wrong).toEqual([]);
  });
  it('a fixed value is compared as a value; an empty element takes the default', () => {
    expect(table(s, ['<f>1</f>', '<f>01.000</f>', '<f/>', '<d/>'], [['<f>2</f>', /^<f> must contain the fixed value '1\.0', not '2'$/]]).wrong).toEqual([]);
    expect(verdict(s, '<plain/>')).toMatch(/^<plain> contains '', which is not a valid int/);
  });
});
