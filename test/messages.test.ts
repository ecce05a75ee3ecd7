/** The messages people read for the most common mistakes: plain words, the right element, a line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { ROOT } from './helpers/reference.js';

const cases: [file: string, line: number, message: RegExp][] = [
  ['lease-missing-info.xml', 8, /^expected <Info> \(ovf\) here, found <DeploymentLeaseInSeconds>$/],
  ['fencemode-before-parentnetwork.xml', 12, /^<ParentNetwork> is in the wrong place in <Configuration>: it must come before <FenceMode>$/],
  ['nic-allocation-mode-before-isconnected.xml', 25, /^expected <IsConnected> \(vcloud\) here, found <IpAddressAllocationMode>$/],
  ['os-section-unqualified-id.xml', 10, /must be written ovf:id/],
  ['ovf-prefixed-networkconfigsection.xml', 7, /without the ovf: prefix/],
  // on the attribute itself (line 4), not the start of its element (line 3)
  ['deploy-not-boolean.xml', 4, /'yes', which is not a valid boolean/],
];

describe('schema messages', () => {
  for (const [file, line, message] of cases) {
    it(file, async () => {
      const report = await validate(readFileSync(join(ROOT, 'fixtures/invalid', file)), { lint: false });
      const first = report.problems[0];
      expect(report.valid).toBe(false);
      expect(first.message).toMatch(message);
      // --no-lint and the full validate check the same tree: same message, same place.
      const linted = await validate(readFileSync(join(ROOT, 'fixtures/invalid', file)));
      const same = linted.problems.find((p) => p.rule === 'xsd' && p.message === first.message)!;
      expect(same.line).toBe(line);
      expect(same.column).toBeGreaterThan(0);
      expect([first.line, first.column]).toEqual([same.line, same.column]);
    });
  }
});

describe('one finding, one problem', () => {
  it.each(['source-missing-href.xml', 'os-section-unqualified-id.xml', 'ovf-prefixed-networkconfigsection.xml', 'bare-ovf-section.xml'])('%s: the rule that repeats the schema is dropped', async (file) => {
    const report = await validate(readFileSync(join(ROOT, 'fixtures/invalid', file)));
    expect(report.problems.map((p) => p.rule)).toEqual(['xsd']);
  });
  it('the same rule still speaks where the schema is silent', async () => {
    const xml = `<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="c"><Source href=""/></CloneVAppParams>`;
    expect((await validate(xml)).problems.map((p) => `${p.rule} ${p.messageId}`)).toContain('reference/href empty');
  });
});

describe('schema problem positions', () => {
  it('index same-name siblings per namespace, as the model does', async () => {
    // vcloud <Description> beside an unknown <x:Description>: the vcloud one is not "[1]".
    const xml = `<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:x="urn:x" name="c" deploy="false" powerOn="false">
  <x:Description>foreign</x:Description>
  <Description>ok</Description>
    <Bogus/>
  <Source href="https://vcd.example.com/api/vApp/vapp-1"/>
</CloneVAppParams>`;
    const problems = (await validate(xml)).problems.filter((q) => q.rule === 'xsd');
    // The foreign one is reported on its own line, never moved onto the vcloud <Description>.
    expect(problems[0]).toMatchObject({ path: '/CloneVAppParams/Description', line: 2 });
  });
});
