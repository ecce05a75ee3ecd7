/**
 * "build writes XML the server accepts": what build writes is checked with the OFFICIAL schema
 * (../shared/reference), including documents repaired by build (fmt) and the builders' output.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, composeVApp, instantiateTemplate, parse, recomposeVApp, cloneVApp } from '../src/index.js';
import { officialSchemaUnavailableReason, officialValidator, type OfficialVerdict } from './helpers/official-schema.js';
import { fixtures, ROOT } from './helpers/reference.js';

const skip = officialSchemaUnavailableReason();
if (skip) console.warn(`build-official tests skipped: ${skip}`);

// Schema-invalid fixtures whose only mistake is order or a missing ovf:Info: build repairs them.
const REPAIRABLE = [
  'fencemode-before-parentnetwork.xml',
  'guestcust-computername-before-adminpassword.xml',
  'instantiate-source-before-instantiationparams.xml',
  'nic-allocation-mode-before-isconnected.xml',
  'rasd-out-of-order.xml',
  'recompose-deleteitem-before-eulas.xml',
  'sourceditem-localid-before-generalparams.xml',
  'sourceditem-networkassignment-before-instantiationparams.xml',
  'lease-missing-info.xml',
];

describe.skipIf(skip)('official schema accepts what build writes', () => {
  let check: (xml: string) => OfficialVerdict;
  beforeAll(async () => {
    check = await officialValidator();
  });

  for (const path of fixtures('valid')) {
    it(`build(parse(${basename(path)}))`, () => {
      expect(check(build(parse(readFileSync(path))))).toEqual({ valid: true, errors: [] });
    });
  }

  for (const name of REPAIRABLE) {
    it(`repairs ${name}`, () => {
      const source = readFileSync(join(ROOT, 'fixtures/invalid', name), 'utf8');
      expect(check(source).valid).toBe(false);
      expect(check(build(parse(source)))).toEqual({ valid: true, errors: [] });
    });
  }

  it('builders write valid documents', () => {
    const vm = {
      source: 'https://vcd.example.com/api/vAppTemplate/vm-1',
      name: 'db-01',
      computerName: 'db-01',
      cpus: 8,
      coresPerSocket: 4,
      memoryMB: 16384,
      disks: [{ instanceId: 2000, sizeMB: 102400 }],
      nics: [{ network: 'db-net', mode: 'POOL' as const }, { network: 'none', mode: 'NONE' as const }],
      customization: { autoPassword: true, script: '#!/bin/sh\r\necho hi', domain: { name: 'corp.example.com', user: 'join', password: 'pw' } },
      storageProfile: 'https://vcd.example.com/api/vdcStorageProfile/sp-1',
      sizingPolicy: 'https://vcd.example.com/cloudapi/1.0.0/vdcComputePolicies/urn:vcloud:vdcComputePolicy:1',
    };
    const net = { name: 'db-net', fenceMode: 'natRouted' as const, parent: 'https://vcd.example.com/api/admin/network/n', gateway: '192.168.1.1', netmask: '255.255.255.0', dns: ['192.168.1.2'] as [string], pool: ['192.168.1.10', '192.168.1.99'] as [string, string] };
    const docs = [
      instantiateTemplate({ name: 'a', template: 'https://vcd.example.com/api/vAppTemplate/vappTemplate-1', networks: [net], vms: [vm], acceptEulas: true, lease: { deploymentSeconds: 0, storageSeconds: 7200 } }),
      composeVApp({ name: 'b', description: 'compose', networks: [net], vms: [vm] }),
      recomposeVApp({ name: 'c', vms: [vm], delete: ['https://vcd.example.com/api/vApp/vm-2'] }),
      cloneVApp({ name: 'd', source: 'https://vcd.example.com/api/vApp/vapp-1', move: false }),
    ];
    for (const d of docs) expect(check(build(d)), d.kind).toEqual({ valid: true, errors: [] });
  });
});
