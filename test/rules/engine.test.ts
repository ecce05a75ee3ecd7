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
      expect(Object.keys(r).sort()).toEqual(['description', 'docs', 'fixable', 'id', 'messages', 'needsContext', 'severity']);
    }
  });
});

describe('the one walk', () => {
  const code = compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic(), nic({ NetworkConnectionIndex: '1' })])] }), createItem({ name: 'blank' })] });
  const doc = parse(code);
  const docs = { description: 'd', reason: 'r', fix: 'f' };

  test('listeners are called by node kind, in document order, with the VM, the parent element and :exit after the children', () => {
    const seen: string[] = [];
    const spy = defineRule({
      id: 'test/spy',
      severity: 'info',
      docs,
      messages: { m: 'x' },
      check: () => ({
        Document: () => seen.push('Document'),
        VmItem: (n) => seen.push(`VmItem ${n.vm.label}`),
        NetworkConnectionSection: (n) => seen.push(`NCS of ${n.vm?.kind} under ${n.up?.particle.local}`),
        NetworkConnection: (n) => seen.push(`NIC ${n.index} in ${n.vm?.label}`),
        'NetworkConnectionSection:exit': () => seen.push('NCS:exit'),
        'Document:exit': () => seen.push('Document:exit'),
      }),
    });
    expect(runRuleSet([spy], doc)).toEqual([]);
    expect(seen).toEqual([
      'Document',
      'VmItem SourcedItem 1 ("vm1")',
      'NCS of SourcedItem under InstantiationParams',
      'NIC 0 in SourcedItem 1 ("vm1")',
      'NIC 1 in SourcedItem 1 ("vm1")',
      'NCS:exit',
      // The typed sections of a CreateItem are walked as its children.
      'VmItem CreateItem 1 ("blank")',
      'NCS of CreateItem under CreateItem',
      'NIC 0 in CreateItem 1 ("blank")',
      'NCS:exit',
      'Document:exit',
    ]);
  });

  test('a rule crashing in a listener keeps its earlier problems, stops, and the others still run', () => {
    let calls = 0;
    const flaky = defineRule({
      id: 'test/flaky',
      severity: 'error',
      docs,
      messages: { m: 'NIC seen' },
      check: (ctx) => ({
        NetworkConnection: (n) => {
          calls++;
          if (calls === 2) throw new Error('second NIC');
          ctx.report({ node: n.value, messageId: 'm' });
        },
      }),
    });
    const ok = defineRule({ id: 'test/ok', severity: 'info', docs, messages: { m: 'nic' }, check: (ctx) => ({ NetworkConnection: (n) => ctx.report({ node: n.value, messageId: 'm' }) }) });
    const problems = runRuleSet([flaky, ok], doc);
    expect(calls).toBe(2);
    expect(problems.map((p) => [p.rule, p.messageId])).toEqual([
      ['test/flaky', 'm'],
      ['test/flaky', 'rule-crashed'],
      ['test/ok', 'm'],
      ['test/ok', 'm'],
      ['test/ok', 'm'],
    ]);
    expect(problems[1].message).toContain('second NIC');
  });

  test('a listener key that names no node kind is a crash of that rule, not of the run', () => {
    const bad = defineRule({ id: 'test/bad', severity: 'error', docs, messages: { m: 'x' }, check: () => ({ 'Network Connection': () => {} }) as never });
    expect(runRuleSet([bad], doc).map((p) => p.messageId)).toEqual(['rule-crashed']);
  });

  test('reporting a fix needs fixable; problems carry the fix only where one is given', () => {
    const fix = { title: 'Set it', edits: [{ start: 0, end: 0, text: '' }] };
    const unfixable = defineRule({ id: 'test/nofix', severity: 'error', docs, messages: { m: 'x' }, check: (ctx) => ctx.report({ node: ctx.root, messageId: 'm', fix }) });
    expect(runRuleSet([unfixable], doc).map((p) => p.messageId)).toEqual(['rule-crashed']);
    const fixable = defineRule({ id: 'test/fix', severity: 'error', fixable: true, docs, messages: { m: 'x' }, check: (ctx) => {
      ctx.report({ node: ctx.root, messageId: 'm', fix });
      ctx.report({ node: ctx.root, messageId: 'm' });
    } });
    const [a, b] = runRuleSet([fixable], doc);
    expect(a.fix).toEqual(fix);
    expect('fix' in b).toBe(false);
  });
});

describe('configured severities', () => {
  const code = vmDoc([ncs([nic({ IpAddressAllocationMode: 'MANUAL' })])]);
  const doc = parse(code);

  test('off: the rule does not run at all', () => {
    let ran = false;
    const r = defineRule({ id: 'test/off', severity: 'error', docs: { description: 'd', reason: 'r', fix: 'f' }, messages: { m: 'x' }, check: () => {
      ran = true;
    } });
    expect(runRuleSet([r], doc, { severities: { 'test/off': 'off' } })).toEqual([]);
    expect(ran).toBe(false);
    expect(runRules(doc, { severities: { 'nic/manual-needs-ip': 'off' } }).some((p) => p.rule === 'nic/manual-needs-ip')).toBe(false);
  });

  test('a level replaces the severity of all the rule\'s problems, per-report variants included', () => {
    expect(runRules(doc, { severities: { 'nic/manual-needs-ip': 'info' } }).find((p) => p.rule === 'nic/manual-needs-ip')?.severity).toBe('info');
    // reference/href reports a relative href as a warning variant of an error rule.
    const rel = parse(compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()])], after: ['<StorageProfile href="/api/vdcStorageProfile/1"/>'] })] }));
    expect(runRules(rel).find((p) => p.rule === 'reference/href')?.severity).toBe('warning');
    expect(runRules(rel, { severities: { 'reference/href': 'error' } }).find((p) => p.rule === 'reference/href')?.severity).toBe('error');
  });

  test('other rules keep their defaults; unknown ids are ignored', () => {
    const base = runRules(doc);
    expect(runRules(doc, { severities: { 'no/such-rule': 'off' } })).toEqual(base);
  });
});
