/**
 * The rule engine: `defineRule` (metadata plus a check, eslint/typescript-eslint style), the context a
 * check receives (the shared facts of DocView, version verdicts, `report`), and the runner. A check
 * returns listeners keyed by node kind; the runner walks the document once (walk.ts) and calls them
 * (style.md §16; eslint `lib/linter/source-code-traverser.js`). Wording lives in each rule's message
 * table; problems carry `messageId` and `data` (style.md §7-8).
 */
import type { NormalizedDocument, ParsedDocument } from '../../document.js';
import type { ElementParticle } from '../../model/dsl.js';
import type { Kind } from '../../model/roots.js';
import { locate } from '../../xml/positions.js';
import type { VdcContext } from '../context.js';
import type { Fix, Problem, Severity } from '../problem.js';
import { LATEST_API_VERSION, versionFacts, type VersionFacts } from '../versions.js';
import type { NodeTypes } from './model-types.js';
import { DocView, type VmView } from './view.js';
import { walkModel, type AttrNode, type ElementNode, type GenericNode, type WalkHandlers } from './walk.js';

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
  /**
   * Severity by rule id, as the user configured it (`--rule ID=off|info|warning|error`, config file):
   * `off` rules do not run at all; any other level replaces the rule's severity for all its problems.
   * Ids of rules not in the set are ignored (the caller validates them).
   */
  severities?: Readonly<Record<string, Severity | 'off'>>;
}

/** One rule's state during a run. */
interface RuleRun {
  rule: Rule<string>;
  /** The configured severity, when the caller set one. */
  severity: Severity | undefined;
  problems: Problem[];
  crashed: boolean;
}

type Entry<N> = { run: RuleRun; fn: Handler<N> };

/** The listeners of every rule, by node kind, and the report sink: one per document. */
class Dispatcher implements WalkHandlers {
  current: RuleRun | undefined;
  private readonly star: Entry<ElementNode>[] = [];
  private readonly starExit: Entry<ElementNode>[] = [];
  private readonly vmItem: Entry<ElementNode>[] = [];
  private readonly vmItemExit: Entry<ElementNode>[] = [];
  private readonly byName = new Map<string, Entry<ElementNode>[]>();
  private readonly exitByName = new Map<string, Entry<ElementNode>[]>();
  private readonly attrs: Entry<AttrNode>[] = [];
  private readonly generics: Entry<GenericNode>[] = [];
  readonly documents: Entry<void>[] = [];
  readonly documentExits: Entry<void>[] = [];
  attr: ((node: AttrNode) => void) | null = null;
  generic: ((node: GenericNode) => void) | null = null;

  constructor(private readonly kind: Kind) {}

  /** Register one rule's listeners. Throws on a key that names no node kind (a programming error, caught as rule-crashed). */
  add(run: RuleRun, listeners: Listeners): void {
    for (const [key, fn] of Object.entries(listeners) as [string, Handler<never> | undefined][]) {
      if (!fn) continue;
      const entry = { run, fn: fn as Handler<unknown> };
      if (key === 'Document') this.documents.push(entry);
      else if (key === 'Document:exit') this.documentExits.push(entry);
      else if (key === '*') this.star.push(entry);
      else if (key === '*:exit') this.starExit.push(entry);
      else if (key === 'VmItem') this.vmItem.push(entry);
      else if (key === 'VmItem:exit') this.vmItemExit.push(entry);
      else if (key === '@*') this.attrs.push(entry);
      else if (key === '$xml') this.generics.push(entry);
      else if (/^[A-Za-z_][\w.-]*(:exit)?$/.test(key)) {
        const exit = key.endsWith(':exit');
        const map = exit ? this.exitByName : this.byName;
        const name = exit ? key.slice(0, -5) : key;
        if (!map.has(name)) map.set(name, []);
        map.get(name)!.push(entry);
      } else throw new Error(`rule ${run.rule.id} listens to "${key}", which is not a node kind`);
    }
    if (this.attrs.length) this.attr = (n) => this.call(this.attrs, n);
    if (this.generics.length) this.generic = (n) => this.call(this.generics, n);
  }

  /** Whether any rule listens to elements, attributes or generic content (else the walk is skipped). */
  get walks(): boolean {
    return this.star.length + this.starExit.length + this.vmItem.length + this.vmItemExit.length + this.byName.size + this.exitByName.size + this.attrs.length + this.generics.length > 0;
  }

  wants(p: ElementParticle): boolean {
    return this.star.length > 0 || this.starExit.length > 0 || this.byName.has(p.local) || this.exitByName.has(p.local);
  }

  enter(node: ElementNode): void {
    if (this.star.length) this.call(this.star, node);
    if (this.vmItem.length && node.up === undefined && node.vm?.node === node.value) this.call(this.vmItem, node);
    const hs = this.byName.get(node.particle.local);
    if (hs) this.call(hs, node);
  }

  exit(node: ElementNode): void {
    const hs = this.exitByName.get(node.particle.local);
    if (hs) this.call(hs, node);
    if (this.vmItemExit.length && node.up === undefined && node.vm?.node === node.value) this.call(this.vmItemExit, node);
    if (this.starExit.length) this.call(this.starExit, node);
  }

  call<N>(entries: Entry<N>[], node: N): void {
    for (const e of entries) {
      if (e.run.crashed) continue;
      this.current = e.run;
      try {
        e.fn(node);
      } catch (err) {
        this.crash(e.run, err);
      }
    }
    this.current = undefined;
  }

  /** A rule that throws becomes one `rule-crashed` warning and stops running; its earlier problems stay. */
  crash(run: RuleRun, e: unknown): void {
    run.crashed = true;
    run.problems.push({
      severity: 'warning',
      rule: run.rule.id,
      line: 0,
      column: 0,
      path: `/${this.kind}`,
      message: `vmparams could not finish the check ${run.rule.id} (${e instanceof Error ? e.message : String(e)}); please report this document`,
      messageId: 'rule-crashed',
      data: {},
    });
  }

  /** Turn a report into a Problem of the rule being run; positions are computed here, only for problems reported. */
  report(spec: ReportSpec<string>): void {
    const run = this.current;
    if (!run) throw new Error('report() called outside a rule check or listener');
    const { rule } = run;
    const template = (rule.messages as Record<string, string>)[spec.messageId];
    if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId ${spec.messageId}`);
    if (spec.fix && !rule.fixable) throw new Error(`rule ${rule.id} reported a fix but is not declared fixable`);
    const place = locate(spec.node, spec.key, spec.index);
    const data = spec.data ?? {};
    const problem: Problem = {
      severity: run.severity ?? spec.severity ?? rule.severity,
      rule: rule.id,
      line: place.line,
      column: place.column,
      path: place.path,
      message: formatMessage(template, data),
      messageId: spec.messageId,
      data,
    };
    if (spec.fix) problem.fix = spec.fix;
    run.problems.push(problem);
  }
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

export type { Kind };
export type { AttrNode, ElementNode, GenericNode } from './walk.js';
export type { VmView } from './view.js';
