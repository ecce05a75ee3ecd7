/**
 * `client.context(vdcHref)`: the VDC description read from the fake Cloud Director, and the context
 * rules on it: a ParentNetwork that is not a VDC network, and a storage profile or compute policy
 * the VDC does not offer, are errors (interface.md, "Live Cloud Director").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/index.js';
import { connect } from '../../src/vcd/index.js';
import { prefixOfNetmask } from '../../src/vcd/context.js';
import type { VdcContext } from '../../src/validate/context.js';
import { FakeVcd, USERS } from './fake-vcd.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/valid', name), 'utf8');
const ALICE = { org: 'acme', user: 'alice', password: USERS['alice@acme'] };

async function contextFrom(vcd: FakeVcd) {
  const c = await connect({ server: vcd.url, ...ALICE });
  try {
    return await c.context(`${vcd.url}/api/vdc/${vcd.vdc.id}`);
  } finally {
    await c.close();
  }
}

describe('vcd context', () => {
  const vcd = new FakeVcd();
  let ctx: VdcContext;
  let warnings: string[];
  beforeAll(async () => {
    await vcd.start();
    ({ context: ctx, warnings } = await contextFrom(vcd));
  });
  afterAll(() => vcd.stop());

  it('networks with subnets (prefix from the netmask when SubnetPrefixLength is missing) and static pools', () => {
    expect(ctx.vdc).toEqual({ name: 'prod-vdc-01', href: `${vcd.url}/api/vdc/${vcd.vdc.id}`, id: `urn:vcloud:vdc:${vcd.vdc.id}` });
    expect(ctx.networks).toEqual([
      { name: 'corp-lan-01', href: `${vcd.url}/api/network/018b194d-a08d-4f69-a869-8c325986dab9`, id: 'urn:vcloud:network:018b194d-a08d-4f69-a869-8c325986dab9', subnets: [{ gateway: '10.80.0.1', prefixLength: 24, staticPools: [{ start: '10.80.0.100', end: '10.80.0.199' }] }] },
      { name: 'dmz-01', href: `${vcd.url}/api/network/6f2e8c4a-3b1d-4e5f-9a7b-0c1d2e3f4a5b`, id: 'urn:vcloud:network:6f2e8c4a-3b1d-4e5f-9a7b-0c1d2e3f4a5b', subnets: [{ gateway: '192.168.50.1', prefixLength: 23, staticPools: [{ start: '192.168.50.10', end: '192.168.50.20' }, { start: '192.168.51.10', end: '192.168.51.20' }] }] },
    ]);
  });

  it('enabled storage profiles only; policies from the paged cloudapi list, sizing apart from placement, no Kubernetes', () => {
    expect(ctx.storageProfiles!.map((p) => p.name)).toEqual(['Gold-SSD']);
    expect(warnings).toEqual(['storage profile Old-HDD is disabled; left out']);
    expect(ctx.sizingPolicies!.map((p) => p.name)).toEqual(['large-8x32', 'System Default']);
    expect(ctx.placementPolicies!.map((p) => p.name)).toEqual(['oracle-hosts']);
    expect(ctx.hardwareVersions).toEqual(['vmx-17', 'vmx-19', 'vmx-21']);
    // The fake pages by 2: all four policies came from two pages.
    expect(vcd.seen.filter((q) => q.url.includes('/cloudapi/2.0.0/vdcs/')).map((q) => new URL(q.url, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
  });

  it('a VDC without the cloudapi link: the XML list in both policy lists, with a warning', async () => {
    const old = new FakeVcd({ computePolicyLinks: 'xml' });
    await old.start();
    try {
      const r = await contextFrom(old);
      expect(r.context.sizingPolicies!.map((p) => p.name)).toEqual(['large-8x32', 'System Default', 'oracle-hosts', 'tkg-policy']);
      expect(r.context.placementPolicies).toEqual(r.context.sizingPolicies);
      expect(r.warnings).toContain('compute policies read from the XML list, which does not tell sizing from placement policies (API 35.0+ has the cloudapi list)');
    } finally {
      await old.stop();
    }
  });

  it('a VDC that is not visible is a VcdError (403), not an empty context', async () => {
    const c = await connect({ server: vcd.url, ...ALICE });
    try {
      await expect(c.context(`${vcd.url}/api/vdc/00000000-0000-4000-8000-000000000000`)).rejects.toMatchObject({ kind: 'http', status: 403 });
    } finally {
      await c.close();
    }
  });

  describe('the context rules on the generated context give errors', () => {
    const errorsOf = async (xml: string) => (await validate(xml, { context: ctx })).problems.filter((p) => p.severity === 'error').map((p) => `${p.rule}: ${p.message}`);

    it('a fixture that uses only what the VDC offers has no context error', async () => {
      const doc = fixture('compose-full-vm.xml').replace(/<DefaultStorageProfileSection>[\s\S]*?<\/DefaultStorageProfileSection>\s*/, '');
      expect(await errorsOf(doc)).toEqual([]);
    });

    it('a ParentNetwork that is not a network of the VDC', async () => {
      expect(await errorsOf(fixture('compose-empty-vapp.xml'))).toEqual(['network/parent-network-in-vdc: vApp network "k8s-nodes": ParentNetwork "k8s-nodes" is not a network of this VDC (available: corp-lan-01, dmz-01)']);
    });

    it('a storage profile the VDC does not offer (Silver), or has disabled (Old-HDD)', async () => {
      expect(await errorsOf(fixture('compose-blank-vm.xml'))).toEqual(['reference/in-vdc: CreateItem 1 ("rhel9-install01"): storage profile "Silver" is not assigned to this VDC (available: Gold-SSD)']);
      const disabled = fixture('compose-full-vm.xml').replace('<StorageProfile>Silver</StorageProfile>', '<StorageProfile>Old-HDD</StorageProfile>');
      expect(await errorsOf(disabled)).toEqual(['reference/in-vdc: DefaultStorageProfileSection: storage profile "Old-HDD" is not assigned to this VDC (available: Gold-SSD)']);
    });

    it('a sizing or placement policy the VDC does not offer', async () => {
      const errors = await errorsOf(fixture('instantiate-full-vapp.xml'));
      expect(errors.filter((e) => e.startsWith('reference/in-vdc'))).toEqual([
        'reference/in-vdc: SourcedItem 1 ("shop-web01"): placement policy "eu1-rack-b" is not assigned to this VDC (available: oracle-hosts)',
        'reference/in-vdc: SourcedItem 2 ("shop-app01"): storage profile "Silver" is not assigned to this VDC (available: Gold-SSD)',
      ]);
      const other = fixture('compose-full-vm.xml').replace(/<DefaultStorageProfileSection>[\s\S]*?<\/DefaultStorageProfileSection>\s*/, '').replaceAll('251cf10e-55f1-423b-a9df-67116dfd0f0a', '99999999-55f1-423b-a9df-67116dfd0f0a');
      expect(await errorsOf(other)).toEqual(['reference/in-vdc: SourcedItem 1 ("ci-runner01"): sizing policy "large-8x32" is not assigned to this VDC (available: large-8x32, System Default)']);
    });
  });
});

describe('prefixOfNetmask', () => {
  it('counts the bits of contiguous masks only', () => {
    expect(prefixOfNetmask('255.255.255.0')).toBe(24);
    expect(prefixOfNetmask('255.255.254.0')).toBe(23);
    expect(prefixOfNetmask('255.255.255.255')).toBe(32);
    expect(prefixOfNetmask('0.0.0.0')).toBe(0);
    expect(prefixOfNetmask('255.0.255.0')).toBeUndefined();
    expect(prefixOfNetmask('255.255.256.0')).toBeUndefined();
    expect(prefixOfNetmask('ffff::')).toBeUndefined();
  });
});
