/** The rule engine itself: message formatting, positions, lint switch, crash containment, catalogue shape. */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/document.js';
import { defineRule, formatMessage, runRuleSet } from '../../src/validate/rules/engine.js';
import { ruleCatalogue, runRules } from '../../src/validate/rules/index.js';
import { DocView } from '../../src/validate/rules/view.js';
import { compose, createItem, gcs, LAN, ncs, nic, sourced, vmDoc } from './docs.js';
import { lineOf } from './tester.js';

describe('formatMessage', () => {
  test('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('NIC {{index}} of {{ vm }}', { index: 0, vm: 'web' })).toBe('NIC 0 of web');
    expect(formatMessage('{{missing}} stays', {})).toBe('{{missing}} stays');
  });
});

describe('runRuleSet', () => {
  const code = vmDoc([ncs([nic({ IpAddressAllocationMode: 'MANUAL' })])]);
  const doc = parse(code);

  test('problems carry rule, severity, line, column, path, message, messageId and data', () => {
    const p = runRules(doc).find((x) => x.rule === 'nic/manual-needs-ip')!;
    expect(p).toMatchObject({ severity: 'error', messageId: 'missingIp', data: { nic: '0', vm: 'SourcedItem 1 ("vm1")' } });
    expect(p.line).toBe(lineOf(code, '<IpAddressAllocationMode>'));
    expect(p.column).toBe(1);
    expect(p.path).toBe('/ComposeVAppParams/SourcedItem/InstantiationParams/NetworkConnectionSection/NetworkConnection/IpAddressAllocationMode');
    expect(p.message).toBe('NIC 0 of SourcedItem 1 ("vm1") uses MANUAL but has no <IpAddress>; add the address or use POOL');
  });

  test('lint: false runs nothing', () => {
    expect(runRules(doc, { lint: false })).toEqual([]);
    expect(runRules(doc).length).toBeGreaterThan(0);
  });

  test('a crashing rule becomes one warning and the other rules still run', () => {
    const boom = defineRule({ id: 'test/boom', severity: 'error', docs: { description: 'd', reason: 'r', fix: 'f' }, messages: { m: 'x' }, check: () => { throw new Error('kaput'); } });
    const ok = defineRule({ id: 'test/ok', severity: 'info', docs: { description: 'd', reason: 'r', fix: 'f' }, messages: { m: 'root is {{kind}}' }, check: (ctx) => ctx.report({ node: ctx.root, messageId: 'm', data: { kind: ctx.kind } }) });
    const problems = runRuleSet([boom, ok], doc);
    expect(problems.map((p) => [p.rule, p.severity, p.messageId])).toEqual([
      ['test/boom', 'warning', 'rule-crashed'],
      ['test/ok', 'info', 'm'],
    ]);
    expect(problems[0].message).toContain('kaput');
    expect(problems[1]).toMatchObject({ message: 'root is ComposeVAppParams', line: 2, path: '/ComposeVAppParams' });
  });

  test('hand-built documents (no positions) still get problems, at line 0', () => {
    const built = JSON.parse(JSON.stringify(doc));
    const p = runRules(built).find((x) => x.rule === 'nic/manual-needs-ip')!;
    expect(p).toMatchObject({ line: 0, column: 0, messageId: 'missingIp' });
  });
});

describe('DocView', () => {
  test('collects VMs of every kind with their sections', () => {
    const doc = parse(compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()]), gcs({ Enabled: 'true' })] }), createItem({ name: 'blank' })] }));
    const view = new DocView(doc);
    expect(view.vms.map((v) => [v.kind, v.label, v.sections.map((s) => s.name)])).toEqual([
      ['SourcedItem', 'SourcedItem 1 ("vm1")', ['NetworkConnectionSection', 'GuestCustomizationSection']],
      ['CreateItem', 'CreateItem 1 ("blank")', ['NetworkConnectionSection']],
    ]);
    expect(view.vappNetworks.map((n) => n.networkName)).toEqual(['lan']);
    expect(view.nics().length).toBe(2);
    expect(view.apiVersion).toBe('39.1');
    expect(view.apiVersionGiven).toBe(false);
  });
});

describe('ruleCatalogue', () => {
  test('entries have the fields `vmparams rules` prints', () => {
    for (const r of ruleCatalogue()) {
      expect(Object.keys(r).sort()).toEqual(['description', 'docs', 'id', 'messages', 'needsContext', 'severity']);
    }
  });
});
