/**
 * The five builders (issue 13): the common jobs end to end (what the built XML says, and that it
 * validates with no problem), and options checked at run time as build() checks documents: unknown
 * keys with the path and a did-you-mean, wrong types, values that cannot work.
 */
import { describe, expect, it } from 'vitest';
import { build, BuildError, cloneVApp, composeVApp, instantiateOvf, instantiateTemplate, OVF_DESCRIPTOR, parse, recomposeVApp, validate } from '../src/index.js';

const API = 'https://vcd.example.com/api';
const NET = `${API}/admin/network/7a3e`;
const SP = `${API}/vdcStorageProfile/d5ba2303`;
const SIZING = 'https://vcd.example.com/cloudapi/1.0.0/vdcComputePolicies/urn:vcloud:vdcComputePolicy:251cf10e';

/** Build, check it validates with no problem at all, and return the text. */
async function clean(doc: Parameters<typeof build>[0]): Promise<string> {
  const xml = build(doc);
  const r = await validate(xml);
  expect(r.problems.map((p) => `${p.line}: ${p.rule}: ${p.message}`)).toEqual([]);
  return xml;
}

function thrown(f: () => unknown): BuildError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BuildError);
    return e as BuildError;
  }
  throw new Error('expected a BuildError');
}

describe('composeVApp: three VMs, two networks, disks, NICs, customization, policies', () => {
  const doc = composeVApp({
    name: 'shop',
    description: 'web tier and database',
    acceptEulas: true,
    networks: [
      { name: 'front', parent: NET },
      { name: 'back', gateway: '192.168.10.1', netmask: '255.255.255.0', dns: ['192.168.10.2', '192.168.10.3'], dnsSuffix: 'shop.internal', pools: [['192.168.10.10', '192.168.10.49'], ['192.168.10.100', '192.168.10.149']] },
    ],
    lease: { deploymentSeconds: 0, storageSeconds: 0 },
    vms: ['web-01', 'web-02', 'db-01'].map((name, i) => ({
      source: `${API}/vAppTemplate/vm-${i + 1}`,
      name,
      computerName: name,
      cpus: 4,
      coresPerSocket: 2,
      memoryMB: 8192,
      storageProfile: SP,
      sizingPolicy: SIZING,
      disks: [{ instanceId: 2000, sizeMB: 40960 }, { sizeMB: 102400, bus: 'paravirtual' as const, unitNumber: 1, storageProfile: SP }],
      nics: name.startsWith('db') ? [{ network: 'back', ip: '192.168.10.5', primary: true }] : [{ network: 'front', mode: 'DHCP' as const }, { network: 'back', primary: true, adapter: 'VMXNET3' as const }],
      customization: { adminPassword: 'Chang3-me!', script: '#!/bin/sh\necho ready\n' },
      startup: { order: name.startsWith('db') ? 0 : 1, startDelay: 60, stopAction: 'guestShutdown' as const },
    })),
  });

  it('validates with no problem', async () => {
    await clean(doc);
  });

  it('writes what the options say', () => {
    const xml = build(doc);
    const m = parse(xml) as unknown as { SourcedItem: { InstantiationParams: { sections: Record<string, any>[] } }[] };
    const sections = (i: number) => Object.assign({}, ...m.SourcedItem[i].InstantiationParams.sections);
    const web = sections(0);
    // Disks: the template disk resized, a new one on a paravirtual controller with its own storage profile.
    const disks = web.VirtualHardwareSection.Item.filter((it: any) => it.ResourceType === '17');
    expect(disks.map((d: any) => [d.InstanceID, d.HostResource[0].capacity])).toEqual([['2000', '40960'], ['2001', '102400']]);
    expect(disks[1].HostResource[0]).toMatchObject({ busType: '6', busSubType: 'VirtualSCSI', storageProfileHref: SP, storageProfileOverrideVmDefault: 'true' });
    expect(disks[1].AddressOnParent).toBe('1');
    // NICs: the second is primary; the first is DHCP.
    expect(web.NetworkConnectionSection.PrimaryNetworkConnectionIndex).toBe('1');
    expect(web.NetworkConnectionSection.NetworkConnection.map((n: any) => [n.network, n.IpAddressAllocationMode])).toEqual([['front', 'DHCP'], ['back', 'POOL']]);
    // The database NIC has a fixed address, so MANUAL.
    expect(sections(2).NetworkConnectionSection.NetworkConnection[0]).toMatchObject({ IpAddress: '192.168.10.5', IpAddressAllocationMode: 'MANUAL' });
    // Line feeds of the script are written as CR LF (&#13;).
    expect(xml).toContain('#!/bin/sh&#13;\necho ready&#13;\n');
    expect(xml).toMatch(/<ovf:Item ovf:id="db-01" ovf:order="0" ovf:startDelay="60" ovf:stopAction="guestShutdown"\/>/);
    expect(xml).toContain(`<VmSizingPolicy href="${SIZING}"/>`);
    expect(xml).toMatch(/<IpRange>\s*<StartAddress>192.168.10.100<\/StartAddress>/);
  });
});

describe('the other builders', () => {
  it('instantiateTemplate with a Windows VM joining a domain', async () => {
    const doc = instantiateTemplate({
      name: 'win',
      template: `${API}/vAppTemplate/vappTemplate-9`,
      networks: [{ name: 'corp', parent: NET, retainNetInfo: true }],
      defaultStorageProfile: 'Gold',
      vms: [
        {
          source: `${API}/vAppTemplate/vm-9`,
          name: 'win-01',
          computerName: 'WIN-01',
          nics: [{ network: 'corp', mode: 'POOL' }],
          customization: { autoPassword: true, resetPasswordRequired: true, changeSid: true, autoLogon: 1, domain: { name: 'corp.example.com', user: 'svc-join', password: 'J0in!', ou: 'OU=Servers,DC=corp,DC=example,DC=com' } },
          hotAdd: { cpu: true, memory: true },
          placementPolicy: `${SIZING}-placement`,
        },
      ],
      acceptEulas: true,
    });
    const xml = await clean(doc);
    expect(xml).toMatch(/<JoinDomainEnabled>true<\/JoinDomainEnabled>\s*<UseOrgSettings>false<\/UseOrgSettings>\s*<DomainName>corp.example.com<\/DomainName>\s*<DomainUserName>svc-join<\/DomainUserName>\s*<DomainUserPassword>J0in!<\/DomainUserPassword>\s*<MachineObjectOU>OU=Servers/);
    expect(xml).toMatch(/<AdminPasswordEnabled>true<\/AdminPasswordEnabled>\s*<AdminPasswordAuto>true<\/AdminPasswordAuto>\s*<AdminAutoLogonEnabled>true<\/AdminAutoLogonEnabled>\s*<AdminAutoLogonCount>1<\/AdminAutoLogonCount>/);
    expect(xml).toContain('<DefaultStorageProfileSection>');
    expect(xml).toMatch(/<VmCapabilities>\s*<MemoryHotAddEnabled>true<\/MemoryHotAddEnabled>\s*<CpuHotAddEnabled>true<\/CpuHotAddEnabled>/);
  });

  it('recomposeVApp adds and deletes VMs', async () => {
    const xml = await clean(recomposeVApp({ name: 'shop', vms: [{ source: `${API}/vAppTemplate/vm-4`, name: 'web-03' }], delete: [`${API}/vApp/vm-85513d4e`], acceptEulas: true }));
    expect(xml.indexOf('<AllEULAsAccepted>')).toBeLessThan(xml.indexOf('<DeleteItem'));
  });

  it('cloneVApp copies or moves, powered off unless asked', async () => {
    const xml = await clean(cloneVApp({ name: 'copy', source: `${API}/vApp/vapp-1`, move: true, vms: [{ source: `${API}/vApp/vm-1`, name: 'copy-01' }] }));
    expect(xml).toMatch(/deploy="false" powerOn="false"/);
    expect(xml).toContain('<IsSourceDelete>true</IsSourceDelete>');
  });

  it('instantiateOvf maps networks, sets properties and per-VM hardware, and keeps the descriptor location aside', async () => {
    const doc = instantiateOvf({
      name: 'gitea',
      ovf: 'https://downloads.example.com/gitea/descriptor.ovf',
      acceptEulas: true,
      networks: [{ name: 'tools', parent: NET }],
      networkMapping: { 'VM Network': 'tools' },
      properties: { 'gitea.port': '3000' },
      vms: [{ id: 'gitea-web', computerName: 'gitea-web01', storageProfile: SP, cpus: 4, coresPerSocket: 2, memoryMB: 8192, disks: [{ instanceId: 2000, sizeMB: 61440 }], nics: [{ network: 'tools', ip: '10.33.0.10' }], startup: { order: 0 } }],
    });
    expect(doc[OVF_DESCRIPTOR]).toBe('https://downloads.example.com/gitea/descriptor.ovf');
    const xml = await clean(doc);
    expect(xml).not.toContain('descriptor.ovf');
    expect(xml).toMatch(/<NetworkMapping>\s*<Source>VM Network<\/Source>\s*<Target>tools<\/Target>/);
    expect(xml).toMatch(/<InstantiateOvfProperty>\s*<Key>gitea.port<\/Key>\s*<Value>3000<\/Value>/);
    expect(xml).toMatch(/<InstantiateVmParams id="gitea-web">[\s\S]*<ComputerName>gitea-web01<\/ComputerName>[\s\S]*<MemorySize>8192<\/MemorySize>\s*<Disk instanceId="2000">\s*<Size>61440<\/Size>/);
    expect(JSON.stringify(doc)).not.toContain('descriptor.ovf');
  });
});

describe('options are checked at run time, as build checks documents', () => {
  const any = (f: (spec: never) => unknown, spec: unknown) => thrown(() => f(spec as never));

  it('unknown keys, with the path and a did-you-mean (inside .map() results too)', () => {
    const names = ['a', 'b'];
    const e = any(composeVApp, { name: 'x', vms: names.map((n) => ({ source: 's', name: n, memoryMb: 1024 })) });
    expect(e.path).toBe('/vms[0]');
    expect(e.key).toBe('memoryMb');
    expect(e.message).toMatch(/unknown property "memoryMb" in VmSpec \(did you mean "memoryMB"\?\); known: source, name/);
    expect(any(composeVApp, { name: 'x', vms: [{ source: 's', customization: { computerName: 'a' } }] }).path).toBe('/vms[0]/customization');
    expect(any(instantiateTemplate, { name: 'x', templat: 't' }).message).toMatch(/did you mean "template"/);
    expect(any(cloneVApp, { name: 'x', source: 's', vms: [{ source: 's', nics: [{ netwrok: 'n' }] }] }).path).toBe('/vms[0]/nics[0]');
    expect(any(instantiateOvf, { name: 'x', ovf: 'o', vms: [{ id: 'a', disks: [{ instanceId: 1, size: 2 }] }] }).path).toBe('/vms[0]/disks[0]');
    // No MAC option: the server ignores MACAddress in these requests (readonly/ignored-value), so a builder never writes one.
    expect(any(composeVApp, { name: 'x', vms: [{ source: 's', nics: [{ network: 'n', mac: '00:50:56:00:00:01' }] }] }).message).toMatch(/unknown property "mac" in NicSpec/);
  });

  it('missing required options and wrong types', () => {
    expect(any(instantiateTemplate, { name: 'x' }).message).toMatch(/InstantiateTemplateSpec needs "template"/);
    expect(any(instantiateOvf, { name: 'x' }).message).toMatch(/needs "ovf"/);
    expect(any(composeVApp, { name: 'x', vms: [{ source: 's', cpus: '4' }] }).message).toMatch(/\/vms\[0\]\/cpus: expected a whole number, got string/);
    expect(any(composeVApp, { name: 'x', vms: [{ source: 's', nics: [{ network: 'n', mode: 'pool' }] }] }).message).toMatch(/expected one of "POOL", "DHCP", "MANUAL", "NONE", got "pool" \(did you mean "POOL"\?\)/);
    expect(any(composeVApp, { name: 'x', networks: { name: 'n' } }).message).toMatch(/networks: expected an array/);
    expect(any(composeVApp, null).message).toMatch(/expected the options object/);
  });

  it('values that cannot work', () => {
    const vm = (extra: object) => ({ name: 'x', vms: [{ source: 's', ...extra }] });
    expect(any(composeVApp, vm({ nics: [{ network: 'a', primary: true }, { network: 'b', primary: true }] })).message).toMatch(/NICs 0 and 1 are both marked primary/);
    expect(any(composeVApp, vm({ nics: [{ network: 'a', mode: 'MANUAL' }] })).message).toMatch(/MANUAL needs ip/);
    expect(any(composeVApp, vm({ cpus: 6, coresPerSocket: 4 })).message).toMatch(/multiple of coresPerSocket/);
    expect(any(composeVApp, vm({ disks: [{ bus: 'sata' }] })).message).toMatch(/a new disk \(no instanceId\) needs sizeMB/);
    expect(any(composeVApp, vm({ disks: [{ instanceId: 2000 }] })).message).toMatch(/nothing to change/);
    expect(any(composeVApp, vm({ disks: [{ instanceId: 2001, sizeMB: 1 }, { instanceId: '2001', sizeMB: 2 }] })).message).toMatch(/InstanceID 2001 is listed twice/);
    expect(any(composeVApp, vm({ customization: { adminPassword: 'a', autoPassword: true } })).message).toMatch(/not both/);
    expect(any(composeVApp, vm({ startup: { order: 1 } })).message).toMatch(/startup needs the VM to have a name/);
    expect(any(composeVApp, { name: 'x', networks: [{ name: 'n', fenceMode: 'bridged' }] }).message).toMatch(/a bridged network needs parent/);
    expect(any(composeVApp, { name: 'x', networks: [{ name: 'n', netmask: '255.0.0.0' }] }).message).toMatch(/needs its gateway/);
    expect(any(composeVApp, { name: 'x', deploy: false, powerOn: true }).message).toMatch(/powerOn: true needs deploy: true/);
  });
});
