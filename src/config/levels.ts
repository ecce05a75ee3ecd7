/**
 * Rule levels, eslint-style (interface.md "Configuring the rules"): a semantic rule can be set to
 * `off`, `info`, `warning` or `error` by the config file's `rules` and by `--rule ID=LEVEL`. The
 * levels are applied to the problems after the rules ran, so the rule engine needs no knowledge of
 * them. `xml` and `xsd` are not rules one can set: the server rejects such a document anyway.
 */
import type { Problem, Severity } from '../validate/problem.js';
import { rules } from '../validate/rules/index.js';

/** What a rule can be set to: a severity, or `off` (not reported). */
export type RuleLevel = 'off' | Severity;

/** Every level, in the order messages list them. */
export const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

/** Checks that cannot be set or turned off (interface.md): well-formedness and the XML Schema. */
export const LOCKED_RULES: readonly string[] = ['xml', 'xsd'];

/** The rule id of the warning for a directive that suppressed nothing (src/validate/directives.ts). */
export const UNUSED_DIRECTIVE = 'unused-directive';

/** The ids a level can be given to: every semantic rule, and `unused-directive`. */
export function configurableRuleIds(): string[] {
  return [...Object.keys(rules), UNUSED_DIRECTIVE].sort();
}

let known: Set<string> | undefined;
function isConfigurable(id: string): boolean {
  known ??= new Set(configurableRuleIds());
  return known.has(id);
}

/** A rule id or level the user cannot set, with the one-line reason (thrown by checkRuleLevels). */
export class RuleLevelError extends Error {
  constructor(
    message: string,
    /** The offending rule id. */
    readonly rule: string,
  ) {
    super(message);
    this.name = 'RuleLevelError';
  }
}

/** Why `id` cannot be given a level (undefined when it can): locked, or unknown with a suggestion. */
export function ruleIdProblem(id: string): string | undefined {
  if (LOCKED_RULES.includes(id)) return `'${id}' cannot be set or turned off: the server rejects a document with ${id === 'xml' ? 'malformed XML' : 'a schema error'} anyway`;
  if (isConfigurable(id)) return undefined;
  const close = closest(id, configurableRuleIds());
  return `unknown rule '${id}'${close ? `; did you mean '${close}'?` : ''} (see 'vmparams rules')`;
}

/** Why `level` is not a level (undefined when it is). */
export function levelProblem(level: unknown): string | undefined {
  if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) return undefined;
  const shown = typeof level === 'string' ? `'${level}'` : JSON.stringify(level);
  const close = typeof level === 'string' ? closest(level, LEVELS) ?? (level === 'warn' ? 'warning' : undefined) : undefined;
  return `unknown level ${shown}; use ${LEVELS.join(', ')}${close ? ` (did you mean '${close}'?)` : ''}`;
}

/** Throw RuleLevelError for the first id or level in `levels` that cannot be used. */
export function checkRuleLevels(levels: Readonly<Record<string, unknown>>): asserts levels is Record<string, RuleLevel> {
  for (const [id, level] of Object.entries(levels)) {
    const bad = ruleIdProblem(id) ?? levelProblem(level);
    if (bad) throw new RuleLevelError(bad, id);
  }
}

/**
 * Apply levels to problems: `off` drops a rule's problems, a severity replaces theirs. Problems of
 * `xml`, `xsd` and rules without a level are returned unchanged (a new array; inputs are not mutated).
 */
export function applyRuleLevels(problems: readonly Problem[], levels: Readonly<Record<string, RuleLevel>> | undefined): Problem[] {
  if (!levels || Object.keys(levels).length === 0) return [...problems];
  const out: Problem[] = [];
  for (const p of problems) {
    const level = LOCKED_RULES.includes(p.rule) ? undefined : levels[p.rule];
    if (level === undefined) out.push(p);
    else if (level !== 'off') out.push(level === p.severity ? p : { ...p, severity: level });
  }
  return out;
}

/** Parse one `--rule ID=LEVEL` value; throws RuleLevelError saying what is wrong. */
export function parseRuleFlag(value: string): [string, RuleLevel] {
  const eq = value.lastIndexOf('=');
  if (eq <= 0) throw new RuleLevelError(`expected ID=LEVEL such as nic/adapter-type=off, got '${value}'`, value);
  const id = value.slice(0, eq).trim();
  const level = value.slice(eq + 1).trim();
  const bad = ruleIdProblem(id) ?? levelProblem(level);
  if (bad) throw new RuleLevelError(bad, id);
  return [id, level as RuleLevel];
}

/** Every `--rule ID=LEVEL` of a command line as one table; throws RuleLevelError naming the bad value. */
export function parseRuleFlags(values: readonly string[]): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const value of values) {
    try {
      const [id, level] = parseRuleFlag(value);
      rules[id] = level;
    } catch (e) {
      if (e instanceof RuleLevelError) throw new RuleLevelError(`--rule ${value}: ${e.message}`, e.rule);
      throw e;
    }
  }
  return rules;
}

/** The candidate nearest to `word` by edit distance, when it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
