/**
 * Namespaces (issue 11 item 3; src/fmt/namespaces.ts): conventional prefixes declared on the root
 * where that is safe; a prefix that values use keeps its name, declaration and binding as written.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { readDocument } from '../../src/xml/reader.js';
import { SOURCE, V, OVF, RASD, XSI, fmt, meaning } from './helpers.js';

const XS = 'http://www.w3.org/2001/XMLSchema';

/** The namespace an element named `qname` (first occurrence) is in, and what the QName of its xsi:type means. */
function typeOf(xml: string, qname: string): { ns: string | null; type: string | null | undefined } {
  const doc = readDocument(xml);
  for (let n = 1; n < doc.count; n++) {
    if (doc.kinds[n] !== 1 || doc.qname(n) !== qname) continue;
    const t = doc.attr(n, 'type', XSI);
    if (t === undefined) return { ns: doc.ns(n), type: undefined };
    const [p, local] = t.includes(':') ? t.split(':') : ['', t];
    return { ns: doc.ns(n), type: `{${doc.lookupNamespace(n, p!)}}${local}` };
  }
  throw new Error(`no <${qname}>`);
}

describe('issue 11 item 3: prefixes used inside values', () => {
  it('xsi:type="xs:int" keeps xmlns:xs (a valid document stays valid)', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<InstantiateVAppTemplateParams xmlns="${V}" xmlns:ovf="${OVF}" xmlns:xsi="${XSI}" xmlns:xs="${XS}" name="t">
  ${SOURCE}
  <SourcedItem>
    <Source href="https://vcd.example.com/api/vAppTemplate/vm-1"/>
    <InstantiationParams>
      <NetworkConnectionSection>
        <ovf:Info>n</ovf:Info>
        <PrimaryNetworkConnectionIndex xsi:type="xs:int">0</PrimaryNetworkConnectionIndex>
      </NetworkConnectionSection>
    </InstantiationParams>
  </SourcedItem>
</InstantiateVAppTemplateParams>
`;
    const out = fmt(xml);
    expect(out).toContain(`xmlns:xs="${XS}"`);
    expect(typeOf(out, 'PrimaryNetworkConnectionIndex').type).toBe(`{${XS}}int`);
    expect((await validate(xml, { lint: false })).problems).toEqual([]);
    expect((await validate(out, { lint: false })).problems).toEqual([]);
    // Without the declaration the document would not be valid: the test would catch a dropped xmlns:xs.
    expect((await validate(out.replace(` xmlns:xs="${XS}"`, ''), { lint: false })).valid).toBe(false);
  });

  it('in <x:B xmlns:x="urn:two" xsi:type="x:T2"/> the x stays bound to urn:two', () => {
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}" xmlns:x="urn:one" xmlns:xsi="${XSI}">
  <VCloudExtension>
    <x:A xsi:type="x:T1"/>
    <x:B xmlns:x="urn:two" xsi:type="x:T2"/>
  </VCloudExtension>
  ${SOURCE}
</InstantiateVAppTemplateParams>`;
    const out = fmt(xml);
    expect(out).toContain('<x:B xmlns:x="urn:two" xsi:type="x:T2"/>');
    expect(typeOf(out, 'x:B')).toEqual({ ns: 'urn:two', type: '{urn:two}T2' });
    expect(typeOf(out, 'x:A')).toEqual({ ns: 'urn:one', type: '{urn:one}T1' });
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(xml)));
  });

  it('a prefix named in text content keeps its declaration where it was written', () => {
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}">${SOURCE}<VCloudExtension><e:Kind xmlns:e="urn:e">e:Big</e:Kind></VCloudExtension></InstantiateVAppTemplateParams>`;
    const out = fmt(xml);
    expect(out).toContain('<e:Kind xmlns:e="urn:e">e:Big</e:Kind>');
    expect(out).not.toMatch(/<InstantiateVAppTemplateParams[^>]*xmlns:e=/);
  });

  it('an undeclared prefix named in text is not declared by fmt (regression from the fuzz run)', () => {
    // `ovf:Info` in a value did not resolve before; declaring ovf on the root would give it a meaning.
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}" xmlns:o="${OVF}"><Description>ovf:Info</Description>${SOURCE}<InstantiationParams><LeaseSettingsSection><o:Info>l</o:Info></LeaseSettingsSection></InstantiationParams></InstantiateVAppTemplateParams>`;
    const out = fmt(xml);
    expect(out).not.toContain('xmlns:ovf=');
    expect(out).toContain('<o:Info>l</o:Info>');
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(xml)));
  });

  it('an unprefixed xsi:type value keeps the default namespace declarations as written', () => {
    const xml = `<v:InstantiateVAppTemplateParams xmlns:v="${V}" xmlns:xsi="${XSI}"><v:Source href="h"/><v:VCloudExtension><Thing xmlns="urn:t" xsi:type="T"/></v:VCloudExtension></v:InstantiateVAppTemplateParams>`;
    const out = fmt(xml);
    expect(out).toContain('<Thing xmlns="urn:t" xsi:type="T"/>');
    expect(typeOf(out, 'Thing')).toEqual({ ns: 'urn:t', type: '{urn:t}T' });
  });

  it('URLs and URNs in values do not count as prefixes', () => {
    const xml = `<v:InstantiateVAppTemplateParams xmlns:v="${V}" xmlns:urn="urn:x" xmlns:https="urn:y"><v:Source href="https://h/x" id="urn:vcloud:vm:1"/></v:InstantiateVAppTemplateParams>`;
    expect(fmt(xml)).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<InstantiateVAppTemplateParams xmlns="${V}">\n  <Source href="https://h/x" id="urn:vcloud:vm:1"/>\n</InstantiateVAppTemplateParams>\n`);
  });
});

describe('conventional prefixes on the root', () => {
  it('renames written prefixes to the conventional ones and declares them once, on the root', () => {
    const xml = `<v:InstantiateVAppTemplateParams xmlns:v="${V}"><v:InstantiationParams><o:LeaseSettingsSection xmlns:o="${OVF}" xmlns:o2="${OVF}"><o2:Info>l</o2:Info></o:LeaseSettingsSection></v:InstantiationParams><v:Source href="h"/></v:InstantiateVAppTemplateParams>`;
    expect(fmt(xml)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<InstantiateVAppTemplateParams\n    xmlns="${V}"\n    xmlns:ovf="${OVF}">\n  <InstantiationParams>\n    <ovf:LeaseSettingsSection>\n      <ovf:Info>l</ovf:Info>\n    </ovf:LeaseSettingsSection>\n  </InstantiationParams>\n  <Source href="h"/>\n</InstantiateVAppTemplateParams>\n`,
    );
  });

  it('vcloud attributes get the vcloud prefix (attributes cannot use the default namespace)', () => {
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}" xmlns:v="${V}" xmlns:r="${RASD}" xmlns:ovf="${OVF}">${SOURCE}<SourcedItem><Source href="h"/><InstantiationParams><ovf:VirtualHardwareSection><ovf:Info>h</ovf:Info><ovf:Item><r:ElementName>d</r:ElementName><r:HostResource v:capacity="1024"/><r:InstanceID>1</r:InstanceID></ovf:Item></ovf:VirtualHardwareSection></InstantiationParams></SourcedItem></InstantiateVAppTemplateParams>`;
    const out = fmt(xml);
    expect(out).toMatch(new RegExp(`xmlns:rasd="${RASD}"`));
    expect(out).toMatch(new RegExp(`xmlns:vcloud="${V}"`));
    expect(out).toContain('<rasd:HostResource vcloud:capacity="1024"/>');
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(xml)));
  });

  it('an extension namespace keeps the prefix it was written with, moved to the root', () => {
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}">${SOURCE}<VCloudExtension><t:Tag xmlns:t="urn:tags">a</t:Tag><t:Tag xmlns:t="urn:tags">b</t:Tag></VCloudExtension></InstantiateVAppTemplateParams>`;
    expect(fmt(xml)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<InstantiateVAppTemplateParams xmlns="${V}" xmlns:t="urn:tags">\n  <VCloudExtension>\n    <t:Tag>a</t:Tag>\n    <t:Tag>b</t:Tag>\n  </VCloudExtension>\n  ${SOURCE}\n</InstantiateVAppTemplateParams>\n`,
    );
  });

  it('one prefix bound to two namespaces: each keeps its namespace', () => {
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}" xmlns:p="urn:one">${SOURCE}<VCloudExtension><p:A/><p:B xmlns:p="urn:two"/><q:C xmlns:q="urn:two"/></VCloudExtension></InstantiateVAppTemplateParams>`;
    const out = fmt(xml);
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(xml)));
    expect(fmt(out)).toBe(out);
  });

  it('an element in no namespace: no default namespace, vcloud gets its prefix', () => {
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}">${SOURCE}<VCloudExtension><plain xmlns=""/></VCloudExtension></InstantiateVAppTemplateParams>`;
    const out = fmt(xml);
    expect(out).toContain(`<vcloud:InstantiateVAppTemplateParams xmlns:vcloud="${V}">`);
    expect(out).toContain('<plain/>');
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(xml)));
  });

  it('a declaration nothing uses is dropped', () => {
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}" xmlns:ovf="${OVF}" xmlns:unused="urn:u">${SOURCE}</InstantiateVAppTemplateParams>`;
    expect(fmt(xml)).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<InstantiateVAppTemplateParams xmlns="${V}">\n  ${SOURCE}\n</InstantiateVAppTemplateParams>\n`);
  });

  it('content copied as read keeps the bindings it uses from outside', () => {
    // The mixed Description uses m: declared on the root: renaming or moving m would unbind <m:b>.
    const xml = `<v:InstantiateVAppTemplateParams xmlns:v="${V}" xmlns:m="urn:markup"><v:Description>a <m:b>bold</m:b> c</v:Description><v:Source href="h"/></v:InstantiateVAppTemplateParams>`;
    const out = fmt(xml);
    expect(out).toContain('<Description>a <m:b>bold</m:b> c</Description>');
    expect(out).toContain('xmlns:m="urn:markup"');
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(xml)));
    // Unprefixed markup in copied content relies on the default namespace in scope: it is kept as written.
    const plain = `<v:InstantiateVAppTemplateParams xmlns:v="${V}"><v:Description>a <b>bold</b></v:Description><v:Source href="h"/></v:InstantiateVAppTemplateParams>`;
    const out2 = fmt(plain);
    expect(meaning(readDocument(out2))).toBe(meaning(readDocument(plain)));
    expect(out2).not.toMatch(/ xmlns=/);
  });
});
