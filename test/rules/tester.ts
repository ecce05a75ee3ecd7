/**
 * Rule tester (eslint RuleTester style, style.md §9): each rule gets tables of tiny documents it must
 * accept (`valid`) and documents it must flag (`invalid`, with the exact problems expected). The tester
 * rejects invalid cases without errors, unknown messageIds, unfilled placeholders and duplicate cases.
 * Where a rule attaches automatic fixes, the case gives the `output` its fixes make (eslint RuleTester
 * `output`), and the fixed document must not be fixable again.
 */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/document.js';
import type { VdcContext } from '../../src/validate/context.js';
import type { Severity } from '../../src/validate/problem.js';
import { rules } from '../../src/validate/rules/index.js';
import { runRuleSet, type Rule } from '../../src/validate/rules/engine.js';
import type { Fix, Problem } from '../../src/validate/problem.js';

/** Options a case may pass to the run. */
export interface CaseOptions {
  apiVersion?: string;
  context?: VdcContext;
}

/** A document the rule must accept. */
export interface ValidCase extends CaseOptions {
  name?: string;
  code: string;
}

/** One problem an invalid case must produce. */
export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number | boolean | undefined>;
  /** 1-based line, or `at`: the first line containing this text. */
  line?: number;
  at?: string;
  /** With `at`: the nth (1-based) line containing the text. */
  nth?: number;
  column?: number;
  severity?: Severity;
}

/** A document the rule must flag. */
export interface InvalidCase extends CaseOptions {
  name?: string;
  code: string;
  errors: ExpectedError[];
  /** The document breaks the XSD as well (most cases are schema-valid; see schema-valid.test.ts). */
  schemaInvalid?: boolean;
  /** The document after applying every problem's automatic fix; required exactly when the rule fixes something. */
  output?: string;
}

/** The tables for one rule. */
export interface RuleCases {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

/** An invalid case whose automatic fix turns the first `from` of its document into `to`. */
export function fixed(c: InvalidCase, from: string, to: string): InvalidCase {
  if (!c.code.includes(from)) throw new Error(`test setup: "${from}" is not in the document`);
  return { ...c, output: c.code.replace(from, to) };
}

/** The 1-based line of the first line of `code` containing `needle`. */
export function lineOf(code: string, needle: string, nth = 1): number {
  const hits = code.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length < nth) throw new Error(`test setup: "${needle}" is not ${nth} time(s) in the document`);
  return hits[nth - 1];
}

const asValid = (c: string | ValidCase): ValidCase => (typeof c === 'string' ? { code: c } : c);

/** Apply the fixes of several problems to the text (edits of different problems must not overlap). */
export function applyFixes(code: string, fixes: Fix[]): string {
  const edits = fixes.flatMap((f) => f.edits).sort((a, b) => b.start - a.start);
  for (let i = 1; i < edits.length; i++) expect(edits[i].end, 'two fixes edit the same text').toBeLessThanOrEqual(edits[i - 1].start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function checkFixes(rule: Rule<any>, c: InvalidCase, problems: Problem[]): void {
  const fixes = problems.flatMap((p) => (p.fix ? [p.fix] : []));
  if (!fixes.length) {
    expect(c.output, 'the case gives an output but the rule fixed nothing').toBeUndefined();
    return;
  }
  expect(rule.fixable, 'a rule that reports fixes must be declared fixable').toBe(true);
  for (const f of fixes) {
    expect(f.title.length).toBeGreaterThan(3);
    const sorted = [...f.edits].sort((a, b) => a.start - b.start);
    expect(f.edits, 'edits are listed in document order').toEqual(sorted);
    for (const e of f.edits) expect(e.start <= e.end && e.start >= 0 && e.end <= c.code.length).toBe(true);
  }
  expect(c.output, 'the rule fixes this document: give the expected `output`').toBeDefined();
  const output = applyFixes(c.code, fixes);
  expect(output).toBe(c.output);
  // Fixes converge: the fixed document has nothing left to fix for this rule.
  expect(run(rule, { ...c, code: output }).filter((p) => p.fix).map((p) => p.message)).toEqual([]);
}

function run(rule: Rule<any>, c: CaseOptions & { code: string }) {
  return runRuleSet([rule], parse(c.code), { apiVersion: c.apiVersion, context: c.context });
}

/** Register the vitest suites for a table of rule cases. */
export function testRules(table: Record<string, RuleCases>): void {
  for (const [id, cases] of Object.entries(table)) {
    describe(id, () => {
      const rule = (rules as Record<string, Rule<any>>)[id];
      test('is a known rule', () => expect(rule, `no rule ${id} in the index`).toBeDefined());
      if (!rule) return;

      test('has no duplicate cases', () => {
        const keys = [...cases.valid.map(asValid), ...cases.invalid].map((c) => JSON.stringify([c.code, c.apiVersion, c.context]));
        expect(new Set(keys).size, 'the same document (with the same options) appears twice').toBe(keys.length);
      });

      cases.valid.map(asValid).forEach((c, i) => {
        test(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
          const problems = run(rule, c);
          expect(problems.map((p) => `${p.line}: ${p.messageId}: ${p.message}`)).toEqual([]);
        });
      });

      cases.invalid.forEach((c, i) => {
        test(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
          expect(c.errors.length, 'an invalid case must expect at least one error').toBeGreaterThan(0);
          for (const e of c.errors) expect(Object.keys(rule.messages), `unknown messageId ${e.messageId}`).toContain(e.messageId);
          const problems = run(rule, c);
          for (const p of problems) {
            expect(p.message, 'message has an unfilled placeholder').not.toMatch(/\{\{/);
            expect(p.rule).toBe(id);
            expect(p.path.startsWith('/')).toBe(true);
          }
          const actual = problems.map((p, k) => {
            const e = c.errors[k];
            const got: Record<string, unknown> = { messageId: p.messageId };
            if (e?.data) got.data = p.data;
            if (e?.line !== undefined || e?.at !== undefined) got.line = p.line;
            if (e?.column !== undefined) got.column = p.column;
            if (e?.severity) got.severity = p.severity;
            return got;
          });
          const expected = c.errors.map((e) => {
            const want: Record<string, unknown> = { messageId: e.messageId };
            if (e.data) want.data = e.data;
            if (e.line !== undefined) want.line = e.line;
            else if (e.at !== undefined) want.line = lineOf(c.code, e.at, e.nth);
            if (e.column !== undefined) want.column = e.column;
            if (e.severity) want.severity = e.severity;
            return want;
          });
          expect(actual).toEqual(expected);
          checkFixes(rule, c, problems);
        });
      });
    });
  }
}
