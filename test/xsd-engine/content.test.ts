/**
 * Content models (content/expr.ts, content/automaton.ts, validate/explain.ts): sequence, choice,
 * all, occurrence counts large and small, nested repetition without unique counting, wildcards,
 * substitution groups; and what the problem says when a child is wrong.
 */
import { describe, expect, it } from 'vitest';
import { problems, schema, table, verdict } from './helpers.js';

const el = (body: string) => `<xs:element name="r"><xs:complexType>${body}</xs:complexType></xs:element>`;

describe('sequence and choice', () => {
  const s = schema(el('<xs:sequence><xs:element name="a"/><xs:element name="b" minOccurs="0" maxOccurs="2"/><xs:choice><xs:element name="c"/><xs:element name="d"/></xs:choice></xs:sequence>'));
  it('accepts what the model allows and names what was expected otherwise', () => {
    expect(table(s, ['<r><a/><c/></r>', '<r><a/><b/><b/><d/></r>'], [
      ['<r><b/><c/></r>', /^expected <a> here, found <b>$/],
      ['<r><a/><b/><b/><b/><c/></r>', /^<b> appears too often in <r>: at most 2 allowed$/],
      ['<r><a/><c/><b/></r>', /^<b> is in the wrong place in <r>: it must come before <c>$/],
      ['<r><a/><c/><d/></r>', /^<d> is not allowed here: <r> has no more children at this point$/],
      ['<r><a/><x/></r>', /^<x> is not allowed in <r>; expected one of <b>, <c>, <d> here$/],
      ['<r><a/></r>', /^<r> is incomplete: one of <b>, <c>, <d> is missing$/],
      ['<r><a/><b/></r>', /^<r> is incomplete: one of <b>, <c>, <d> is missing$/],
    ]).wrong).toEqual([]);
  });
  it('places the problem at the child, with its path', () => {
    const [p] = problems(s, '<r>\n  <a/>\n  <c/>\n  <b/>\n</r>');
    expect(p).toMatchObject({ rule: 'xsd', line: 4, column: 3, path: '/r/b', messageId: 'xsd/out-of-order', data: { found: 'b', parent: 'r', after: 'c' } });
  });
  it('names the required element the child came too early for', () => {
    const t = schema(el('<xs:sequence><xs:element name="a" minOccurs="0"/><xs:element name="b"/><xs:element name="c"/></xs:sequence>'));
    expect(verdict(t, '<r><c/></r>')).toBe('expected <b> here, found <c>');
  });
});

describe('counts', () => {
  it('large maxOccurs and minOccurs are counted, not expanded', () => {
    const s = schema(el('<xs:sequence><xs:element name="a" minOccurs="3" maxOccurs="100000"/><xs:element name="b" minOccurs="0"/></xs:sequence>'));
    expect(verdict(s, `<r>${'<a/>'.repeat(3)}<b/></r>`)).toBe('valid');
    expect(verdict(s, `<r>${'<a/>'.repeat(5000)}</r>`)).toBe('valid');
    expect(verdict(s, '<r><a/><a/><b/></r>')).toBe('expected <a> here, found <b>');
    const model = s.tables.models.find((m) => m.leaves.length === 2)!;
    expect(model.states.length).toBeLessThan(6000);
  });
  it('maxOccurs is enforced on groups with counts', () => {
    const s = schema(el('<xs:sequence minOccurs="2" maxOccurs="3"><xs:element name="a"/><xs:element name="b"/></xs:sequence>'));
    expect(table(s, ['<r><a/><b/><a/><b/></r>', '<r><a/><b/><a/><b/><a/><b/></r>'], [
      ['<r><a/><b/></r>', /^<r> is incomplete: <a> is missing$/],
      ['<r><a/><b/><a/><b/><a/><b/><a/><b/></r>', /appears too often in <r>: at most 3 allowed/],
    ]).wrong).toEqual([]);
  });
  it('nested repetition where the count of an iteration is not unique (XSD 1.0 allows it)', () => {
    // (a{2,3}){2}: aaaa, aaaaa and aaaaaa are all valid; derivatives keep both readings
    const s = schema(el('<xs:sequence minOccurs="2" maxOccurs="2"><xs:element name="a" minOccurs="2" maxOccurs="3"/></xs:sequence>'));
    for (let n = 0; n <= 7; n++) expect(verdict(s, `<r>${'<a/>'.repeat(n)}</r>`) === 'valid', `${n} a`).toBe(n >= 4 && n <= 6);
  });
  it('maxOccurs="0" removes a particle; counts beyond 2^53 still order correctly', () => {
    const s = schema(el('<xs:sequence><xs:element name="a" minOccurs="0" maxOccurs="0"/><xs:element name="b" maxOccurs="79228162514264337593543950335"/></xs:sequence>'));
    expect(verdict(s, '<r><b/><b/></r>')).toBe('valid');
    expect(verdict(s, '<r><a/><b/></r>')).toMatch(/<a> is not allowed in <r>/);
  });
});

describe('xs:all', () => {
  const s = schema(el('<xs:all><xs:element name="a"/><xs:element name="b" minOccurs="0"/><xs:element name="c"/></xs:all>'));
  it('any order, each at most once, the required ones present', () => {
    expect(table(s, ['<r><c/><a/></r>', '<r><b/><c/><a/></r>'], [
      ['<r><a/><a/><c/></r>', /^<a> appears too often in <r>: at most 1 allowed$/],
      ['<r><a/></r>', /^<r> is incomplete: <c> is missing$/],
      ['<r><a/><x/></r>', /^<x> is not allowed in <r>; expected one of <b>, <c> here$/],
    ]).wrong).toEqual([]);
  });
  it('an optional all group may be empty', () => {
    const t = schema(el('<xs:all minOccurs="0"><xs:element name="a"/></xs:all>'));
    expect(verdict(t, '<r/>')).toBe('valid');
    expect(verdict(t, '<r><a/></r>')).toBe('valid');
  });
});

describe('wildcards', () => {
  const s = schema(
    `<xs:element name="r"><xs:complexType><xs:sequence>
       <xs:element name="a"/>
       <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
       <xs:any namespace="urn:s" processContents="strict" minOccurs="0"/>
     </xs:sequence></xs:complexType></xs:element>`,
    { 's.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:s"><xs:element name="k" type="xs:int"/></xs:schema>` },
    'targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified"><xs:import namespace="urn:s" schemaLocation="s.xsd"/',
  );
  it('##other takes any other namespace; lax checks what is declared; strict needs a declaration', () => {
    expect(table(s, ['<r xmlns="urn:t"><a/><x:q xmlns:x="urn:x"><x:deep/></x:q></r>', '<r xmlns="urn:t"><a/><s:k xmlns:s="urn:s">1</s:k></r>'], [
      ['<r xmlns="urn:t"><a/><s:k xmlns:s="urn:s">one</s:k></r>', /^<k> contains 'one', which is not a valid int/],
      ['<r xmlns="urn:t"><a/><a/></r>', /appears too often/],
      ['<r xmlns="urn:t"><a/><q/></r>', /^<q> is not allowed in <r>/],
    ]).wrong).toEqual([]);
  });
  it('##other excludes no-namespace elements too', () => {
    expect(verdict(s, '<r xmlns="urn:t"><a/><q xmlns=""/></r>')).toMatch(/^<q> is not allowed in <r>/);
  });
  it('skip does not look inside', () => {
    const t = schema(el('<xs:sequence><xs:any processContents="skip"/></xs:sequence>'));
    expect(verdict(t, '<r><anything><at all="x"/></anything></r>')).toBe('valid');
    const strict = schema(el('<xs:sequence><xs:any processContents="strict"/></xs:sequence>'));
    expect(verdict(strict, '<r><undeclared/></r>')).toBe('<undeclared> (no namespace) is not declared in the schema, and this place accepts only declared elements');
  });
});

describe('substitution groups', () => {
  const s = schema(`
    <xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="head" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
    <xs:complexType name="T"><xs:sequence><xs:element name="x" minOccurs="0"/></xs:sequence></xs:complexType>
    <xs:complexType name="U"><xs:complexContent><xs:extension base="T"><xs:attribute name="u"/></xs:extension></xs:complexContent></xs:complexType>
    <xs:element name="head" type="T" abstract="true"/>
    <xs:element name="m1" substitutionGroup="head"/>
    <xs:element name="m2" type="U" substitutionGroup="m1"/>
    <xs:element name="blocked" type="T" block="substitution"/>
    <xs:element name="m3" substitutionGroup="blocked"/>`);
  it('members (transitively) stand for the head; an abstract head cannot be used itself', () => {
    expect(table(s, ['<r><m1/><m2 u="1"/></r>'], [['<r><head/></r>', /^<head> is abstract and cannot be used directly; use one of <m1>, <m2>$/]]).wrong).toEqual([]);
  });
  it('block="substitution" keeps members out', () => {
    const t = schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="h"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="h" block="substitution"/><xs:element name="m" substitutionGroup="h"/>`);
    expect(verdict(t, '<r><h/></r>')).toBe('valid');
    expect(verdict(t, '<r><m/></r>')).toMatch(/^expected <h> here, found <m>|^<m> is not allowed/);
  });
});

describe('text in element-only and empty content', () => {
  const s = schema(`${el('<xs:sequence><xs:element name="e"><xs:complexType/></xs:element></xs:sequence>')}`);
  it('whitespace is fine, other text is not; empty content takes no children', () => {
    expect(table(s, ['<r>\n  <e/>\n</r>', '<r><e> </e></r>', '<r><!-- c --><e/><?pi x?></r>'], [
      ['<r>text<e/></r>', /^<r> must contain only child elements, not text$/],
      ['<r><e>x</e></r>', /^<e> must be empty$/],
      ['<r><e><f/></e></r>', /^<e> must be empty$/],
    ]).wrong).toEqual([]);
  });
});
