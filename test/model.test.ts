import { describe, expect, it } from 'vitest';
import { build, cloneVApp, composeVApp, instantiateTemplate, normalize, parse, placeOf, recomposeVApp } from '../src/index.js';
import { BuildError } from '../src/xml/build.js';
import { XmlInputError } from '../src/xml/errors.js';
import { UnknownDocumentError } from '../src/document.js';
import { parseUnits, toMegabytes, fromMegabytes } from '../src/model/units.js';
import { xmlDifference } from './helpers/xml-equiv.js';

const V = 'xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"';
const RASD = 'xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:vmw="http://www.vmware.com/schema/ovf" xmlns:vcloud="http://www.vmware.com/vcloud/v1.5"';

const vm = (hw: string) => `<ComposeVAppParams ${V} ${RASD} name="a">
  <SourcedItem>
    <Source href="https://vcd.example.com/api/vAppTemplate/vm-1"/>
    <InstantiationParams>
      <ovf:VirtualHardwareSection>
        <ovf:Info>hw</ovf:Info>
        ${hw}
      </ovf:VirtualHardwareSection>
    </InstantiationParams>
  </SourcedItem>
</ComposeVAppParams>`;

function items(doc: ReturnType<typeof normalize>) {
  const sections = (doc as any).SourcedItem[0].InstantiationParams.sections;
  return sections[0].VirtualHardwareSection.Item;
}

describe('parse', () => {
  it('gives the kind, attributes and children by name, and positions', () => {
    const doc = parse(`<?xml version="1.0"?>\n<InstantiateVAppTemplateParams ${V} name="web" deploy="1">\n  <Source href="https://x/api/vAppTemplate/vappTemplate-1"/>\n</InstantiateVAppTemplateParams>`);
    expect(doc.kind).toBe('InstantiateVAppTemplateParams');
    if (doc.kind !== 'InstantiateVAppTemplateParams') throw new Error('kind');
    expect(doc.name).toBe('web');
    expect(doc.deploy).toBe('1');
    expect(doc.Source.href).toBe('https://x/api/vAppTemplate/vappTemplate-1');
    expect(placeOf(doc.Source)).toEqual({ line: 3, column: 3, path: '/InstantiateVAppTemplateParams/Source' });
    expect(placeOf(doc)).toMatchObject({ line: 2, column: 1, path: '/InstantiateVAppTemplateParams' });
  });

  it('accepts children out of order and build writes schema order', () => {
    const xml = `<InstantiateVAppTemplateParams ${V}><Source href="https://x/t"/><InstantiationParams><LeaseSettingsSection><StorageLeaseInSeconds>0</StorageLeaseInSeconds><ovf:Info/></LeaseSettingsSection></InstantiationParams></InstantiateVAppTemplateParams>`;
    const out = build(parse(xml));
    expect(out.indexOf('<InstantiationParams>')).toBeLessThan(out.indexOf('<Source'));
    expect(out.indexOf('<ovf:Info')).toBeLessThan(out.indexOf('<StorageLeaseInSeconds>'));
  });

  it('keeps extension content, foreign attributes and unknown sections', () => {
    const xml = `<ComposeVAppParams ${V} xmlns:x="urn:acme" x:team="blue" name="a">
      <VCloudExtension required="false"><x:Tag x:k="1">v</x:Tag></VCloudExtension>
      <InstantiationParams><x:CustomSection><x:A>1</x:A></x:CustomSection><LeaseSettingsSection><ovf:Info/></LeaseSettingsSection></InstantiationParams>
    </ComposeVAppParams>`;
    const doc = parse(xml) as any;
    expect(doc.$attrs).toEqual({ '{urn:acme}team': 'blue' });
    expect(doc.VCloudExtension[0].$any[0]).toMatchObject({ ns: 'urn:acme', name: 'Tag', attrs: { '{urn:acme}k': '1' } });
    expect(doc.InstantiationParams.sections[0].$xml.name).toBe('CustomSection');
    expect(xmlDifference(xml, build(doc))).toBeUndefined();
  });

  it('reports what is not a request document', () => {
    expect(() => parse('<Foo/>')).toThrow(UnknownDocumentError);
    expect(() => parse('<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1"/>')).toThrow(/vCloud API 1.0 namespace/);
    expect(() => parse('<a><b></a>')).toThrow(XmlInputError);
    expect(() => parse('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toThrow(/entities/);
    expect(() => parse(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]))).toThrow(/not valid UTF-8/);
    expect(() => parse('<a:b/>')).toThrow(/prefix "a:" is used but never declared/);
    expect(() => parse('   ')).toThrow(/empty/);
  });
});

describe('build', () => {
  it('fills ovf:Info, writes ovf: attributes qualified and vCloud ones unqualified', () => {
    const xml = build({
      kind: 'InstantiateVAppTemplateParams',
      name: 'x',
      Source: { href: 'https://x/t' },
      InstantiationParams: { sections: [{ StartupSection: { Item: [{ id: 'vm1', order: 0 }] } }, { LeaseSettingsSection: { DeploymentLeaseInSeconds: 0 } }] },
    });
    expect(xml).toContain('<ovf:Item ovf:id="vm1" ovf:order="0"/>');
    expect(xml).toContain('<ovf:Info>VApp startup section</ovf:Info>');
    expect(xml).toContain('<LeaseSettingsSection>');
    expect(xml).toMatch(/<InstantiateVAppTemplateParams xmlns="http:\/\/www.vmware.com\/vcloud\/v1.5" xmlns:ovf="[^"]+" name="x">/);
  });

  it('refuses objects that do not fit, naming the place', () => {
    expect(() => build({ kind: 'CloneVAppParams', Source: { href: 'h' }, Desciption: 'x' } as any)).toThrow(/unknown property "Desciption".*did you mean "Description"/);
    expect(() => build({ kind: 'CloneVAppParams', Source: [{ href: 'h' }] } as any)).toThrow(BuildError);
    expect(() => build({ kind: 'Nope' } as any)).toThrow(/kind/);
    expect(() => build({ kind: 'CloneVAppParams', name: 'bad\u0001', Source: { href: 'h' } } as any)).toThrow(/cannot be written as XML/);
  });

  it('keeps carriage returns and attribute whitespace through a round trip', () => {
    const doc = { kind: 'ComposeVAppParams', name: 'a\tb\nc', InstantiationParams: { sections: [{ GuestCustomizationSection: { CustomizationScript: 'echo 1\r\necho 2' } }] } } as const;
    const xml = build(doc);
    expect(xml).toContain('echo 1&#13;\necho 2');
    const back = parse(xml) as any;
    expect(back.name).toBe('a\tb\nc');
    expect(back.InstantiationParams.sections[0].GuestCustomizationSection.CustomizationScript).toBe('echo 1\r\necho 2');
  });
});

describe('normalize', () => {
  it('decodes booleans and numbers, trims tokens and makes deploy/powerOn explicit', () => {
    const doc = normalize(`<CloneVAppParams ${V}><Source href=" https://x/v "/><IsSourceDelete> 1 </IsSourceDelete></CloneVAppParams>`) as any;
    expect(doc).toMatchObject({ kind: 'CloneVAppParams', deploy: true, powerOn: true, IsSourceDelete: true, Source: { href: 'https://x/v' } });
    const kept = normalize(`<CloneVAppParams ${V} deploy="yes"><Source href="h"/></CloneVAppParams>`) as any;
    expect(kept.deploy).toBe('yes');
  });

  it('puts memory and disk in MB whatever the AllocationUnits, and CPU counts as numbers', () => {
    const doc = normalize(
      vm(`<ovf:Item><rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits><rasd:ElementName>cpu</rasd:ElementName><rasd:InstanceID>4</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>4</rasd:VirtualQuantity><vmw:CoresPerSocket ovf:required="false">2</vmw:CoresPerSocket></ovf:Item>
      <ovf:Item><rasd:AllocationUnits>byte * 2^30</rasd:AllocationUnits><rasd:ElementName>mem</rasd:ElementName><rasd:InstanceID>5</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>8</rasd:VirtualQuantity></ovf:Item>
      <ovf:Item><rasd:AllocationUnits>GigaBytes</rasd:AllocationUnits><rasd:ElementName>disk</rasd:ElementName><rasd:HostResource vcloud:capacity="40960"/><rasd:InstanceID>2000</rasd:InstanceID><rasd:ResourceType>17</rasd:ResourceType><rasd:VirtualQuantity>40</rasd:VirtualQuantity></ovf:Item>
      <ovf:Item><rasd:ElementName>disk2</rasd:ElementName><rasd:InstanceID>2001</rasd:InstanceID><rasd:ResourceType>17</rasd:ResourceType><rasd:VirtualQuantity>1073741824</rasd:VirtualQuantity></ovf:Item>`),
    );
    const [cpu, mem, disk, disk2] = items(doc);
    expect(cpu).toMatchObject({ ResourceType: 3, VirtualQuantity: 4, CoresPerSocket: { $value: 2, required: false } });
    expect(mem).toMatchObject({ ResourceType: 4, VirtualQuantity: 8192, AllocationUnits: 'byte * 2^20' });
    expect(disk).toMatchObject({ VirtualQuantity: 40960, HostResource: [{ capacity: 40960 }] });
    expect(disk2).toMatchObject({ VirtualQuantity: 1024, AllocationUnits: 'byte * 2^20' });
    // The normalized document still builds, and keeps its meaning.
    expect(items(normalize(build(doc)))).toEqual(items(doc));
  });

  it('fills StartupSection item defaults and keeps positions', () => {
    const doc = normalize(`<ComposeVAppParams ${V}>\n<InstantiationParams><ovf:StartupSection><ovf:Info/><ovf:Item ovf:id="a" ovf:order="1"/></ovf:StartupSection></InstantiationParams></ComposeVAppParams>`) as any;
    const item = doc.InstantiationParams.sections[0].StartupSection.Item[0];
    expect(item).toEqual({ id: 'a', order: 1, startDelay: 0, waitingForGuest: false, stopDelay: 0, startAction: 'powerOn', stopAction: 'powerOff' });
    expect(placeOf(item).line).toBe(2);
  });
});

describe('AllocationUnits', () => {
  it.each([
    ['byte * 2^20', 1],
    ['byte*2^30', 1024],
    ['MegaBytes', 1],
    ['GB', 1024],
    ['byte', 1 / 2 ** 20],
    ['byte * 1024', 1 / 1024],
    ['byte * 10^6', 1e6 / 2 ** 20],
  ])('%s', (units, mbPerUnit) => {
    expect(toMegabytes(1, units)).toBeCloseTo(mbPerUnit, 12);
    expect(fromMegabytes(mbPerUnit, units)).toBeCloseTo(1, 9);
  });
  it('knows hertz and rejects nonsense', () => {
    expect(parseUnits('hertz * 10^6')).toEqual({ base: 'hertz', factor: 1e6 });
    expect(parseUnits('furlongs')).toBeUndefined();
    expect(toMegabytes(1, 'hertz * 10^6')).toBeUndefined();
  });
});

describe('builders', () => {
  it('instantiate a template with a network, NICs, hardware and customization', () => {
    const doc = instantiateTemplate({
      name: 'web',
      template: 'https://vcd.example.com/api/vAppTemplate/vappTemplate-1',
      networks: [{ name: 'web-net', parent: 'https://vcd.example.com/api/admin/network/n1' }],
      vms: [
        {
          source: 'https://vcd.example.com/api/vAppTemplate/vm-1',
          name: 'web-01',
          computerName: 'web-01',
          cpus: 4,
          coresPerSocket: 2,
          memoryMB: 8192,
          disks: [{ instanceId: 2000, sizeMB: 40960 }],
          nics: [{ network: 'web-net', mode: 'MANUAL', ip: '10.0.0.10' }],
          customization: { adminPassword: 's3cret!' },
        },
      ],
      acceptEulas: true,
    });
    const xml = build(doc);
    const back = normalize(xml) as any;
    expect(back.kind).toBe('InstantiateVAppTemplateParams');
    const si = back.SourcedItem[0];
    const sections = Object.assign({}, ...si.InstantiationParams.sections);
    expect(sections.VirtualHardwareSection.Item.map((i: any) => i.ResourceType)).toEqual([3, 4, 17]);
    expect(sections.NetworkConnectionSection.NetworkConnection[0]).toMatchObject({ network: 'web-net', IpAddress: '10.0.0.10', IpAddressAllocationMode: 'MANUAL', IsConnected: true });
    expect(sections.GuestCustomizationSection).toMatchObject({ Enabled: true, AdminPasswordEnabled: true, AdminPasswordAuto: false, AdminPassword: 's3cret!', ComputerName: 'web-01' });
    expect(back.InstantiationParams.sections[0].NetworkConfigSection.NetworkConfig[0].Configuration).toMatchObject({ FenceMode: 'bridged', ParentNetwork: { href: 'https://vcd.example.com/api/admin/network/n1' } });
    expect(back.AllEULAsAccepted).toBe(true);
  });

  it('compose, recompose and clone', () => {
    expect(build(composeVApp({ name: 'c', deploy: false, powerOn: false }))).toContain('deploy="false"');
    expect(build(recomposeVApp({ name: 'r', delete: ['https://x/api/vApp/vm-9'] }))).toContain('<DeleteItem href="https://x/api/vApp/vm-9"/>');
    expect(build(cloneVApp({ name: 'c2', source: 'https://x/api/vApp/vapp-1', move: true }))).toContain('<IsSourceDelete>true</IsSourceDelete>');
  });
});
