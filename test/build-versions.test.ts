/**
 * Version-aware build and normalize (issue 13): with `apiVersion` the document is written in the
 * form that version takes, and what it does not have is refused with a VersionError (a BuildError)
 * naming the element and the version that introduced or removed it. Tested at 5.5, 31.0, 33.0,
 * 35.0 and 39.1; what is written for a version passes validate at that version.
 */
import { describe, expect, it } from 'vitest';
import { build, BuildError, composeVApp, instantiateTemplate, normalize, parse, validate, VersionError, ApiVersionError } from '../src/index.js';

const VERSIONS = ['5.5', '31.0', '33.0', '35.0', '39.1'] as const;
const T = 'https://vcd.example.com/api/vAppTemplate/';
const POLICY = 'https://vcd.example.com/cloudapi/1.0.0/vdcComputePolicies/urn:vcloud:vdcComputePolicy:7';

const instantiate = instantiateTemplate({
  name: 'web',
  template: `${T}vappTemplate-1`,
  vms: [{ source: `${T}vm-1`, name: 'web-01', cpus: 2, coresPerSocket: 1, memoryMB: 4096, disks: [{ instanceId: 2000, sizeMB: 40960 }] }],
});
const sized = composeVApp({ name: 'app', vms: [{ source: `${T}vm-2`, name: 'app-01', sizingPolicy: POLICY }] });

function refusal(f: () => unknown): VersionError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VersionError);
    expect(e).toBeInstanceOf(BuildError);
    return e as VersionError;
  }
  throw new Error('expected a VersionError');
}

/** Version problems validate reports for the text at that version (there must be none). */
async function versionProblems(xml: string, apiVersion: string) {
  const r = await validate(xml, { apiVersion });
  return r.problems.filter((p) => p.rule === 'xsd' || p.rule.startsWith('version/'));
}

describe.each(VERSIONS)('API %s', (v) => {
  it('an instantiation with per-VM hardware is written in the form this version takes, and validates', async () => {
    const xml = build(instantiate, { apiVersion: v });
    if (v === '5.5') {
      // SourcedItem is 5.6: 5.5 takes SourcedVmInstantiationParams with HardwareCustomization, and names the VM by Source/@name.
      expect(xml).not.toContain('<SourcedItem>');
      expect(xml).toContain('<SourcedVmInstantiationParams>');
      expect(xml).toContain(`<Source href="${T}vm-1" name="web-01"/>`);
      expect(xml).toMatch(/<HardwareCustomization>\s*<NumberOfCpus>2<\/NumberOfCpus>\s*<CoresPerSocket>1<\/CoresPerSocket>\s*<MemorySize>4096<\/MemorySize>\s*<Disk instanceId="2000">\s*<Size>40960<\/Size>/);
    } else {
      expect(xml).toContain('<SourcedItem>');
      expect(xml).toContain('<Name>web-01</Name>');
      expect(xml).not.toContain('SourcedVmInstantiationParams');
    }
    expect(await versionProblems(xml, v)).toEqual([]);
  });

  it('a sizing policy: refused before 31.0, VdcComputePolicy below 33.0, ComputePolicy from 33.0 on', async () => {
    if (v === '5.5') {
      const e = refusal(() => build(sized, { apiVersion: v }));
      expect(e.element).toBe('<ComputePolicy>');
      expect(e.version).toBe('33.0');
      expect(e.issue).toBe('not-yet-available');
      expect(e.path).toBe('/ComposeVAppParams/SourcedItem[0]/ComputePolicy');
      expect(e.message).toMatch(/<ComputePolicy> was introduced in API 33.0; API 5.5 does not have it/);
      return;
    }
    const xml = build(sized, { apiVersion: v });
    if (v === '31.0') {
      expect(xml).toContain(`<VdcComputePolicy href="${POLICY}"/>`);
      expect(xml).not.toContain('<ComputePolicy>');
    } else {
      expect(xml).toMatch(new RegExp(`<ComputePolicy>\\s*<VmSizingPolicy href="${POLICY.replace(/[.]/g, '\\.')}"/>`));
      expect(xml).not.toContain('VdcComputePolicy');
    }
    expect(await versionProblems(xml, v)).toEqual([]);
  });

  it('elements newer than the target are refused, naming the element and its version', () => {
    const nic = composeVApp({ name: 'n', vms: [{ source: `${T}vm-3`, nics: [{ network: 'net', ip: '10.0.0.5', ipType: 'IPV4' }] }] });
    const tpm = { kind: 'ComposeVAppParams', SourcedItem: [{ Source: { href: `${T}vm-4` }, ReplaceTpm: true }] } as const;
    if (v === '39.1') {
      expect(build(nic, { apiVersion: v })).toContain('<IpType>IPV4</IpType>');
      expect(build(tpm, { apiVersion: v })).toContain('<ReplaceTpm>true</ReplaceTpm>');
      return;
    }
    const e = refusal(() => build(tpm, { apiVersion: v }));
    expect([e.element, e.version]).toEqual(['<ReplaceTpm>', '36.0']);
    if (v === '35.0') expect(build(nic, { apiVersion: v })).toContain('<IpType>IPV4</IpType>');
    else expect(refusal(() => build(nic, { apiVersion: v })).message).toMatch(v === '5.5' ? /<(IpType|NetworkAdapterType)> was introduced in API/ : /<IpType> was introduced in API 34.0/);
  });
});

describe('version forms', () => {
  it('a deprecated VdcComputePolicy is kept where the version has it and becomes ComputePolicy from 33.0 on', () => {
    const doc = { kind: 'ComposeVAppParams', SourcedItem: [{ Source: { href: `${T}vm-1` }, VdcComputePolicy: { href: POLICY } }] } as const;
    expect(build(doc, { apiVersion: '31.0' })).toContain('<VdcComputePolicy');
    expect(build(doc, { apiVersion: '35.0' })).toContain('<VmSizingPolicy');
    expect(refusal(() => build(doc, { apiVersion: '5.5' })).version).toBe('31.0');
    // Without apiVersion nothing changes.
    expect(build(doc)).toContain('<VdcComputePolicy');
  });

  it('before 5.6 a VM is named by Source/@name; what VmGeneralParams says beyond the name is refused', () => {
    const named = composeVApp({ name: 'c', vms: [{ source: `${T}vm-1`, name: 'app-01' }] });
    const xml = build(named, { apiVersion: '5.5' });
    expect(xml).toContain(`<Source href="${T}vm-1" name="app-01"/>`);
    expect(xml).not.toContain('VmGeneralParams');
    const described = composeVApp({ name: 'c', vms: [{ source: `${T}vm-1`, name: 'app-01', description: 'x' }] });
    expect(refusal(() => build(described, { apiVersion: '5.5' })).element).toBe('<VmGeneralParams>');
    expect(build(named, { apiVersion: '5.6' })).toContain('<Name>app-01</Name>');
  });

  it('a ComputePolicy with two policies cannot be one VdcComputePolicy', () => {
    const two = composeVApp({ name: 'p', vms: [{ source: `${T}vm-1`, sizingPolicy: POLICY, placementPolicy: `${POLICY}-p` }] });
    expect(refusal(() => build(two, { apiVersion: '32.0' })).message).toMatch(/takes one policy reference, and this ComputePolicy has both a placement and a sizing policy/);
  });

  it('SubnetPrefixLength (34.0) is written as a Netmask before 34.0; IPv6 subnets need 34.0', () => {
    const v4 = composeVApp({ name: 'n', networks: [{ name: 'lan', gateway: '10.0.0.1', prefixLength: 22 }] });
    expect(build(v4, { apiVersion: '33.0' })).toContain('<Netmask>255.255.252.0</Netmask>');
    expect(build(v4, { apiVersion: '35.0' })).toContain('<SubnetPrefixLength>22</SubnetPrefixLength>');
    const v6 = composeVApp({ name: 'n', networks: [{ name: 'lan', gateway: 'fd00::1', prefixLength: 64 }] });
    expect(refusal(() => build(v6, { apiVersion: '33.0' })).element).toBe('<SubnetPrefixLength>');
  });

  it('removed elements are refused from their removal on (AdvancedNetworkingEnabled, SourcedVmInstantiationParams kept only when it cannot be converted)', () => {
    const adv = { kind: 'ComposeVAppParams', InstantiationParams: { sections: [{ NetworkConfigSection: { NetworkConfig: [{ networkName: 'n', Configuration: { FenceMode: 'isolated', AdvancedNetworkingEnabled: true } }] } }] } } as const;
    const e = refusal(() => build(adv, { apiVersion: '31.0' }));
    expect([e.issue, e.version]).toEqual(['removed', '31.0']);
    expect(e.message).toMatch(/<AdvancedNetworkingEnabled> was removed in API 31.0/);
    expect(build(adv, { apiVersion: '29.0' })).toContain('<AdvancedNetworkingEnabled>true</AdvancedNetworkingEnabled>');
    // From 30.0 on, SourcedVmInstantiationParams is written as the SourcedItem that replaced it.
    const old = { kind: 'InstantiateVAppTemplateParams', Source: { href: `${T}vappTemplate-1` }, SourcedVmInstantiationParams: [{ Source: { href: `${T}vm-1` }, HardwareCustomization: { NumberOfCpus: 2, MemorySize: 2048 } }] } as const;
    const xml = build(old, { apiVersion: '39.1' });
    expect(xml).toContain('<SourcedItem>');
    expect(xml).toMatch(/<rasd:VirtualQuantity>2048<\/rasd:VirtualQuantity>/);
    expect(build(old, { apiVersion: '5.5' })).toContain('<SourcedVmInstantiationParams>');
  });

  it('a bad apiVersion is an ApiVersionError', () => {
    expect(() => build(sized, { apiVersion: 'v33' })).toThrow(ApiVersionError);
  });
});

describe('normalize with apiVersion', () => {
  const xml = build(sized);
  it('gives the forms of that version, which build writes back for it', () => {
    const at31 = normalize(xml, { apiVersion: '31.0' }) as unknown as { SourcedItem: Record<string, unknown>[] };
    expect(at31.SourcedItem[0].VdcComputePolicy).toEqual({ href: POLICY });
    expect(at31.SourcedItem[0].ComputePolicy).toBeUndefined();
    expect(build(at31 as never, { apiVersion: '31.0' })).toContain('<VdcComputePolicy');
    const at39 = normalize(xml, { apiVersion: '39.1' }) as unknown as { SourcedItem: Record<string, unknown>[] };
    expect(at39.SourcedItem[0].ComputePolicy).toEqual({ VmSizingPolicy: { href: POLICY } });
    // Without a version, the document's own form.
    expect((normalize(xml) as unknown as { SourcedItem: Record<string, unknown>[] }).SourcedItem[0].ComputePolicy).toBeDefined();
  });

  it('refuses elements the version does not have, with their path', () => {
    const e = refusal(() => normalize(parse(xml), { apiVersion: '5.5' }));
    expect(e.path).toBe('/ComposeVAppParams/SourcedItem[0]/ComputePolicy');
  });
});
