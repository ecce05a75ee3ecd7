/**
 * Inline directives (interface.md "Configuring the rules"; src/validate/directives.ts): the parser,
 * the applier over comment records, every form through the library's validate, and the CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { applyDirectives, parseDirective, type CommentRecord } from '../../src/validate/directives.js';
import type { Problem } from '../../src/validate/problem.js';
import { cli, ROOT } from '../cli/helpers.js';

describe('parseDirective', () => {
  it.each([
    ['vmparams-disable-next-line nic/adapter-type', { kind: 'disable-next-line', ids: ['nic/adapter-type'] }],
    [' vmparams-disable-next-line nic/adapter-type, name/length : legacy template ', { kind: 'disable-next-line', ids: ['nic/adapter-type', 'name/length'], reason: 'legacy template' }],
    ['vmparams-disable-next-line', { kind: 'disable-next-line', ids: [] }],
    ['vmparams-disable-next-line: generated', { kind: 'disable-next-line', ids: [], reason: 'generated' }],
    ['vmparams-disable', { kind: 'disable', ids: [] }],
    ['\n  vmparams-disable guest/computer-name,nic/ip-ignored\n', { kind: 'disable', ids: ['guest/computer-name', 'nic/ip-ignored'] }],
    ['vmparams-enable guest/computer-name', { kind: 'enable', ids: ['guest/computer-name'] }],
    ['vmparams-enable', { kind: 'enable', ids: [] }],
  ])('%j', (text, expected) => {
    expect(parseDirective(text)).toEqual(expected);
  });

  it.each(['a comment', 'see vmparams-disable below', 'vmparams-disable-line x', 'vmparams-disabled', 'vmparams-enable-all', ''])('not a directive: %j', (text) => {
    expect(parseDirective(text)).toBeUndefined();
  });
});

const KNOWN = new Set(['a/one', 'a/two', 'b/three']);
const p = (rule: string, line: number, column = 5): Problem => ({ severity: 'error', rule, line, column, path: '', message: `${rule}@${line}` });
const c = (text: string, line: number, column = 3, endLine = line): CommentRecord => ({ text, line, column, endLine });
const rulesAt = (out: Problem[]) => out.filter((x) => x.rule !== 'unused-directive').map((x) => `${x.rule}@${x.line}`);
const unused = (out: Problem[]) => out.filter((x) => x.rule === 'unused-directive').map((x) => `${x.line}:${x.column} ${x.messageId} ${x.message}`);

describe('applyDirectives', () => {
  it('disable-next-line covers the line after the comment, for its ids or all', () => {
    const problems = [p('a/one', 5), p('a/two', 5), p('a/one', 6), p('b/three', 9)];
    const out = applyDirectives(problems, [c('vmparams-disable-next-line a/one', 4), c('vmparams-disable-next-line', 8)], KNOWN);
    expect(rulesAt(out)).toEqual(['a/two@5', 'a/one@6']);
    expect(unused(out)).toEqual([]);
  });

  it('a comment over several lines covers the line after its end', () => {
    const out = applyDirectives([p('a/one', 4), p('a/one', 6)], [c('vmparams-disable-next-line\n  a/one', 4, 3, 5)], KNOWN);
    expect(rulesAt(out)).toEqual(['a/one@4']);
  });

  it('disable ... enable covers the positions between them; no enable = to the end', () => {
    const problems = [p('a/one', 2), p('a/one', 5), p('a/two', 6), p('a/one', 10), p('a/two', 40)];
    const out = applyDirectives(problems, [c('vmparams-disable a/one', 4), c('vmparams-enable a/one', 8), c('vmparams-disable a/two', 30)], KNOWN);
    expect(rulesAt(out)).toEqual(['a/one@2', 'a/two@6', 'a/one@10']);
    expect(unused(out)).toEqual([]);
  });

  it('counts columns on the comment line: a problem before the comment is not covered', () => {
    const out = applyDirectives([p('a/one', 4, 1), p('a/one', 4, 20)], [c('vmparams-disable', 4, 10)], KNOWN);
    expect(rulesAt(out)).toEqual(['a/one@4']);
    expect(out[0]!.column).toBe(1);
  });

  it('enable of one id after a disable of all makes it an exception; enable of all ends everything', () => {
    const problems = [p('a/one', 5), p('a/two', 5), p('a/one', 12), p('a/two', 12), p('a/two', 20)];
    const out = applyDirectives(problems, [c('vmparams-disable', 1), c('vmparams-enable a/one', 10), c('vmparams-enable', 15)], KNOWN);
    expect(rulesAt(out)).toEqual(['a/one@12', 'a/two@20']);
    expect(unused(out)).toEqual([]);
  });

  it('never covers xml or xsd problems', () => {
    const out = applyDirectives([p('xsd', 5), p('xml', 5)], [c('vmparams-disable-next-line', 4), c('vmparams-disable', 1)], KNOWN);
    expect(rulesAt(out)).toEqual(['xsd@5', 'xml@5']);
    expect(unused(out).map((u) => u.split(' ')[1])).toEqual(['unused', 'unused']);
  });

  it('reports what covered nothing at the comment: the whole comment, or each id', () => {
    const comments = [c('vmparams-disable-next-line', 2, 5), c('vmparams-disable-next-line a/one, a/two', 4, 7), c('vmparams-disable a/nope, xsd', 9), c('vmparams-enable b/three', 20)];
    const out = applyDirectives([p('a/one', 5)], comments, KNOWN);
    expect(rulesAt(out)).toEqual([]);
    expect(unused(out)).toEqual([
      '2:5 unused this vmparams-disable-next-line comment suppresses no problem; remove it',
      "4:7 unusedId no 'a/two' problem to suppress on the next line; remove 'a/two' from the comment",
      "9:3 unknownId 'a/nope' is not a rule id (did you mean 'a/one'?), so the comment suppresses nothing for it (see 'vmparams rules')",
      "9:3 locked 'xsd' problems cannot be suppressed (the server rejects such a document anyway); remove 'xsd' from the comment",
      "20:3 unusedEnable this vmparams-enable comment ends no vmparams-disable of 'b/three'; remove it",
    ]);
    for (const w of out.filter((x) => x.rule === 'unused-directive')) expect(w.severity).toBe('warning');
  });

  it('ignores comments that are not directives, and returns the problems unchanged without any', () => {
    const problems = [p('a/one', 5)];
    expect(applyDirectives(problems, [c('just a note', 4)], KNOWN)).toEqual(problems);
    expect(applyDirectives(problems, [], KNOWN)).toEqual(problems);
  });
});

const NIC = readFileSync(join(ROOT, 'fixtures/invalid/semantic/nic-manual-without-ip.xml'), 'utf8');
const MODE = '          <IpAddressAllocationMode>MANUAL</IpAddressAllocationMode>';
/** The NIC fixture with `before` inserted before the MANUAL line (its error is reported there). */
const withComment = (before: string) => NIC.replace(MODE, `${before}\n${MODE}`);
const rules = async (xml: string, opts = {}) => (await validate(xml, opts)).problems.map((x) => `${x.severity} ${x.rule}`);

describe('through validate()', () => {
  it('the fixture has the error the directives below silence', async () => {
    expect(NIC).toContain(MODE);
    expect(await rules(NIC)).toEqual(['error nic/manual-needs-ip']);
  });

  it('disable-next-line with a reason', async () => {
    const report = await validate(withComment('          <!-- vmparams-disable-next-line nic/manual-needs-ip: the portal sets the address after deploy -->'));
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('disable-next-line for every rule', async () => {
    expect(await rules(withComment('<!-- vmparams-disable-next-line -->'))).toEqual([]);
  });

  it('disable ... enable around the element, by id and for all', async () => {
    const wrap = (open: string, close: string) => NIC.replace('<NetworkConnectionSection>', `${open}\n<NetworkConnectionSection>`).replace('</NetworkConnectionSection>', `</NetworkConnectionSection>\n${close}`);
    expect(await rules(wrap('<!-- vmparams-disable nic/manual-needs-ip -->', '<!-- vmparams-enable nic/manual-needs-ip -->'))).toEqual([]);
    expect(await rules(wrap('<!-- vmparams-disable -->', '<!-- vmparams-enable -->'))).toEqual([]);
  });

  it('disable without enable runs to the end; one before the root covers the whole document', async () => {
    expect(await rules(NIC.replace('<InstantiateVAppTemplateParams', '<!-- vmparams-disable: generated by the portal -->\n<InstantiateVAppTemplateParams'))).toEqual([]);
  });

  it('reports a directive that suppresses nothing, at the comment', async () => {
    const report = await validate(withComment('<!-- vmparams-disable-next-line nic/adapter-type -->'));
    expect(report.problems.map((x) => [x.rule, x.line, x.column, x.messageId])).toEqual([
      ['unused-directive', 28, 1, 'unusedId'],
      ['nic/manual-needs-ip', 29, 11, 'missingIp'],
    ]);
  });

  it('cannot silence schema problems', async () => {
    const bad = readFileSync(join(ROOT, 'fixtures/invalid/rasd-out-of-order.xml'), 'utf8').replace('<ComposeVAppParams', '<!-- vmparams-disable xsd -->\n<!-- vmparams-disable -->\n<ComposeVAppParams');
    const report = await validate(bad);
    expect(report.problems.filter((x) => x.rule === 'xsd').length).toBeGreaterThan(0);
    expect(report.problems.filter((x) => x.rule === 'unused-directive').map((x) => x.messageId)).toEqual(['locked', 'unused']);
    expect(report.valid).toBe(false);
  });

  it('works with rule levels: a directive for a rule set to off is not unused; unused-directive can be set too', async () => {
    const xml = withComment('<!-- vmparams-disable-next-line nic/manual-needs-ip -->');
    expect(await rules(xml, { rules: { 'nic/manual-needs-ip': 'off' } })).toEqual([]);
    const stale = withComment('<!-- vmparams-disable-next-line nic/adapter-type -->');
    expect(await rules(stale, { rules: { 'unused-directive': 'error' } })).toEqual(['error unused-directive', 'error nic/manual-needs-ip']);
    expect(await rules(stale, { rules: { 'unused-directive': 'off' } })).toEqual(['error nic/manual-needs-ip']);
  });

  it('is not applied under lint: false (no rules ran, nothing to suppress or report)', async () => {
    expect(await rules(withComment('<!-- vmparams-disable-next-line nic/adapter-type -->'), { lint: false })).toEqual([]);
  });
});

describe('through the CLI', () => {
  it('suppresses, reports unused directives as warnings, and --rule unused-directive=error fails the run', () => {
    const stdin = withComment('<!-- vmparams-disable-next-line nic/manual-needs-ip, nic/adapter-type: set by the portal -->');
    const r = cli(['validate', '--no-config', '-'], { input: stdin });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      "<stdin>:28:1: warning unused-directive: no 'nic/adapter-type' problem to suppress on the next line; remove 'nic/adapter-type' from the comment\n" +
        '⚠ 1 problem (0 errors, 1 warning) in 1 file\n',
    );
    const strict = cli(['validate', '--no-config', '--rule', 'unused-directive=error', '--format', 'json', '-'], { input: stdin });
    expect(strict.status).toBe(1);
    expect(JSON.parse(strict.stdout).files[0].problems).toMatchObject([{ severity: 'error', rule: 'unused-directive', line: 28, column: 1, messageId: 'unusedId', data: { id: 'nic/adapter-type' } }]);
  });
});
