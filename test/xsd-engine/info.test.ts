/** Editor queries (info.ts): elements allowed at a position, and the declaration behind a node. */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/xml/reader.js';
import { bundledSchema } from '../../src/xsd/bundled.js';
import { schema } from './helpers.js';

const s = schema(`
  <xs:element name="r"><xs:annotation><xs:documentation>The root.</xs:documentation></xs:annotation><xs:complexType><xs:sequence>
    <xs:element name="a" type="xs:int"><xs:annotation><xs:documentation>An a.</xs:documentation></xs:annotation></xs:element>
    <xs:element name="b" minOccurs="0"/>
    <xs:choice><xs:element name="c"/><xs:element name="d"/></xs:choice>
  </xs:sequence><xs:attribute name="when" type="xs:date"/></xs:complexType></xs:element>`);

describe('allowedChildren', () => {
  it('what may come before a given child, or at the end, in schema order', () => {
    const doc = readDocument('<r><a>1</a><c/></r>');
    const r = doc.root;
    const [a, c] = doc.elementChildren(r);
    expect(s.allowedChildren(doc, r, a)).toEqual([{ ns: null, local: 'a', doc: 'An a.' }]);
    expect(s.allowedChildren(doc, r, c).map((e) => e.local)).toEqual(['b', 'c', 'd']);
    expect(s.allowedChildren(doc, r, -1)).toEqual([]);
    // allowedAt: only what the next child can still follow (c once: neither c nor d before it).
    expect(s.allowedAt(doc, r, c).map((e) => e.local)).toEqual(['b']);
  });
  it('works on the bundled request schema', () => {
    const doc = readDocument('<InstantiateVAppTemplateParams xmlns="http://www.vmware.com/vcloud/v1.5" name="x"><Source href="h"/></InstantiateVAppTemplateParams>');
    const names = bundledSchema().allowedChildren(doc, doc.root, doc.elementChildren(doc.root)[0]).map((e) => e.local);
    expect(names).toContain('InstantiationParams');
    expect(names.indexOf('VAppParent')).toBeLessThan(names.indexOf('InstantiationParams'));
    expect(names.at(-1)).toBe('Source');
  });
});

describe('describe', () => {
  it('names the type and documentation of elements and attributes', () => {
    const doc = readDocument('<r when="2024-01-01"><a>1</a></r>');
    expect(s.describe(doc, doc.root)).toEqual({ kind: 'element', ns: null, local: 'r', type: null, doc: 'The root.', by: 'declaration' });
    expect(s.describe(doc, doc.elementChildren(doc.root)[0])).toMatchObject({ local: 'a', type: 'xs:int', doc: 'An a.' });
    expect(s.describe(doc, doc.root, doc.attrFirst[doc.root])).toMatchObject({ kind: 'attribute', local: 'when', by: 'declaration' });
  });
});
