/**
 * Inline directives in XML comments (interface.md "Configuring the rules"), as data applied after
 * the rules (style.md §17, after eslint lib/linter/apply-disable-directives.js): the reader keeps the
 * comments, the rules report everything, then this module drops the problems that a directive
 * covers and reports the directives that covered nothing. Rules never look at comments.
 *
 *   <!-- vmparams-disable-next-line ID[, ID...][: reason] -->   the line after the comment
 *   <!-- vmparams-disable [ID, ...][: reason] -->               from the comment on ...
 *   <!-- vmparams-enable [ID, ...] -->                          ... to here (or the end of the file)
 *
 * No id means every semantic rule. `xml` and `xsd` problems are never suppressed. The reason follows
 * a colon because XML forbids `--` inside a comment (eslint writes `-- reason`; Biome's
 * `biome-ignore` also uses a colon).
 */
import { closest, LOCKED_RULES, UNUSED_DIRECTIVE } from '../config/levels.js';
import type { Problem } from './problem.js';

/** One comment as the reader found it: its text between `<!--` and `-->`, where it starts, and its last line. */
export interface CommentRecord {
  text: string;
  line: number;
  column: number;
  endLine: number;
}

/** What a directive comment says. */
export interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Rule ids; empty = every semantic rule. */
  ids: string[];
  reason?: string;
}

const DIRECTIVE = /^\s*vmparams-(disable-next-line|disable|enable)(?=\s|:|$)([^:]*)(?::([\s\S]*))?$/;

/** Parse one comment's text; undefined when it is not a directive (`vmparams-disable-line` is not one). */
export function parseDirective(text: string): Directive | undefined {
  const m = DIRECTIVE.exec(text);
  if (!m) return undefined;
  const ids = m[2]!
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const d: Directive = { kind: m[1] as Directive['kind'], ids };
  const reason = m[3]?.trim();
  if (reason) d.reason = reason;
  return d;
}

/** Wording of the `unused-directive` warnings (style.md §7: messages in tables). */
export const MESSAGES = {
  unused: 'this vmparams-{{kind}} comment suppresses no problem; remove it',
  unusedId: "no '{{id}}' problem to suppress {{where}}; remove '{{id}}' from the comment",
  unknownId: "'{{id}}' is not a rule id{{hint}}, so the comment suppresses nothing for it (see 'vmparams rules')",
  locked: "'{{id}}' problems cannot be suppressed (the server rejects such a document anyway); remove '{{id}}' from the comment",
  unusedEnable: 'this vmparams-enable comment ends no vmparams-disable{{which}}; remove it',
} as const;

type MessageId = keyof typeof MESSAGES;

interface Placed extends Directive {
  line: number;
  column: number;
  endLine: number;
  index: number;
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column < b.column);

/**
 * Apply the directives in `comments` to `problems`: returns the problems no directive covers (in the
 * same order) followed by one `unused-directive` warning per directive, or per id of a directive,
 * that covered nothing. `knownIds` are the semantic rule ids (an id outside it is reported as unknown).
 */
export function applyDirectives(problems: readonly Problem[], comments: readonly CommentRecord[], knownIds: ReadonlySet<string>): Problem[] {
  const directives: Placed[] = [];
  for (const c of comments) {
    const d = parseDirective(c.text);
    if (d) directives.push({ ...d, line: c.line, column: c.column, endLine: c.endLine, index: directives.length });
  }
  if (directives.length === 0) return [...problems];
  const ranges = directives.filter((d) => d.kind !== 'disable-next-line').sort((a, b) => a.line - b.line || a.column - b.column);
  const nextLine = directives.filter((d) => d.kind === 'disable-next-line');
  /** `index:id` (or `index:*` for a directive without ids) of each directive part that covered a problem. */
  const used = new Set<string>();
  const kept: Problem[] = [];
  for (const p of problems) {
    if (LOCKED_RULES.includes(p.rule) || p.rule === UNUSED_DIRECTIVE) {
      kept.push(p);
      continue;
    }
    const by = coveringNextLine(nextLine, p) ?? coveringRange(ranges, p);
    if (by) used.add(by);
    else kept.push(p);
  }
  return [...kept, ...unusedWarnings(directives, ranges, used, knownIds)];
}

/** The `index:id` of a disable-next-line directive for the problem's line and rule. */
function coveringNextLine(directives: readonly Placed[], p: Problem): string | undefined {
  for (const d of directives) {
    if (d.endLine + 1 !== p.line) continue;
    if (d.ids.length === 0) return `${d.index}:*`;
    if (d.ids.includes(p.rule)) return `${d.index}:${p.rule}`;
  }
  return undefined;
}

/**
 * The `index:id` of the disable directive in force at the problem's position (eslint's state
 * machine: a disable of all, then enables of some ids as exceptions; a disable of ids; an enable of
 * all clears everything).
 */
function coveringRange(ranges: readonly Placed[], p: Problem): string | undefined {
  let all: Placed | undefined;
  const byId = new Map<string, Placed>();
  const exceptions = new Set<string>();
  for (const d of ranges) {
    if (!before(d, p)) break;
    if (d.kind === 'disable') {
      if (d.ids.length === 0) {
        all = d;
        byId.clear();
        exceptions.clear();
      } else
        for (const id of d.ids) {
          byId.set(id, d);
          exceptions.delete(id);
        }
    } else if (d.ids.length === 0) {
      all = undefined;
      byId.clear();
      exceptions.clear();
    } else
      for (const id of d.ids) {
        byId.delete(id);
        if (all) exceptions.add(id);
      }
  }
  const d = byId.get(p.rule);
  if (d) return `${d.index}:${p.rule}`;
  if (all && !exceptions.has(p.rule)) return `${all.index}:*`;
  return undefined;
}

/** Which enable directives end an active disable (walking the ranges once in document order). */
function enablesThatEndSomething(ranges: readonly Placed[]): Set<number> {
  const ending = new Set<number>();
  let all = false;
  const ids = new Set<string>();
  for (const d of ranges) {
    if (d.kind === 'disable') {
      if (d.ids.length === 0) all = true;
      else for (const id of d.ids) ids.add(id);
      continue;
    }
    if (d.ids.length === 0) {
      if (all || ids.size > 0) ending.add(d.index);
      all = false;
      ids.clear();
    } else {
      if (all || d.ids.some((id) => ids.has(id))) ending.add(d.index);
      for (const id of d.ids) ids.delete(id);
    }
  }
  return ending;
}

function unusedWarnings(directives: readonly Placed[], ranges: readonly Placed[], used: ReadonlySet<string>, knownIds: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  const warn = (d: Placed, messageId: MessageId, data: Record<string, string>) =>
    out.push({ severity: 'warning', rule: UNUSED_DIRECTIVE, line: d.line, column: d.column, path: '', message: MESSAGES[messageId].replace(/\{\{(\w+)\}\}/g, (_, k: string) => data[k] ?? ''), messageId, data });
  const ending = enablesThatEndSomething(ranges);
  for (const d of directives) {
    if (d.kind === 'enable') {
      if (!ending.has(d.index)) warn(d, 'unusedEnable', { which: d.ids.length ? ` of ${d.ids.map((id) => `'${id}'`).join(', ')}` : '' });
      continue;
    }
    if (d.ids.length === 0) {
      if (!used.has(`${d.index}:*`)) warn(d, 'unused', { kind: d.kind });
      continue;
    }
    for (const id of d.ids) {
      if (LOCKED_RULES.includes(id)) warn(d, 'locked', { id });
      else if (!knownIds.has(id)) {
        const close = closest(id, [...knownIds]);
        warn(d, 'unknownId', { id, hint: close ? ` (did you mean '${close}'?)` : '' });
      } else if (!used.has(`${d.index}:${id}`)) warn(d, 'unusedId', { id, where: d.kind === 'disable-next-line' ? 'on the next line' : 'below it' });
    }
  }
  return out;
}
