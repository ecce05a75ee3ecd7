/**
 * A vApp of three VMs from one template, written from the README: two web servers and a database,
 * a bridged front network and an isolated back network, sizes, disks, NICs and customization.
 * Run: `node --experimental-strip-types examples/compose-three-vms.ts > three-vms.xml` (Node 22.6+),
 * or compile it with tsc. Exits 1 when the document does not validate.
 */
import { build, composeVApp, validate, type VmSpec } from 'vmparams';

const api = 'https://vcd.example.com/api';
const template = `${api}/vAppTemplate/vm-9d41`;

const web = (name: string, ip: string): VmSpec => ({
  source: template,
  name,
  computerName: name,
  cpus: 2,
  memoryMB: 4096,
  nics: [{ network: 'front', ip }, { network: 'back', primary: true }],
  customization: { script: '#!/bin/sh\nsystemctl enable --now nginx\n' },
});

const doc = composeVApp({
  name: 'shop',
  description: 'two web servers and a database',
  networks: [
    { name: 'front', parent: `${api}/admin/network/7a3e` },
    { name: 'back', gateway: '192.168.50.1', netmask: '255.255.255.0', pool: ['192.168.50.10', '192.168.50.99'] },
  ],
  vms: [
    ...['web-01', 'web-02'].map((name, i) => web(name, `10.0.0.${11 + i}`)),
    { source: template, name: 'db-01', cpus: 4, memoryMB: 16384, disks: [{ instanceId: 2000, sizeMB: 102400 }, { sizeMB: 512000, bus: 'paravirtual' }], nics: [{ network: 'back', ip: '192.168.50.5' }], startup: { order: 0 } },
  ],
  lease: { deploymentSeconds: 0 },
  acceptEulas: true,
});

const xml = build(doc);
const report = await validate(xml);
for (const p of report.problems) console.error(`${p.line}:${p.column}: ${p.severity} ${p.rule}: ${p.message}`);
process.stdout.write(xml + '\n');
process.exitCode = report.valid ? 0 : 1;
