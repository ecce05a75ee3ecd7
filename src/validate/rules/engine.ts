/**
 * The rule engine: `defineRule` (metadata plus a check, eslint/typescript-eslint style), the context a
 * check receives (the shared facts of DocView, version verdicts, `report`), and the runner. A check
 * returns listeners keyed by node kind; the runner walks the document once (walk.ts) and calls them
 * (style.md §16; eslint `lib/linter/source-code-traverser.js`). Wording lives in each rule's message
 * table; problems carry `messageId` and `data` (style.md §7-8).
 */
import type { NormalizedDocument, ParsedDocument } from '../../document.js';
import type { Kind } from '../../model/roots.js';
import type { VdcContext } from '../context.js';
import type { Fix, Problem, Severity } from '../problem.js';
import { Dispatcher, type RuleRun } from './dispatch.js';
import { LATEST_API_VERSION, versionFacts, type VersionFacts } from '../versions.js';
import type { NodeTypes } from './model-types.js';
import { DocView, type VmView } from './view.js';
import { walkModel, type AttrNode, type ElementNode, type GenericNode } from './walk.js';

/** Values interpolated into a message (`{{name}}` placeholders). */
export type Data = Record<string, string | number | boolean>;

/** What a rule documents about itself: a one-line description, why it matters and how to fix it. */
export interface RuleDocs {
  /** One line, shown by `vmparams rules` and in the README catalogue. */
  description: string;
  /** Why the server rejects or mis-applies it, with the source (semantic-rules.md), and why it fires on requests the server takes. */
  reason: string;
  /** What to write instead. */
  fix: string;
}

/** One finding as a check reports it: where (a model object, optionally a child key or `@attr`), and what. */
export interface ReportSpec<M extends string> {
  /** A parsed model object (positions come from locate); undefined reports at position 0. */
  node: object | undefined;
  /** A child element key or `@attribute` of `node`. */
  key?: string;
  /** Which occurrence of a repeated child `key`. */
  index?: number;
  messageId: M;
  data?: Data;
  /** Overrides the rule's default severity (rules with E/W variants); a severity the caller configures wins over both. */
  severity?: Severity;
  /** An automatic fix (only for rules declared `fixable`); see fix.ts for the helpers that compute one. */
  fix?: Fix;
}

/** What a check gets: the shared facts of DocView, the target version's verdicts, and `report`. */
export interface RuleContext<M extends string = string> extends DocView {
  /** Version verdicts for the target API version, computed once per particle. */
  readonly versions: VersionFacts;
  report(spec: ReportSpec<M>): void;
}

type Handler<N> = (node: N) => void;
/** A VM item as the `VmItem` listeners get it: its element node, with its VM view. */
export type VmItemNode = ElementNode & { readonly vm: VmView };
type ElementListeners = { [K in keyof NodeTypes]?: Handler<ElementNode<NodeTypes[K]>> } & { [K in keyof NodeTypes as `${K}:exit`]?: Handler<ElementNode<NodeTypes[K]>> };

/**
 * What a check returns: functions keyed by node kind, called during the one walk. An element's local
 * name (`NetworkConnection`; `NetworkConnection:exit` after its children) for that element anywhere,
 * `*` / `*:exit` for every element, `VmItem` / `VmItem:exit` for each VM item (a root-level SourcedItem,
 * CreateItem, ReconfigureItem, InstantiateVmParams or SourcedVmInstantiationParams, with its `vm`),
 * `@*` for every present described attribute, `$xml` for generic content the model keeps without a
 * description (`$any` entries, unknown sections), `Document` / `Document:exit` once before and after
 * the walk.
 */
export type Listeners = ElementListeners & {
  Document?: () => void;
  'Document:exit'?: () => void;
  VmItem?: Handler<VmItemNode>;
  'VmItem:exit'?: Handler<VmItemNode>;
  '*'?: Handler<ElementNode>;
  '*:exit'?: Handler<ElementNode>;
  '@*'?: Handler<AttrNode>;
  $xml?: Handler<GenericNode>;
};

/** A semantic rule: stable id, default severity, docs, messages and the check. */
export interface Rule<M extends string = string> {
  /** `group/name`, also the rule file's path below src/validate/rules/. */
  readonly id: string;
  readonly severity: Severity;
  readonly docs: RuleDocs & { url: string };
  readonly messages: Readonly<Record<M, string>>;
  /** True when the rule runs only with a VDC context (`--context`). */
  readonly needsContext: boolean;
  /** True when some of its problems carry an automatic `fix`. */
  readonly fixable: boolean;
  /**
   * Message ids whose finding the XSD may report too (a missing href, an unprefixed OVF attribute):
   * validate drops such a problem when a schema problem stands on the same element.
   */
  readonly overlapsSchema: readonly string[];
  /** Set up per document and return the listeners; the work happens in them (returning nothing is allowed for document-level checks that report right away). */
  check(ctx: RuleContext<M>): Listeners | void;
}

/**
 * The same listener for each of several element kinds, for rules whose kinds come from the
 * descriptions (every read-only particle, every ReferenceType): `{ ...forElements(names, fn) }`.
 */
export function forElements(names: Iterable<string>, fn: Handler<ElementNode>): Listeners {
  const out: Record<string, Handler<ElementNode>> = {};
  for (const n of names) out[n] = fn;
  return out as Listeners;
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
  fixable?: boolean;
  overlapsSchema?: readonly NoInfer<M>[];
  check(ctx: RuleContext<M>): Listeners | void;
}): Rule<M> {
  return {
    id: def.id,
    severity: def.severity,
    docs: { ...def.docs, url: ruleDocsUrl(def.id) },
    messages: def.messages,
    needsContext: def.needsContext ?? false,
    fixable: def.fixable ?? false,
    overlapsSchema: def.overlapsSchema ?? [],
    check: def.check,
  };
}
/** Options for running rules. */
export interface RunOptions {
  /** Target Cloud Director API version (`33.0`); default: the newest known, see versions.ts LATEST_API_VERSION. */
  apiVersion?: string;
  /** VDC snapshot for the context rules; without it those rules do not run. */
  context?: VdcContext;
  /** `false` runs no rule at all (`--no-lint`); default true. */
  lint?: boolean;
  /**
   * Severity by rule id, as the user configured it (`--rule ID=off|info|warning|error`, config file):
   * `off` rules do not run at all; any other level replaces the rule's severity for all its problems.
   * Ids of rules not in the set are ignored (the caller validates them).
   */
  severities?: Readonly<Record<string, Severity | 'off'>>;
}
/** The one context object of a run: the document's shared facts plus the version verdicts and `report`. */
class EngineContext extends DocView implements RuleContext<string> {
  readonly versions: VersionFacts;
  constructor(
    doc: ParsedDocument,
    opts: RunOptions,
    private readonly sink: Dispatcher,
  ) {
    super(doc, opts);
    this.versions = versionFacts(this.apiVersion);
  }
  report(spec: ReportSpec<string>): void {
    this.sink.report(spec);
  }
}

/**
 * Run some rules over one parsed document: each rule's check registers its listeners, then one walk of
 * the document calls them. A rule that throws becomes one `rule-crashed` warning, never a crash.
 * Problems come out grouped by rule, in the order of `rules`.
 * Throws ApiVersionError (a usage error) when `opts.apiVersion` is not a version number.
 */
export function runRuleSet(rules: readonly Rule<any>[], doc: ParsedDocument | NormalizedDocument, opts: RunOptions = {}): Problem[] {
  if (opts.lint === false) return [];
  versionFacts(opts.apiVersion ?? LATEST_API_VERSION);
  const sink = new Dispatcher(doc.kind);
  // Rules read leaves through decoders that accept raw strings and decoded values alike.
  const ctx = new EngineContext(doc as ParsedDocument, opts, sink);
  const runs: RuleRun[] = [];
  for (const rule of rules as readonly Rule<string>[]) {
    const configured = opts.severities?.[rule.id];
    if (configured === 'off' || (rule.needsContext && !opts.context)) continue;
    const run: RuleRun = { rule, severity: configured, problems: [], crashed: false };
    runs.push(run);
    sink.current = run;
    try {
      const listeners = rule.check(ctx);
      if (listeners) sink.add(run, listeners);
    } catch (e) {
      sink.crash(run, e);
    }
    sink.current = undefined;
  }
  sink.call(sink.documents, undefined);
  if (sink.walks) walkModel(ctx, sink);
  sink.call(sink.documentExits, undefined);
  return runs.flatMap((r) => r.problems);
}

export { formatMessage } from './dispatch.js';
export type { Kind };
export type { AttrNode, ElementNode, GenericNode } from './walk.js';
export type { VmView } from './view.js';
