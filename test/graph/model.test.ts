/** graph(): every VM, network and NIC of every fixture, checked against the document's element tree and normalize(). */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/document.js';
import { normalize } from '../../src/normalize.js';
import { graph } from '../../src/graph/index.js';
import { XmlInputError } from '../../src/xml/errors.js';
import { UnknownDocumentError } from '../../src/document.js';
import { expectedOf, fixture, fixtureFiles, sourcedSizes } from './expected.js';
import { farmXml } from './farm.mjs';

const VALID = fixtureFiles('fixtures/valid');
const INVALID = fixtureFiles('fixtures/invalid');

/** Fixtures that read as a request (the rest must fail the way parse fails). */
function readable(files: string[]): string[] {
  return files.filter((f) => {
    try {
      parse(fixture(f));
      return true;
    } catch {
      return false;
    }
  });
}
const DRAWN = [...VALID, ...readable(INVALID)];

describe('graph() lists what the document has', () => {
  it('covers every request type and the semantic-invalid fixtures', () => {
    const kinds = new Set(DRAWN.map((f) => expectedOf(fixture(f)).kind));
    expect([...kinds].sort()).toEqual(['CloneVAppParams', 'ComposeVAppParams', 'InstantiateOvfParams', 'InstantiateVAppTemplateParams', 'RecomposeVAppParams']);
    expect(DRAWN.filter((f) => f.startsWith('fixtures/invalid/semantic/')).length).toBe(fixtureFiles('fixtures/invalid/semantic').length);
  });

  it.each(DRAWN)('%s: every VM, network and NIC', (file) => {
    const xml = fixture(file);
    const want = expectedOf(xml);
    const g = graph(xml);
    expect(g.kind).toBe(want.kind);
    expect(g.networks).toEqual(want.networks);
    expect(g.vms.map((v) => ({ item: v.item, name: v.name, nics: v.nics.map(({ index, network, mode, ip }) => ({ index, network, mode, ip })) }))).toEqual(want.vms);
    if (want.kind === 'RecomposeVAppParams') expect(g.deleted!.map((d) => d.name ?? d.href)).toEqual(want.deleted);
    else expect(g.deleted).toBeUndefined();
  });

  it.each(DRAWN)('%s: CPUs and memory of SourcedItems are the normalized model values', (file) => {
    const xml = fixture(file);
    const sourced = graph(xml).vms.filter((v) => v.item === 'SourcedItem');
    expect(sourced.map(({ cpus, memoryMB }) => ({ cpus, memoryMB }))).toEqual(sourcedSizes(xml));
  });

  it('gives the same graph for XML, bytes, the parsed model and the normalized model', () => {
    for (const file of VALID) {
      const bytes = fixture(file);
      const g = graph(bytes);
      expect(graph(bytes.toString('utf8'))).toEqual(g);
      expect(graph(parse(bytes))).toEqual(g);
      expect(graph(normalize(bytes))).toEqual(g);
    }
  });

  it('throws what parse throws for documents that are not requests', () => {
    const unreadable = INVALID.filter((f) => !DRAWN.includes(f));
    expect(unreadable.length).toBeGreaterThan(0);
    for (const f of unreadable) {
      const thrown = (fn: () => unknown) => {
        try {
          fn();
        } catch (e) {
          return e as Error;
        }
        throw new Error(`${f} did not throw`);
      };
      const want = thrown(() => parse(fixture(f)));
      expect(want instanceof XmlInputError || want instanceof UnknownDocumentError, f).toBe(true);
      expect(thrown(() => graph(fixture(f))), f).toEqual(want);
    }
    expect(() => graph('<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="big"/>', { maxBytes: 10 })).toThrow(/over the limit of 10/);
    // A document object without a known kind is refused as build() refuses it.
    expect(() => graph({ name: 'x' } as never)).toThrow(new UnknownDocumentError('the document\'s "kind" must be one of InstantiateVAppTemplateParams, ComposeVAppParams, RecomposeVAppParams, CloneVAppParams, InstantiateOvfParams, got undefined'));
  });
});

describe('graph() values', () => {
  it('reads sizes in MB from every place a request gives them', () => {
    const vm = (file: string, name: string) => graph(fixture(file)).vms.find((v) => v.name === name)!;
    // rasd memory in GB (byte * 2^30), disks as HostResource vcloud:capacity (MB), vmw:osType.
    expect(vm('fixtures/valid/compose-full-vm.xml', 'ci-runner01')).toMatchObject({ cpus: 8, memoryMB: 32768, os: 'ubuntu64Guest', source: { name: 'ubuntu-22.04' } });
    // CreateItem: VmSpecSection (generic XML in the model).
    expect(vm('fixtures/valid/recompose-add-vm.xml', 'crm-search01')).toMatchObject({ item: 'CreateItem', cpus: 8, memoryMB: 32768, diskMB: [51200, 512000], os: 'debian12_64Guest' });
    // ReconfigureItem: typed ovf sections inside generic XML, normalized like the rest.
    expect(vm('fixtures/valid/recompose-reconfigure-vm.xml', 'crm-db01')).toMatchObject({ item: 'ReconfigureItem', cpus: 16, memoryMB: 65536, diskMB: [40960, 409600], os: 'rhel8_64Guest' });
    // InstantiateVmParams: HardwareCustomization (MB).
    expect(vm('fixtures/valid/ovf-vm-customization.xml', 'gitea-db')).toMatchObject({ item: 'InstantiateVmParams', cpus: 2, memoryMB: 4096, diskMB: [40960, 204800] });
  });

  it('does not show memory written in a unit that is not a size', () => {
    const g = graph(fixture('fixtures/invalid/semantic/hardware-memory-in-hertz.xml'));
    expect(g.vms.every((v) => v.memoryMB === null)).toBe(true);
  });

  it('converts disk VirtualQuantity in bytes to MB when there is no capacity attribute', () => {
    const xml = `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
      xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" name="v">
      <SourcedItem><Source href="h"/><InstantiationParams><ovf:VirtualHardwareSection><ovf:Info>i</ovf:Info>
        <ovf:Item><rasd:ElementName>d</rasd:ElementName><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>17</rasd:ResourceType>
          <rasd:VirtualQuantity>10737418240</rasd:VirtualQuantity></ovf:Item>
      </ovf:VirtualHardwareSection></InstantiationParams></SourcedItem></ComposeVAppParams>`;
    expect(graph(xml).vms[0]).toMatchObject({ name: null, diskMB: [10240], source: { href: 'h', name: null } });
  });

  it('names the source of a clone and of an instantiation, and a move', () => {
    expect(graph(fixture('fixtures/valid/clone-move.xml')).vapp).toEqual({ name: 'finance-batch', source: { name: 'finance-batch', href: expect.stringContaining('/vApp/vapp-') }, sourceDelete: true });
    expect(graph(fixture('fixtures/valid/instantiate-minimal.xml')).vapp.source?.name).toBe('ubuntu-22.04-base');
    expect(graph(fixture('fixtures/valid/compose-full-vm.xml')).vapp.source).toBeUndefined();
  });

  it('lists the NetworkMapping of an OVF instantiation', () => {
    expect(graph(fixture('fixtures/valid/ovf-network-mapping.xml')).networkMappings).toEqual([
      { source: 'VM Network', target: 'mgmt' },
      { source: 'Collector Network', target: 'syslog-ingest' },
    ]);
  });

  it('keeps the named JSON fields of interface.md, in its order', () => {
    const g = graph(fixture('fixtures/valid/compose-full-vm.xml'));
    expect(Object.keys(g).slice(0, 4)).toEqual(['kind', 'vapp', 'networks', 'vms']);
    expect(Object.keys(g.networks[0]!)).toEqual(['name', 'fenceMode', 'parent']);
    expect(Object.keys(g.vms[0]!).slice(0, 5)).toEqual(['name', 'cpus', 'memoryMB', 'diskMB', 'nics']);
    expect(Object.keys(g.vms[0]!.nics[0]!).slice(0, 4)).toEqual(['index', 'network', 'mode', 'ip']);
  });

  it('draws the 50-VM document completely', () => {
    const xml = farmXml(50, 5);
    const want = expectedOf(xml);
    const g = graph(xml);
    expect(g.vms).toHaveLength(50);
    expect(g.networks).toHaveLength(5);
    expect(g.vms.map((v) => v.nics.length)).toEqual(want.vms.map((v) => v.nics.length));
  });
});
