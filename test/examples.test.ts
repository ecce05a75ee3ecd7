/**
 * examples/compose-three-vms.ts, the "40-line script" of issue 13: it compiles (tsc runs over
 * examples/ in npm run typecheck), a copy with a typo inside its `.map()` callback does not, and
 * it builds what it says: run as a user would (importing `vmparams` by name), its XML validates and
 * holds the three VMs with their sizes, disks and NICs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { transformSync } from 'esbuild';
import { parse, validate } from '../src/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLE = join(ROOT, 'examples/compose-three-vms.ts');
// Inside the package, so that `import 'vmparams'` resolves to this package (self-reference), as in a user's project.
const RUN = join(ROOT, 'examples/.run');
mkdirSync(RUN, { recursive: true });
afterAll(() => rmSync(RUN, { recursive: true, force: true }));

describe('examples/compose-three-vms.ts', () => {
  const source = readFileSync(EXAMPLE, 'utf8');

  it('is about 40 lines', () => {
    expect(source.trimEnd().split('\n').length).toBeLessThanOrEqual(45);
  });

  it('runs and builds a valid ComposeVAppParams with the three VMs it describes', async () => {
    const js = join(RUN, 'compose-three-vms.mjs');
    writeFileSync(js, transformSync(source, { loader: 'ts', format: 'esm', target: 'node20' }).code);
    const r = spawnSync(process.execPath, [js], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((await validate(r.stdout)).problems).toEqual([]);
    const doc = parse(r.stdout) as unknown as { kind: string; SourcedItem: { VmGeneralParams: { Name: string }; InstantiationParams: { sections: Record<string, any>[] } }[] };
    expect(doc.kind).toBe('ComposeVAppParams');
    expect(doc.SourcedItem.map((s) => s.VmGeneralParams.Name)).toEqual(['web-01', 'web-02', 'db-01']);
    const hw = (i: number) => doc.SourcedItem[i].InstantiationParams.sections.find((s) => s.VirtualHardwareSection)!.VirtualHardwareSection.Item;
    const memory = (i: number) => hw(i).find((it: any) => it.ResourceType === '4').VirtualQuantity;
    expect([memory(0), memory(1), memory(2)]).toEqual(['4096', '4096', '16384']);
    expect(hw(2).filter((it: any) => it.ResourceType === '17').map((d: any) => d.HostResource[0].capacity)).toEqual(['102400', '512000']);
    const nics = doc.SourcedItem[1].InstantiationParams.sections.find((s) => s.NetworkConnectionSection)!.NetworkConnectionSection;
    expect(nics.PrimaryNetworkConnectionIndex).toBe('1');
    expect(nics.NetworkConnection[0]).toMatchObject({ network: 'front', IpAddress: '10.0.0.12', IpAddressAllocationMode: 'MANUAL' });
  });

  it('does not compile with a typo inside its .map() callback', () => {
    const typo = source.replace("(name, i) => web(name, `10.0.0.${11 + i}`)", "(name) => ({ source: template, name, memoryMb: 4096 })");
    expect(typo).not.toBe(source);
    const file = join(RUN, 'typo.ts');
    writeFileSync(file, typo);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node'];
    // One compiler run over both: errors in the copy with the typo, none in the script as written.
    const r = spawnSync(process.execPath, [tsc, ...args, EXAMPLE, file], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/typo\.ts\(\d+,\d+\): error TS\d+: .*memoryMb/);
    expect(r.stdout).not.toMatch(/compose-three-vms\.ts\(/);
  });
});
