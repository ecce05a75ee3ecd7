/** The lossless tree: what it keeps, its offsets, namespaces, encodings (XML 1.0 Appendix F) and paths. */
import { describe, expect, it } from 'vitest';
import { NodeKind, type XmlDoc } from '../../src/xml/doc.js';
import { encodeXml } from '../../src/xml/decode.js';
import { XmlInputError } from '../../src/xml/errors.js';
import { readDocument } from '../../src/xml/reader.js';

const kinds = (d: XmlDoc, n: number) => d.children(n).map((c) => d.kind(c));

describe('readDocument keeps everything', () => {
  const src = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- before -->\n<?pi data?>\n<a xmlns="urn:a" xmlns:b="urn:b" x=\'1\' b:y="&amp;2">\n  <!-- lead -->\n  <b:c>t&lt;u<![CDATA[<raw>]]></b:c><d/>\r\n</a>\n<!-- after -->\n';
  const d = readDocument(src);

  it('has the declaration, prolog and epilog nodes, and the root', () => {
    expect(d.declaration).toMatchObject({ version: '1.0', encoding: 'UTF-8', start: 0 });
    expect(kinds(d, 0)).toEqual([NodeKind.Comment, NodeKind.PI, NodeKind.Element, NodeKind.Comment]);
    expect(d.local(d.root)).toBe('a');
    expect(d.ns(d.root)).toBe('urn:a');
    const [c1, pi, , c2] = d.children(0);
    expect(d.value(c1)).toBe(' before ');
    expect(d.piTarget(pi)).toBe('pi');
    expect(d.value(pi)).toBe('data');
    expect(d.raw(c2)).toBe('<!-- after -->');
  });

  it('keeps comments, CDATA and text with exact offsets', () => {
    const kids = d.children(d.root);
    expect(kids.map((k) => d.kind(k))).toEqual([NodeKind.Text, NodeKind.Comment, NodeKind.Text, NodeKind.Element, NodeKind.Element, NodeKind.Text]);
    const c = kids[3];
    expect(d.qname(c)).toBe('b:c');
    expect(d.ns(c)).toBe('urn:b');
    expect(d.textContent(c)).toBe('t<u<raw>');
    const [t, cdata] = d.children(c);
    expect(d.raw(t)).toBe('t&lt;u');
    expect(d.raw(cdata)).toBe('<![CDATA[<raw>]]>');
    expect(d.value(cdata)).toBe('<raw>');
    expect(d.raw(c)).toBe('<b:c>t&lt;u<![CDATA[<raw>]]></b:c>');
    expect(d.raw(kids[4])).toBe('<d/>');
    // The CR of the source is kept in the text; the decoded value reads it as LF (XML 1.0 §2.11).
    expect(d.raw(kids[5])).toBe('\r\n');
    expect(d.value(kids[5])).toBe('\n');
    expect(d.isWhitespace(kids[5])).toBe(true);
  });

  it('keeps attributes and namespace declarations as written', () => {
    const attrs = d.attrs(d.root);
    expect(attrs.map((a) => d.attrQName(a))).toEqual(['xmlns', 'xmlns:b', 'x', 'b:y']);
    expect(attrs.map((a) => d.isNamespaceDecl(a))).toEqual([true, true, false, false]);
    expect(d.namespaceDecls(d.root)).toEqual([
      ['', 'urn:a'],
      ['b', 'urn:b'],
    ]);
    expect(d.attr(d.root, 'x')).toBe('1');
    expect(d.attrQuote(attrs[2])).toBe("'");
    expect(d.attr(d.root, 'y', 'urn:b')).toBe('&2');
    expect(d.attrRaw(attrs[3])).toBe('&amp;2');
    const c = d.elementChildren(d.root)[0];
    expect(d.lookupNamespace(c, 'b')).toBe('urn:b');
    expect(d.lookupNamespace(c, '')).toBe('urn:a');
    expect(d.lookupNamespace(c, 'zz')).toBeUndefined();
  });

  it('computes positions and paths on demand', () => {
    const c = d.elementChildren(d.root)[0];
    expect(d.position(d.starts[c])).toEqual({ line: 6, column: 3 });
    expect(d.path(c)).toBe('/a/c');
    expect(d.nodeAt(d.starts[c] + 2)).toBe(c);
  });
});

describe('paths count same-name siblings per namespace', () => {
  it('indexes only repeated names', () => {
    const d = readDocument('<r xmlns:o="urn:o"><s/><s/><o:s/><t/></r>');
    const [s1, s2, os, t] = d.elementChildren(d.root);
    expect([d.path(s1), d.path(s2), d.path(os), d.path(t)]).toEqual(['/r/s[1]', '/r/s[2]', '/r/s', '/r/t']);
  });
});

describe('encodings (XML 1.0 Appendix F)', () => {
  const doc = (enc: string, body: string) => `<?xml version="1.0" encoding="${enc}"?><a>${body}</a>`;

  const bytesOf = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

  it('reads ISO-8859-1 bytes as declared', () => {
    const d = readDocument(bytesOf(doc('ISO-8859-1', 'caf\u00e9')));
    expect(d.textContent(d.root)).toBe('café');
    expect(d.encoding.name).toBe('ISO-8859-1');
  });

  it('reads UTF-16 with and without a byte order mark, and writes it back the same way', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><a>é</a>';
    for (const enc of [{ name: 'UTF-16LE', bom: true }, { name: 'UTF-16BE', bom: true }, { name: 'UTF-16LE', bom: false }, { name: 'UTF-16BE', bom: false }]) {
      const d = readDocument(encodeXml(text, enc));
      expect(d.textContent(d.root)).toBe('é');
      expect(d.encoding).toEqual(enc);
    }
  });

  it('reads windows-1252 and refuses what it cannot read', () => {
    const d = readDocument(bytesOf(doc('windows-1252', '\u0080')));
    expect(d.textContent(d.root)).toBe('€');
    expect(() => readDocument(bytesOf(doc('x-klingon', '')))).toThrow(/cannot read/);
    expect(() => readDocument(bytesOf(doc('UTF-16', '')))).toThrow(/not UTF-16/);
    expect(() => readDocument(bytesOf(doc('US-ASCII', '\u00e9')))).toThrow(/not valid US-ASCII/);
  });

  it('refuses invalid UTF-8 with the position of the bad byte', () => {
    try {
      readDocument(Uint8Array.from([0x3c, 0x61, 0x3e, 0x0a, 0x78, 0xff, 0x3c, 0x2f, 0x61, 0x3e]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(XmlInputError);
      expect((e as XmlInputError).message).toMatch(/not valid UTF-8 \(bad byte 0xff at offset 5\)/);
      expect([(e as XmlInputError).line, (e as XmlInputError).column]).toEqual([2, 2]);
    }
  });
});

describe('well-formedness', () => {
  const bad: [string, RegExp][] = [
    ['<a><!-- a -- b --></a>', /"--"/],
    ['<a>x ]]> y</a>', /']]>'/],
    ['<a b="1" b="2"/>', /appears twice/],
    ['<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', /under two prefixes/],
    ['<p:a/>', /never declared/],
    ['<a>&nope;</a>', /not defined/],
    ['<a></b>', /does not match/],
    ['<a/><b/>', /more than one root/],
    ['<a:b:c/>', /not a valid qualified name/],
    ['<a', /ends inside the start tag|expected/],
  ];
  for (const [src, re] of bad) it(`refuses ${JSON.stringify(src)}`, () => expect(() => readDocument(src)).toThrow(re));

  it('accepts an empty comment and non-ASCII names', () => {
    const d = readDocument('<é><!----><ñ-x/></é>');
    expect(d.local(d.root)).toBe('é');
    expect(d.local(d.elementChildren(d.root)[0])).toBe('ñ-x');
  });

  it('normalizes attribute values as XML 1.0 §3.3.3 says (literal TAB/CR/LF -> space; references kept)', () => {
    const d = readDocument('<a v="x\ty\r\nz&#10;"/>');
    expect(d.attr(d.root, 'v')).toBe('x y z\n');
  });
});
