/**
 * Namespace declarations as written (issue 11, item 3, the build side): `$ns` on model objects and
 * `namespaces` on XML nodes are written back on the same element, so prefixes that values use
 * (`xsi:type="xs:int"`, QName content) stay declared and bound as written; conventional prefixes
 * stay on the root; no prefix is bound to two URIs on one element.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { build } from '../src/index.js';
import { NS } from '../src/xml/names.js';
import { readXml, type ReadElement, type ReadNode } from '../src/xml/read.js';
import type { XElement, XNode } from '../src/xml/tree.js';

const XSI = NS.xsi;
const XS = 'http://www.w3.org/2001/XMLSchema';
const SRC = { href: 'https://vcd.example.com/api/vApp/vapp-1' };
const isEl = (n: ReadNode): n is ReadElement => (n as ReadElement).name !== undefined;
const elements = (el: ReadElement): ReadElement[] => el.children.filter(isEl);
/** The first element named `name` below `el` (depth first). */
function find(el: ReadElement, name: string): ReadElement | undefined {
  for (const c of elements(el)) {
    if (c.name === name) return c;
    const d = find(c, name);
    if (d) return d;
  }
  return undefined;
}
/** The prefix -> URI bindings in scope at `target`, as a reader sees them. */
function scopeAt(root: ReadElement, target: ReadElement): Record<string, string> | undefined {
  const walk = (el: ReadElement, scope: Record<string, string>): Record<string, string> | undefined => {
    const here = { ...scope, ...el.nsDecls };
    if (el === target) return here;
    for (const c of elements(el)) {
      const r = walk(c, here);
      if (r) return r;
    }
    return undefined;
  };
  return walk(root, {});
}
const ext = (any: XNode[], extra: Record<string, unknown> = {}) => ({ kind: 'CloneVAppParams', Source: SRC, VCloudExtension: [{ $any: any }], ...extra }) as never;

describe('namespace declarations are written where they were', () => {
  it('a prefix used only in a value (xsi:type="xs:int") stays declared and bound', () => {
    const el: XElement = { ns: 'urn:acme', name: 'Size', prefix: 'acme', namespaces: { xs: XS }, attrs: { [`{${XSI}}type`]: 'xs:int' }, children: [{ text: '4' }] };
    const xml = build(ext([el]));
    expect(xml).toContain('<acme:Size xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="xs:int">4</acme:Size>');
    const { root } = readXml(xml);
    expect(scopeAt(root, find(root, 'Size')!)!.xs).toBe(XS);
  });

  it('a prefix rebound on an inner element keeps its inner meaning (<x:B xmlns:x="urn:two" xsi:type="x:T2"/>)', () => {
    const b: XElement = { ns: 'urn:two', name: 'B', prefix: 'x', namespaces: { x: 'urn:two' }, attrs: { [`{${XSI}}type`]: 'x:T2' }, children: [{ ns: 'urn:one', name: 'C', prefix: 'x' }] };
    const a: XElement = { ns: 'urn:one', name: 'A', prefix: 'x', children: [b] };
    const xml = build(ext([a], { $ns: { '': NS.vcloud, x: 'urn:one' } }));
    const { root } = readXml(xml);
    const B = find(root, 'B')!;
    expect(B.ns).toBe('urn:two');
    expect(scopeAt(root, B)!.x).toBe('urn:two');
    expect(xml).toMatch(/<x:B xmlns:x="urn:two" xsi:type="x:T2">/);
    // C is in urn:one, whose prefix x is taken inside B: it gets a prefix of its own, declared on C.
    const C = find(root, 'C')!;
    expect(C.ns).toBe('urn:one');
    expect(C.prefix).not.toBe('x');
    expect(find(root, 'A')!.ns).toBe('urn:one');
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
    const { root } = readXml(xml);
    expect(root.nsDecls!.ovf).toBe('urn:not-ovf');
    const info = find(root, 'Info')!;
    expect(info.ns).toBe(NS.ovf);
    expect(info.prefix).not.toBe('ovf');
  });

  it('an element in no namespace under a default namespace as written gets xmlns=""', () => {
    const xml = build(ext([{ ns: null, name: 'plain' }], { $ns: { '': NS.vcloud } }));
    expect(xml).toContain('<plain xmlns=""/>');
    expect(find(readXml(xml).root, 'plain')!.ns).toBeNull();
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
        const { root } = readXml(xml);
        const extEl = elements(root).find((c) => c.name === 'VCloudExtension')!;
        const check = (want: XElement, got: ReadElement, scopeIn: Record<string, string>, scopeOut: Record<string, string>) => {
          const inScope = { ...scopeIn, ...want.namespaces };
          const outScope = { ...scopeOut, ...got.nsDecls };
          expect(got.ns).toBe(want.ns);
          expect(got.name).toBe(want.name);
          const attrs = Object.fromEntries(got.attrs.map((a) => [a.ns ? `{${a.ns}}${a.name}` : a.name, a.value]));
          expect(attrs).toEqual(want.attrs ?? {});
          // Every prefix in scope as written resolves the same in the output (the default namespace
          // is left out: random trees put elements in no namespace under one, which parse never gives).
          for (const p of Object.keys(inScope)) if (p !== '') expect(outScope[p], `prefix ${p}`).toBe(inScope[p]);
          const kids = elements(got);
          const wantKids = (want.children ?? []) as XElement[];
          expect(kids).toHaveLength(wantKids.length);
          wantKids.forEach((k, i) => check(k, kids[i], inScope, outScope));
        };
        check(input, elements(extEl)[0], { ...rootNs }, { ...root.nsDecls });
      }),
      { numRuns: 1500, seed: 3 },
    );
  });
});
