/** The API-version engine: version parsing and ordering, facts from the descriptions and the extra table. */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/document.js';
import { ApiVersionError, compareVersions, LATEST_API_VERSION, parseApiVersion, versionFindings } from '../../src/validate/versions.js';
import { runRules } from '../../src/validate/rules/index.js';
import { compose, createItem, instantiate, LAN, ncs, nic, sourced, vmDoc } from './docs.js';

describe('version numbers', () => {
  test('compare numerically, not as text', () => {
    expect(compareVersions('5.10', '5.9')).toBeGreaterThan(0);
    expect(compareVersions('33', '33.0')).toBe(0);
    expect(compareVersions('9.1', '29.0')).toBeLessThan(0);
    expect(compareVersions('37.1', '37.0')).toBeGreaterThan(0);
  });
  test('reject what is not a version', () => {
    for (const bad of ['', 'latest', 'v33', '33.0.0.1', '3 3']) expect(() => parseApiVersion(bad)).toThrow(ApiVersionError);
    expect(parseApiVersion(' 36.2 ')).toEqual([36, 2]);
  });
  test('runRules rejects a malformed apiVersion with a clear error instead of guessing', () => {
    const doc = parse(vmDoc([ncs([nic()])]));
    expect(() => runRules(doc, { apiVersion: 'ten' })).toThrow(/not a version number/);
  });
});

describe('version findings', () => {
  const ipType = parse(vmDoc([ncs([nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.5', IpType: 'IPV4', SecondaryIpAddress: 'fd00::5', SecondaryIpType: 'IPV6' })])]));

  test('elements newer than the target are found with their version', () => {
    const f = versionFindings(ipType, '33.0');
    expect(f.map((x) => [x.issue, x.name, x.version])).toEqual([
      ['not-yet-available', 'IpType', '34.0'],
      ['not-yet-available', 'SecondaryIpAddress', '34.0'],
      ['not-yet-available', 'SecondaryIpType', '34.0'],
    ]);
    expect(versionFindings(ipType, '34.0')).toEqual([]);
  });

  test('attributes carry versions too (sourceDelete 1.0)', () => {
    const doc = parse(compose({ items: [sourced({ attrs: 'sourceDelete="false"' })] }));
    expect(versionFindings(doc, '0.9').map((x) => x.name)).toContain('@sourceDelete');
  });

  test('the newest version is the default target', () => {
    const doc = parse(vmDoc([ncs([nic()])]).replace('</SourcedItem>', '<ReplaceTpm>true</ReplaceTpm>\n</SourcedItem>'));
    expect(runRules(doc).filter((p) => p.rule.startsWith('version/'))).toEqual([]);
    expect(runRules(doc, { apiVersion: '35.2' }).map((p) => `${p.rule} ${p.data?.name}`)).toContain('version/not-yet-available ReplaceTpm');
    expect(LATEST_API_VERSION).toBe('39.1');
  });

  test('SourcedItem in an instantiate request needs 5.6; in a compose it is as old as compose', () => {
    expect(versionFindings(parse(instantiate({ items: [sourced({ name: null })] })), '5.5').map((x) => x.name)).toEqual(['SourcedItem']);
    expect(versionFindings(parse(compose({ items: [sourced({ name: null })] })), '5.5')).toEqual([]);
  });

  test('CreateItem content is checked with the VmType table', () => {
    const doc = parse(compose({ vapp: [LAN], items: [createItem({ after: ['<BootOptions>\n<BootDelay>0</BootDelay>\n<EnterBIOSSetup>false</EnterBIOSSetup>\n</BootOptions>'] })] }));
    expect(versionFindings(doc, '20.0').map((x) => [x.name, x.version])).toEqual([['BootOptions', '21.0']]);
    expect(versionFindings(doc, '21.0')).toEqual([]);
  });

  test('sections inside a CreateItem are checked with their descriptions', () => {
    const doc = parse(compose({ vapp: [LAN], items: [createItem({ sections: [ncs([nic({ IpAddressAllocationMode: 'MANUAL', IpAddress: '10.0.0.9', IpType: 'IPV4' })])] })] }));
    expect(versionFindings(doc, '33.0').map((x) => [x.name, x.version])).toEqual([['IpType', '34.0']]);
    const p = runRules(doc, { apiVersion: '33.0' }).find((x) => x.rule === 'version/not-yet-available');
    expect(p?.path).toBe('/ComposeVAppParams/CreateItem/NetworkConnectionSection/NetworkConnection/IpType');
  });

  test('results are cached per document and version', () => {
    expect(versionFindings(ipType, '33.0')).toBe(versionFindings(ipType, '33.0'));
  });
});
