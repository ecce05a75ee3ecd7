/**
 * The rule engine: `defineRule` (metadata plus a check, eslint/typescript-eslint style), the context a
 * check receives (document views, decoders, `report`), and the runner that turns reports into Problems.
 * Wording lives in each rule's message table; problems carry `messageId` and `data` (style.md §7-8).
 */
import type { NormalizedDocument, ParsedDocument } from '../../document.js';
import type { Kind } from '../../model/roots.js';
import { placeOf } from '../../xml/positions.js';
import type { VdcContext } from '../context.js';
import type { Problem, Severity } from '../problem.js';
import { parseApiVersion } from '../versions.js';
import { DocView } from './view.js';

/** Values interpolated into a message (`{{name}}` placeholders). */
export type Data = Record<string, string | number | boolean>;

/** What a rule documents about itself: a one-line description, why it matters and how to fix it. */
export interface RuleDocs {
  /** One line, shown by `vmparams rules` and in the README catalogue. */
  description: string;
  /** Why the server rejects or mis-applies it, with the source (semantic-rules.md). */
  reason: string;
  /** What to write instead. */
  fix: string;
}

/** One finding as a check reports it: where (a model object, optionally a child key or `@attr`), and what. */
export interface ReportSpec<M extends string> {
  /** A parsed model object (positions come from placeOf); undefined reports at position 0. */
  node: object | undefined;
  /** A child element key or `@attribute` of `node`. */
  key?: string;
  /** Which occurrence of a repeated child `key`. */
  index?: number;
  messageId: M;
  data?: Data;
  /** Overrides the rule's default severity (rules with E/W variants). */
  severity?: Severity;
}

/** What a check gets: the document views of DocView plus `report`. */
export interface RuleContext<M extends string = string> extends DocView {
  report(spec: ReportSpec<M>): void;
}

/** A semantic rule: stable id, default severity, docs, messages and the check. */
export interface Rule<M extends string = string> {
  /** `group/name`, also the rule file's path below src/validate/rules/. */
  readonly id: string;
  readonly severity: Severity;
  readonly docs: RuleDocs & { url: string };
  readonly messages: Readonly<Record<M, string>>;
  /** True when the rule runs only with a VDC context (`--context`). */
  readonly needsContext: boolean;
  /**
   * Message ids whose finding the XSD may report too (a missing href, an unprefixed OVF attribute):
   * validate drops such a problem when a schema problem stands on the same element.
   */
  readonly overlapsSchema: readonly string[];
  check(ctx: RuleContext<M>): void;
}

/** Where a rule's documentation lives; derived from the id so it cannot drift. */
export function ruleDocsUrl(id: string): string {
  // The catalogue is the README's "Rules" section (shown on the package page); `vmparams rules <id>` explains one.
  return `https://www.npmjs.com/package/vmparams#rules:~:text=${id}`;
}

/** Declare a rule; message ids are inferred from `messages`, so `report` only accepts those. */
export function defineRule<const M extends string>(def: {
  id: string;
  severity: Severity;
  docs: RuleDocs;
  messages: Record<M, string>;
  needsContext?: boolean;
  overlapsSchema?: readonly NoInfer<M>[];
  check(ctx: RuleContext<M>): void;
}): Rule<M> {
  return {
    id: def.id,
    severity: def.severity,
    docs: { ...def.docs, url: ruleDocsUrl(def.id) },
    messages: def.messages,
    needsContext: def.needsContext ?? false,
    overlapsSchema: def.overlapsSchema ?? [],
    check: def.check,
  };
}

/** Fill `{{name}}` placeholders from data; unknown placeholders are left visible. */
export function formatMessage(template: string, data: Data = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** Options for running rules. */
export interface RunOptions {
  /** Target Cloud Director API version (`33.0`); default: the newest known, see versions.ts LATEST_API_VERSION. */
  apiVersion?: string;
  /** VDC snapshot for the context rules; without it those rules do not run. */
  context?: VdcContext;
  /** `false` runs no rule at all (`--no-lint`); default true. */
  lint?: boolean;
}

/**
 * Run some rules over one parsed document. A rule that throws becomes one `rule-crashed` warning, never a crash.
 * Throws ApiVersionError (a usage error) when `opts.apiVersion` is not a version number.
 */
export function runRuleSet(rules: readonly Rule<any>[], doc: ParsedDocument | NormalizedDocument, opts: RunOptions = {}): Problem[] {
  if (opts.lint === false) return [];
  if (opts.apiVersion !== undefined) parseApiVersion(opts.apiVersion);
  // Rules read leaves through decoders that accept raw strings and decoded values alike.
  const view = new DocView(doc as ParsedDocument, opts);
  const problems: Problem[] = [];
  for (const rule of rules) {
    if (rule.needsContext && !opts.context) continue;
    const ctx = Object.create(view) as RuleContext<string>;
    ctx.report = (spec) => {
      const place = placeOf(spec.node, spec.key, spec.index);
      const template = (rule.messages as Record<string, string>)[spec.messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId ${spec.messageId}`);
      const data = spec.data ?? {};
      problems.push({
        severity: spec.severity ?? rule.severity,
        rule: rule.id,
        line: place.line,
        column: place.column,
        path: place.path,
        message: formatMessage(template, data),
        messageId: spec.messageId,
        data,
      });
    };
    try {
      rule.check(ctx);
    } catch (e) {
      problems.push({
        severity: 'warning',
        rule: rule.id,
        line: 0,
        column: 0,
        path: `/${doc.kind}`,
        message: `vmparams could not finish the check ${rule.id} (${e instanceof Error ? e.message : String(e)}); please report this document`,
        messageId: 'rule-crashed',
        data: {},
      });
    }
  }
  return problems;
}

export type { Kind };
