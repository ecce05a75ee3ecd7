/**
 * build checks its input first (issue 11, item 7): names, namespace declarations in $attrs, nulls,
 * wrong shapes and values a type cannot hold are BuildErrors with the path, never an internal error
 * and never XML that is not well-formed. Deep generic content is written without recursion, or
 * refused beyond maxDepth.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { build, BuildError, parse, UnknownDocumentError } from '../src/index.js';
import { readDocument } from '../src/xml/reader.js';
import type { XElement } from '../src/xml/tree.js';

const SRC = { href: 'https://vcd.example.com/api/vApp/vapp-1' };
const clone = (extra: Record<string, unknown>) => ({ kind: 'CloneVAppParams', Source: SRC, ...extra }) as never;
const fails = (doc: unknown, path: string, message: RegExp) => {
  let err: unknown;
  try {
    build(doc as never);
  } catch (e) {
    err = e;
  }
  expect(err, `no error for ${JSON.stringify(doc)}`).toBeInstanceOf(BuildError);
  expect((err as BuildError).path).toBe(path);
  expect((err as BuildError).message).toMatch(message);
};

describe('build refuses what XML cannot hold, with the path', () => {
  it('element and attribute names that are not XML names', () => {
    fails(clone({ $any: [{ ns: null, name: 'a b' }] }), '/CloneVAppParams/$any[0]/name', /"a b" is not an XML element name/);
    fails(clone({ $any: [{ ns: 'urn:x', name: 'x:y' }] }), '/CloneVAppParams/$any[0]/name', /give the prefix in "prefix"/);
    fails(clone({ $any: [{ ns: 'urn:x', name: 'ok', prefix: 'a b' }] }), '/CloneVAppParams/$any[0]/prefix', /prefix/);
    fails(clone({ $attrs: { '{urn:x}1a': 'v' } }), '/CloneVAppParams/$attrs/{urn:x}1a', /not an XML name/);
    fails(clone({ $any: [{ ns: null, name: 'a', children: [{ ns: null, name: '' }] }] }), '/CloneVAppParams/$any[0]/children[0]/name', /not an XML element name/);
  });

  it('namespace declarations in $attrs or attrs, and bad declarations in $ns', () => {
    fails(clone({ $attrs: { xmlns: 'urn:x' } }), '/CloneVAppParams/$attrs/xmlns', /namespace declaration, not an attribute/);
    fails(clone({ $attrs: { 'xmlns:a': 'urn:x' } }), '/CloneVAppParams/$attrs/xmlns:a', /declare namespaces in \$ns/);
    fails(clone({ $attrs: { '{http://www.w3.org/2000/xmlns/}a': 'urn:x' } }), '/CloneVAppParams/$attrs/{http://www.w3.org/2000/xmlns/}a', /namespace declaration/);
    fails(clone({ $any: [{ ns: null, name: 'a', attrs: { 'xmlns:p': 'urn:p' } }] }), '/CloneVAppParams/$any[0]/attrs/xmlns:p', /namespace declaration/);
    fails(clone({ $ns: { xmlns: 'urn:x' } }), '/CloneVAppParams/$ns/xmlns', /reserved/);
    fails(clone({ $ns: { a: '' } }), '/CloneVAppParams/$ns/a', /cannot be undeclared/);
    fails(clone({ $ns: { xml: 'urn:x' } }), '/CloneVAppParams/$ns/xml', /bound to http:\/\/www.w3.org\/XML\/1998\/namespace and nothing else/);
    fails(clone({ $ns: { 'a:b': 'urn:x' } }), '/CloneVAppParams/$ns/a:b', /not a valid namespace prefix/);
  });

  it('nulls and wrong shapes', () => {
    fails({ kind: 'CloneVAppParams', Source: null }, '/CloneVAppParams/Source', /null is not a value here/);
    fails(clone({ name: null }), '/CloneVAppParams/@name', /null is not a value here/);
    fails(clone({ Description: { $value: 'x', bogus: 1 } }), '/CloneVAppParams/Description', /unknown attribute "bogus"/);
    fails(clone({ $any: 'text' }), '/CloneVAppParams/$any', /must be an array of XML nodes/);
    fails(clone({ $any: [null] }), '/CloneVAppParams/$any[0]', /expected an XML node/);
    fails(clone({ $any: [{ text: 1 }] }), '/CloneVAppParams/$any[0]/text', /must be a string/);
    fails(clone({ $any: [{ ns: null, name: 'a', children: {} }] }), '/CloneVAppParams/$any[0]/children', /must be an array/);
    fails(clone({ $attrs: { a: 1 } }), '/CloneVAppParams/$attrs/a', /must be a string/);
    fails(clone({ InstantiationParams: { sections: [{ NetworkConfigSection: null }] } }), '/CloneVAppParams/InstantiationParams/sections[0]/NetworkConfigSection', /expected an object/);
    fails(clone({ InstantiationParams: { sections: [{ Nope: {} }] } }), '/CloneVAppParams/InstantiationParams/sections[0]', /unknown entry "Nope"/);
    expect(() => build(null as never)).toThrow(UnknownDocumentError);
  });

  it('values a type cannot hold: fractions, out-of-range numbers, booleans for numbers, illegal characters', () => {
    const item = (q: unknown) => ({
      kind: 'ComposeVAppParams',
      SourcedItem: [{ Source: SRC, InstantiationParams: { sections: [{ VirtualHardwareSection: { Item: [{ ElementName: 'd', InstanceID: '2000', ResourceType: 17, VirtualQuantity: q }] } }] } }],
    });
    const at = '/ComposeVAppParams/SourcedItem[0]/InstantiationParams/sections[0]/VirtualHardwareSection/Item[0]/VirtualQuantity';
    fails(item(38146.97265625), at, /expected a whole number \(xs:unsignedLong\), got 38146.97265625/);
    fails(item(16384.000000953674), at, /whole number/);
    fails(item(-1), at, /outside the range/);
    fails(item(true), at, /expected a whole number/);
    fails(item(Number.NaN), at, /not a number/);
    fails(clone({ deploy: 1 }), '/CloneVAppParams/@deploy', /expected true or false/);
    fails(clone({ name: 'a\u0001b' }), '/CloneVAppParams/@name', /U\+0001 is not a character XML 1.0 allows/);
    fails(clone({ $any: [{ text: 'a\uffffb' }] }), '/CloneVAppParams/$any[0]/text', /U\+FFFF/);
    // A string is written as given (validate checks its lexical form); numbers that fit are fine.
    expect(build(item('40960') as never)).toContain('<rasd:VirtualQuantity>40960</rasd:VirtualQuantity>');
  });

  it('any JSON value either builds well-formed XML or throws a BuildError (never another error)', () => {
    const leafish = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const node = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leafish, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.constantFrom('name', 'ns', 'prefix', 'attrs', 'children', 'text', 'xmlns', '$value', 'href', 'a b'), fc.string()), tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(fc.constantFrom('$any', '$attrs', '$ns', 'Description', 'Source', 'InstantiationParams', 'VCloudExtension', 'name'), node, (key, value) => {
        let xml: string | undefined;
        try {
          xml = build(clone({ [key]: value }));
        } catch (e) {
          if (!(e instanceof BuildError)) throw e;
          return;
        }
        expect(() => readDocument(xml!)).not.toThrow();
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

describe('deep generic content', () => {
  const deep = (n: number): XElement => {
    const root: XElement = { ns: 'urn:deep', name: 'd', prefix: 'd' };
    let cur = root;
    for (let i = 1; i < n; i++) {
      const c: XElement = { ns: 'urn:deep', name: 'd' };
      cur.children = [c];
      cur = c;
    }
    cur.children = [{ text: 'bottom' }];
    return root;
  };

  it('is refused beyond maxDepth with a BuildError naming the limit (default 256, as parse)', () => {
    const doc = clone({ VCloudExtension: [{ $any: [deep(100_000)] }] });
    expect(() => build(doc)).toThrow(/nested deeper than the limit of 256 \(raise it with --max-depth/);
  });

  it('is written without recursion when the limit allows it, and reads back', () => {
    const doc = clone({ VCloudExtension: [{ $any: [deep(99_000)] }] });
    const xml = build(doc, { maxDepth: 100_000, pretty: false });
    // The reader's own ceiling is 100,000 levels (MAX_DEPTH_LIMIT): the output reads back.
    const tree = readDocument(xml, { maxDepth: 100_000 });
    expect(tree.local(tree.root)).toBe('CloneVAppParams');
    // Nothing declares urn:deep, so the root does, with the prefix the tree hints.
    expect(xml).toMatch(/^<\?xml[^>]*\?><CloneVAppParams xmlns="[^"]+" xmlns:d="urn:deep">/);
    expect(xml).toContain('<VCloudExtension><d:d><d:d>');
    expect(xml).toContain('bottom</d:d></d:d>');
    expect(xml).toContain('</d:d></VCloudExtension><Source ');
  });

  it('a document parse accepts is written back (parse and build agree on depth)', () => {
    const xml = `<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1.5"><Source href="h"/><VCloudExtension>${'<x:a xmlns:x="urn:x">'.repeat(1)}${'<x:a>'.repeat(200)}${'</x:a>'.repeat(201)}</VCloudExtension></CloneVAppParams>`;
    expect(() => build(parse(xml))).not.toThrow();
  });
});
