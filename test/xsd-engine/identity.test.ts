/**
 * Identity constraints (parse/identity.ts, validate/identity.ts): unique, key and keyref with the
 * XPath subset of §3.11.6 (child steps, `.//`, `*`, attributes, prefixes, unions), typed values,
 * defaults, and the schema errors for paths outside the subset.
 */
import { describe, expect, it } from 'vitest';
import { schema, table } from './helpers.js';

const s = schema(
  `<xs:element name="lib"><xs:complexType><xs:sequence>
     <xs:element name="book" maxOccurs="unbounded"><xs:complexType><xs:sequence><xs:element name="isbn" type="xs:integer"/></xs:sequence>
       <xs:attribute name="lang" default="en"/><xs:attribute name="title"/></xs:complexType></xs:element>
     <xs:element name="loan" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:attribute name="isbn" type="xs:integer"/></xs:complexType></xs:element>
   </xs:sequence></xs:complexType>
   <xs:key name="byIsbn"><xs:selector xpath="t:book"/><xs:field xpath="t:isbn"/></xs:key>
   <xs:unique name="byTitle"><xs:selector xpath=".//t:book"/><xs:field xpath="@title"/><xs:field xpath="@lang"/></xs:unique>
   <xs:keyref name="loans" refer="t:byIsbn"><xs:selector xpath="t:loan"/><xs:field xpath="@isbn"/></xs:keyref>
   </xs:element>`,
  {},
  'targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified"',
);
const doc = (body: string) => `<lib xmlns="urn:t">${body}</lib>`;

describe('unique, key, keyref', () => {
  it('keys are unique and present; keyrefs name a key; values compare as values', () => {
    expect(table(s, [
      doc('<book><isbn>1</isbn></book><book><isbn>2</isbn></book><loan isbn="02"/>'),
      doc('<book title="A"><isbn>1</isbn></book><book title="A" lang="de"><isbn>2</isbn></book>'),
    ], [
      [doc('<book><isbn>1</isbn></book><book><isbn>01</isbn></book>'), /^<book> repeats the key byIsbn value '1' \(first at line 1\)$/],
      [doc('<book><isbn>1</isbn></book><loan isbn="3"/>'), /^<loan> refers to loans value '3', which no byIsbn in <lib> has$/],
      // lang defaults to "en": two books titled A both have lang en
      [doc('<book title="A"><isbn>1</isbn></book><book title="A" lang="en"><isbn>2</isbn></book>'), /^<book> repeats the unique byTitle value/],
    ]).wrong).toEqual([]);
  });
});

describe('XPath subset', () => {
  const bad = (xpath: string) => () => schema(`<xs:element name="r"><xs:unique name="u"><xs:selector xpath="${xpath}"/><xs:field xpath="@a"/></xs:unique></xs:element>`);
  it('refuses paths outside it with a schema error', () => {
    expect(bad('/r')).toThrow(/xpath="\/r": a path must be relative/);
    expect(bad('a[1]')).toThrow(/xpath="a\[1\]": cannot read it/);
    expect(bad('@a')).toThrow(/a selector cannot select attributes/);
    expect(bad('p:a')).toThrow(/the prefix 'p' is not declared/);
  });
  it('takes unions, wildcards, child:: and .//', () => {
    expect(() => bad('a | .//b | child::c/* | ./d')()).not.toThrow();
  });
});
