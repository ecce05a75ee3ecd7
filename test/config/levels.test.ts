/** Rule levels: `--rule ID=LEVEL` parsing, applying levels to problems, and the library's `rules` option. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRuleLevels, parseRuleFlag, RuleLevelError } from '../../src/config/index.js';
import { validate } from '../../src/index.js';
import type { Problem } from '../../src/validate/problem.js';
import { ROOT } from '../cli/helpers.js';

const p = (rule: string, severity: Problem['severity'] = 'warning'): Problem => ({ rule, severity, line: 1, column: 1, path: '/X', message: rule });

describe('parseRuleFlag', () => {
  it('reads ID=LEVEL', () => {
    expect(parseRuleFlag('nic/adapter-type=off')).toEqual(['nic/adapter-type', 'off']);
    expect(parseRuleFlag('unused-directive=error')).toEqual(['unused-directive', 'error']);
  });

  const bad: [string, RegExp][] = [
    ['nic/adapter-type', /^expected ID=LEVEL such as nic\/adapter-type=off, got 'nic\/adapter-type'$/],
    ['=off', /expected ID=LEVEL/],
    ['xsd=off', /^'xsd' cannot be set or turned off/],
    ['xml=error', /^'xml' cannot be set or turned off/],
    ['nic/adapter-typ=off', /^unknown rule 'nic\/adapter-typ'; did you mean 'nic\/adapter-type'\? \(see 'vmparams rules'\)$/],
    ['frobnicate=off', /^unknown rule 'frobnicate' \(see 'vmparams rules'\)$/],
    ['nic/adapter-type=warn', /^unknown level 'warn'; use off, info, warning, error \(did you mean 'warning'\?\)$/],
    ['nic/adapter-type=', /^unknown level ''/],
    ['nic/adapter-type=2', /^unknown level '2'/],
  ];
  it.each(bad)('refuses %s', (value, message) => {
    expect(() => parseRuleFlag(value)).toThrow(RuleLevelError);
    expect(() => parseRuleFlag(value)).toThrow(message);
  });
});

describe('applyRuleLevels', () => {
  it('drops off rules, sets severities, leaves the rest and xml/xsd alone', () => {
    const input = [p('a/b'), p('c/d', 'error'), p('xsd', 'error'), p('e/f', 'info')];
    const out = applyRuleLevels(input, { 'a/b': 'off', 'c/d': 'info', xsd: 'off' });
    expect(out.map((x) => [x.rule, x.severity])).toEqual([
      ['c/d', 'info'],
      ['xsd', 'error'],
      ['e/f', 'info'],
    ]);
    // The input problems are not changed.
    expect(input[1]!.severity).toBe('error');
  });

  it('is the identity without levels', () => {
    const input = [p('a/b')];
    expect(applyRuleLevels(input, undefined)).toEqual(input);
    expect(applyRuleLevels(input, {})).toEqual(input);
  });
});

describe('validate(xml, { rules })', () => {
  const xml = readFileSync(join(ROOT, 'fixtures/invalid/semantic/nic-manual-without-ip.xml'));

  it('turns a rule off, or changes its severity and with it the verdict', async () => {
    const plain = await validate(xml);
    expect(plain.valid).toBe(false);
    expect(plain.problems.map((x) => x.rule)).toContain('nic/manual-needs-ip');
    const off = await validate(xml, { rules: { 'nic/manual-needs-ip': 'off' } });
    expect(off.problems.map((x) => x.rule)).not.toContain('nic/manual-needs-ip');
    expect(off.valid).toBe(true);
    const warning = await validate(xml, { rules: { 'nic/manual-needs-ip': 'warning' } });
    expect(warning.problems.find((x) => x.rule === 'nic/manual-needs-ip')?.severity).toBe('warning');
    expect(warning.valid).toBe(true);
  });

  it('can make a warning an error', async () => {
    const doc = readFileSync(join(ROOT, 'fixtures/invalid/semantic/poweron-without-deploy.xml'));
    expect((await validate(doc)).valid).toBe(true);
    const strict = await validate(doc, { rules: { 'vapp/power-on-without-deploy': 'error' } });
    expect(strict.valid).toBe(false);
  });

  it('never touches schema problems, and refuses to be asked to', async () => {
    const bad = readFileSync(join(ROOT, 'fixtures/invalid/rasd-out-of-order.xml'));
    await expect(validate(bad, { rules: { xsd: 'off' } })).rejects.toThrow(RuleLevelError);
    await expect(validate(bad, { rules: { 'no/such': 'off' } })).rejects.toThrow(/unknown rule 'no\/such'/);
    const report = await validate(bad, { rules: { 'nic/adapter-type': 'off' } });
    expect(report.problems.some((x) => x.rule === 'xsd' && x.severity === 'error')).toBe(true);
  });
});
