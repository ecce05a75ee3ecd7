/**
 * Schema loading and schema errors (load/*.ts, parse/builder.ts): include, import, redefine,
 * chameleon includes, in-memory files and absolute schemaLocations mapped to them, no network,
 * and one clear line with file and line for a schema that is not valid XSD 1.0 or not supported.
 */
import { describe, expect, it } from 'vitest';
import { compileSchema, SchemaError, UnsupportedError } from '../../src/xsd/index.js';
import { schema, verdict, XS } from './helpers.js';

const doc = (body: string, attrs = '') => `<xs:schema ${XS} ${attrs}>${body}</xs:schema>`;

describe('composition', () => {
  it('include (also chameleon), import, and absolute schemaLocations mapped to given files', () => {
    const s = compileSchema({
      entry: 'dir/main.xsd',
      files: {
        'dir/main.xsd': doc('<xs:include schemaLocation="cham.xsd"/><xs:import namespace="urn:o" schemaLocation="http://example.com/o/other.xsd"/><xs:element name="r" type="T"/>', 'targetNamespace="urn:t" xmlns="urn:t" xmlns:o="urn:o"'),
        'dir/cham.xsd': doc('<xs:complexType name="T"><xs:sequence><xs:element ref="o:x"/></xs:sequence></xs:complexType>', 'xmlns:o="urn:o"'),
        'lib/other.xsd': doc('<xs:element name="x" type="xs:int"/>', 'targetNamespace="urn:o"'),
      },
    });
    expect(s.validate('<r xmlns="urn:t"><o:x xmlns:o="urn:o">1</o:x></r>').valid).toBe(true);
    expect(s.validate('<r xmlns="urn:t"><o:x xmlns:o="urn:o">one</o:x></r>').valid).toBe(false);
  });
  it('a schemaLocation that cannot be read is skipped, as the spec says, and listed in unresolved', () => {
    const s = compileSchema({
      entry: 'main.xsd',
      files: { 'main.xsd': doc('\n<xs:include schemaLocation="gone.xsd"/>\n<xs:import namespace="urn:o" schemaLocation="o.xsd"/><xs:element name="r"/>', 'xmlns:o="urn:o"') },
    });
    expect(s.validate('<r/>').valid).toBe(true);
    expect(s.unresolved).toEqual([
      { file: 'main.xsd', line: 2, what: 'include', ref: 'gone.xsd', ns: null },
      { file: 'main.xsd', line: 3, what: 'import', ref: 'o.xsd', ns: 'urn:o' },
    ]);
    expect(compileSchema({ entry: 'm.xsd', files: { 'm.xsd': doc('<xs:element name="r"/>') } }).unresolved).toEqual([]);
  });
  it('redefine: the new definition replaces the old one, also where the old schema used it', () => {
    const s = compileSchema({
      entry: 'a.xsd',
      files: {
        'a.xsd': doc('<xs:redefine schemaLocation="b.xsd"><xs:simpleType name="S"><xs:restriction base="S"><xs:maxInclusive value="5"/></xs:restriction></xs:simpleType></xs:redefine>'),
        'b.xsd': doc('<xs:simpleType name="S"><xs:restriction base="xs:int"/></xs:simpleType><xs:element name="e" type="S"/>'),
      },
    });
    expect(s.validate('<e>5</e>').valid).toBe(true);
    expect(s.validate('<e>6</e>').problems[0].message).toBe('<e>: the value \'6\' is larger than the maximum 5');
  });
  it('an import that cannot be read locally is named when a component is missing', () => {
    expect(() => compileSchema({ entry: 'm.xsd', files: { 'm.xsd': doc('<xs:import namespace="urn:o" schemaLocation="https://example.com/o.xsd"/><xs:element name="r" type="o:T"/>', 'xmlns:o="urn:o"') } })).toThrow(
      /^schema error: m\.xsd:1: type \{urn:o\}T is not defined \(the schema for urn:o named at m\.xsd:1, 'https:\/\/example\.com\/o\.xsd', could not be read locally\)$/,
    );
  });
  it('the xml: namespace is built in when its schema is not at hand', () => {
    const s = compileSchema({ entry: 'm.xsd', files: { 'm.xsd': doc('<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/><xs:element name="r"><xs:complexType><xs:attribute ref="xml:lang"/></xs:complexType></xs:element>') } });
    expect(s.validate('<r xml:lang="en-GB"/>').valid).toBe(true);
    expect(s.validate('<r xml:lang="not a language"/>').valid).toBe(false);
  });
});

describe('schema errors', () => {
  const cases: [string, string, RegExp][] = [
    ['undefined type', '<xs:element name="a" type="Nope"/>', /^schema error: main\.xsd:1: type Nope is not defined$/],
    ['undeclared prefix', '<xs:element name="a" type="p:T"/>', /the prefix 'p' of 'p:T' is not declared/],
    ['circular type', '<xs:complexType name="A"><xs:complexContent><xs:extension base="A"/></xs:complexContent></xs:complexType>', /type A is defined in terms of itself/],
    ['circular group', '<xs:group name="g"><xs:sequence><xs:group ref="g"/></xs:sequence></xs:group>', /group g is defined in terms of itself/],
    ['duplicate', '<xs:element name="a"/><xs:element name="a"/>', /element a is defined twice/],
    ['all inside sequence', '<xs:complexType name="T"><xs:sequence><xs:all/></xs:sequence></xs:complexType>', /xs:all must be the whole content model/],
    ['bad facet', '<xs:simpleType name="S"><xs:restriction base="xs:int"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>', /maxLength/],
    ['invalid default', '<xs:element name="a" type="xs:int" default="x"/>', /the default value 'x' is not valid for its type/],
    ['bad occurs', '<xs:complexType name="T"><xs:sequence><xs:element name="a" minOccurs="-1"/></xs:sequence></xs:complexType>', /minOccurs="-1" must be a whole number/],
  ];
  it.each(cases)('%s', (_, body, re) => {
    let err: unknown;
    try {
      schema(body);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as Error).message).toMatch(re);
    expect((err as Error).message).not.toMatch(/\n/);
  });
  it('XSD 1.1 constructs are refused as unsupported, never silently ignored', () => {
    expect(() => compileSchema({ entry: 'm.xsd', files: { 'm.xsd': doc('<xs:override schemaLocation="x.xsd"/>') } })).toThrow(UnsupportedError);
    expect(() => compileSchema({ entry: 'm.xsd', files: { 'm.xsd': doc('<xs:override schemaLocation="x.xsd"/>') } })).toThrow(/^unsupported: xs:override \(XSD 1\.1\) at m\.xsd:1$/);
  });
  it('a schema that is not XML, or not a schema', () => {
    expect(() => compileSchema({ entry: 'm.xsd', files: { 'm.xsd': '<xs:schema' } })).toThrow(/^schema error: m\.xsd:1: not well-formed XML/);
    expect(() => compileSchema({ entry: 'm.xsd', files: { 'm.xsd': '<schema/>' } })).toThrow(/not <xs:schema>/);
  });
  it('a document is still checked against a schema without a declaration for its root', () => {
    expect(verdict(schema('<xs:element name="a"/>'), '<b/>')).toBe('<b> (no namespace) is not declared as a root in the schema; the root element must be one of <a>');
  });
});
