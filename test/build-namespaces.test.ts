/**
 * Namespace declarations as written (issue 11, item 3, the build side): `$ns` on model objects and
 * `namespaces` on XML nodes are written back on the same element, so prefixes that values use
 * (`xsi:type="xs:int"`, QName content) stay declared and bound as written; conventional prefixes
 * stay on the root; no prefix is bound to two URIs on one element.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { build, normalize, parse, validate } from '../src/index.js';
import { NS } from '../src/xml/names.js';
import { readDocument } from '../src/xml/reader.js';
import type { XmlDoc } from '../src/xml/doc.js';
import type { XElement, XNode } from '../src/xml/tree.js';

const XSI = NS.xsi;
const XS = 'http://www.w3.org/2001/XMLSchema';
const SRC = { href: 'https://vcd.example.com/api/vApp/vapp-1' };

/** The output read back: element n's name, namespace, prefix, declarations, attributes and scope. */
function reader(xml: string) {
  const doc: XmlDoc = readDocument(xml);
  const el = (n: number) => ({
    n,
    name: doc.local(n),
    ns: doc.ns(n),
    prefix: doc.prefix(n),
    nsDecls: Object.fromEntries(doc.namespaceDecls(n)) as Record<string, string>,
    attrs: Object.fromEntries(doc.attrs(n).filter((a) => !doc.isNamespaceDecl(a)).map((a) => [doc.attrNs(a) ? `{${doc.attrNs(a)}}${doc.attrLocal(a)}` : doc.attrLocal(a), doc.attrValue(a)])),
    scope: Object.fromEntries(doc.inScopeNamespaces(n)) as Record<string, string>,
    kids: () => doc.elementChildren(n).map(el),
  });
  const root = el(doc.root);
  type El = typeof root;
  const find = (e: El, name: string): El | undefined => {
    for (const c of e.kids()) {
      if (c.name === name) return c;
      const d = find(c, name);
      if (d) return d;
    }
    return undefined;
  };
  return { root, find: (name: string) => find(root, name) };
}
const ext = (any: XNode[], extra: Record<string, unknown> = {}) => ({ kind: 'CloneVAppParams', Source: SRC, VCloudExtension: [{ $any: any }], ...extra }) as never;

describe('namespace declarations are written where they were', () => {
  it('a prefix used only in a value (xsi:type="xs:int") stays declared and bound', () => {
    const el: XElement = { ns: 'urn:acme', name: 'Size', prefix: 'acme', namespaces: { xs: XS }, attrs: { [`{${XSI}}type`]: 'xs:int' }, children: [{ text: '4' }] };
    const xml = build(ext([el]));
    expect(xml).toContain('<acme:Size xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="xs:int">4</acme:Size>');
    expect(reader(xml).find('Size')!.scope.xs).toBe(XS);
  });

  it('a prefix rebound on an inner element keeps its inner meaning (<x:B xmlns:x="urn:two" xsi:type="x:T2"/>)', () => {
    const b: XElement = { ns: 'urn:two', name: 'B', prefix: 'x', namespaces: { x: 'urn:two' }, attrs: { [`{${XSI}}type`]: 'x:T2' }, children: [{ ns: 'urn:one', name: 'C', prefix: 'x' }] };
    const a: XElement = { ns: 'urn:one', name: 'A', prefix: 'x', children: [b] };
    const xml = build(ext([a], { $ns: { '': NS.vcloud, x: 'urn:one' } }));
    const { find } = reader(xml);
    const B = find('B')!;
    expect(B.ns).toBe('urn:two');
    expect(B.scope.x).toBe('urn:two');
    expect(xml).toMatch(/<x:B xmlns:x="urn:two" xsi:type="x:T2">/);
    // C is in urn:one, whose prefix x is taken inside B: it gets a prefix of its own, declared on C.
    const C = find('C')!;
    expect(C.ns).toBe('urn:one');
    expect(C.prefix).not.toBe('x');
    expect(find('A')!.ns).toBe('urn:one');
  });

  it('$ns on a model object is written on that element; conventional prefixes stay on the root', () => {
    const doc = {
      kind: 'ComposeVAppParams',
      $ns: { '': NS.vcloud, ovf: NS.ovf },
      InstantiationParams: { sections: [{ LeaseSettingsSection: { $ns: { xs: XS }, DeploymentLeaseInSeconds: 0 } }] },
      SourcedItem: [{ Source: SRC, InstantiationParams: { sections: [{ VirtualHardwareSection: { Item: [{ $ns: { rasd: NS.rasd }, ElementName: 'm', InstanceID: '5', ResourceType: 4, VirtualQuantity: 1024 }] } }] } }],
    } as never;
    const xml = build(doc);
    expect(xml).toMatch(/^<\?xml[^>]*\?>\n<ComposeVAppParams xmlns="http:\/\/www.vmware.com\/vcloud\/v1.5" xmlns:ovf="http:\/\/schemas.dmtf.org\/ovf\/envelope\/1">/);
    expect(xml).toContain('<LeaseSettingsSection xmlns:xs="http://www.w3.org/2001/XMLSchema">');
    // rasd is declared on the item as written, and nowhere else (every rasd element is inside it).
    expect(xml).toContain('<ovf:Item xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData">');
    expect(xml.match(/xmlns:rasd=/g)).toHaveLength(1);
  });

  it('without declarations, every namespace gets its conventional prefix on the root (hand-made documents)', () => {
    const xml = build({ kind: 'ComposeVAppParams', SourcedItem: [{ Source: SRC, InstantiationParams: { sections: [{ VirtualHardwareSection: { Item: [{ ElementName: 'd', HostResource: [{ $value: '', capacity: 1024 }], InstanceID: '2000', ResourceType: 17 }] } }] } }] });
    const root = xml.split('\n')[1];
    expect(root).toBe(`<ComposeVAppParams xmlns="${NS.vcloud}" xmlns:ovf="${NS.ovf}" xmlns:rasd="${NS.rasd}" xmlns:vcloud="${NS.vcloud}">`);
    expect(xml).toContain('<rasd:HostResource vcloud:capacity="1024"/>');
  });

  it('a conventional prefix taken by a declaration as written is not bound twice: OVF gets another prefix', () => {
    const xml = build({ kind: 'ComposeVAppParams', $ns: { '': NS.vcloud, ovf: 'urn:not-ovf' }, InstantiationParams: { sections: [{ LeaseSettingsSection: {} }] } } as never);
    const { root, find } = reader(xml);
    expect(root.nsDecls.ovf).toBe('urn:not-ovf');
    const info = find('Info')!;
    expect(info.ns).toBe(NS.ovf);
    expect(info.prefix).not.toBe('ovf');
  });

  it('an element in no namespace under a default namespace as written gets xmlns=""', () => {
    const xml = build(ext([{ ns: null, name: 'plain' }], { $ns: { '': NS.vcloud } }));
    expect(xml).toContain('<plain xmlns=""/>');
    expect(reader(xml).find('plain')!.ns).toBeNull();
  });

  it('random trees: every name resolves to its namespace and every declaration as written is in scope where it was', () => {
    const uris = ['urn:a', 'urn:b', 'urn:c', NS.ovf, XSI];
    const prefix = fc.constantFrom('a', 'b', 'x', 'ovf', 'ns0', 'xsi');
    const decls = fc.option(fc.dictionary(fc.oneof(prefix, fc.constant('')), fc.constantFrom(...uris), { maxKeys: 3 }), { nil: undefined });
    const tree = fc.letrec((tie) => ({
      el: fc.record(
        {
          ns: fc.constantFrom(...uris, null),
          name: fc.constantFrom('e', 'f', 'g'),
          prefix: fc.option(prefix, { nil: undefined }),
          namespaces: decls,
          attrs: fc.option(fc.dictionary(fc.constantFrom('{urn:a}p', '{urn:b}q', 'r', `{${XSI}}type`), fc.constantFrom('a:T', 'x:T', 'v'), { maxKeys: 2 }), { nil: undefined }),
          children: fc.option(fc.array(tie('el'), { maxLength: 3 }), { nil: undefined }),
        },
        { requiredKeys: ['ns', 'name'] },
      ),
    })).el as fc.Arbitrary<XElement>;
    fc.assert(
      fc.property(tree, decls, (t, rootNs) => {
        const clean = (e: XElement): XElement => {
          const out = { ...e };
          // An element in no namespace cannot declare a default namespace (build refuses that).
          if (out.ns === null && out.namespaces?.['']) out.namespaces = Object.fromEntries(Object.entries(out.namespaces).filter(([p]) => p !== ''));
          if (out.namespaces) out.namespaces = Object.fromEntries(Object.entries(out.namespaces).filter(([p, u]) => p !== '' || u !== XSI));
          if (out.children) out.children = out.children.map((c) => clean(c as XElement));
          return out;
        };
        const input = clean(t);
        const xml = build(ext([input], rootNs ? { $ns: { ...rootNs, '': NS.vcloud } } : {}));
        const { root } = reader(xml);
        type El = ReturnType<typeof reader>['root'];
        const extEl = root.kids().find((c) => c.name === 'VCloudExtension')!;
        const check = (want: XElement, got: El, scopeIn: Record<string, string>) => {
          const inScope = { ...scopeIn, ...want.namespaces };
          expect(got.ns).toBe(want.ns);
          expect(got.name).toBe(want.name);
          expect(got.attrs).toEqual(want.attrs ?? {});
          // Every prefix in scope as written resolves the same in the output (the default namespace
          // is left out: random trees put elements in no namespace under one, which parse never gives).
          for (const p of Object.keys(inScope)) if (p !== '') expect(got.scope[p], `prefix ${p}`).toBe(inScope[p]);
          const kids = got.kids();
          const wantKids = (want.children ?? []) as XElement[];
          expect(kids).toHaveLength(wantKids.length);
          wantKids.forEach((k, i) => check(k, kids[i], inScope));
        };
        check(input, extEl.kids()[0], { ...rootNs });
      }),
      { numRuns: 1500, seed: 3 },
    );
  });
});

describe('normalize | build keeps prefixes used in values (end to end, with parse)', () => {
  const head = `<CloneVAppParams xmlns="${NS.vcloud}" xmlns:xsi="${XSI}" xmlns:xs="${XS}" xmlns:x="urn:one" name="c">`;
  const roundTrip = (xml: string) => build(JSON.parse(JSON.stringify(normalize(xml))) as never);

  it('xsi:type="xs:int" keeps xmlns:xs, and the document stays valid', async () => {
    const xml = `${head}<VCloudExtension required="false"><x:Size xsi:type="xs:int">4</x:Size></VCloudExtension><Source href="https://vcd.example.com/api/vApp/vapp-1"/></CloneVAppParams>`;
    expect((await validate(xml)).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const out = roundTrip(xml);
    expect(reader(out).find('Size')!.scope.xs).toBe(XS);
    expect((await validate(out)).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('<x:B xmlns:x="urn:two" xsi:type="x:T2"/> keeps its x bound to urn:two', () => {
    const xml = `${head}<VCloudExtension required="false"><x:A><x:B xmlns:x="urn:two" xsi:type="x:T2"/></x:A></VCloudExtension><Source href="https://vcd.example.com/api/vApp/vapp-1"/></CloneVAppParams>`;
    const out = roundTrip(xml);
    const { find } = reader(out);
    expect(find('A')!.ns).toBe('urn:one');
    expect(find('B')!.ns).toBe('urn:two');
    expect(find('B')!.scope.x).toBe('urn:two');
    expect(find('B')!.attrs[`{${XSI}}type`]).toBe('x:T2');
    // build is a fixed point through parse.
    expect(build(parse(out))).toBe(out);
  });
});
