/**
 * The runner's dispatch: every rule's listeners by node kind, called from the one walk (walk.ts), with
 * crash containment per rule and the report sink that turns reports into Problems (eslint
 * `lib/linter/safe-emitter.js`, `source-code-traverser.js`). One Dispatcher per document.
 */
import type { ElementParticle } from '../../model/dsl.js';
import type { Kind } from '../../model/roots.js';
import { locate } from '../../xml/positions.js';
import type { Problem, Severity } from '../problem.js';
import type { Data, Listeners, ReportSpec, Rule } from './engine.js';
import type { AttrNode, ElementNode, GenericNode, WalkHandlers } from './walk.js';

type Handler<N> = (node: N) => void;

/** Fill `{{name}}` placeholders from data; unknown placeholders are left visible. */
export function formatMessage(template: string, data: Data = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

type KeyKind = 'Document' | 'Document:exit' | '*' | '*:exit' | 'VmItem' | 'VmItem:exit' | '@*' | '$xml' | 'name' | 'name:exit' | 'bad';
const SPECIAL = new Set<string>(['Document', 'Document:exit', '*', '*:exit', 'VmItem', 'VmItem:exit', '@*', '$xml']);
const keyKinds = new Map<string, KeyKind>();

/** What a listener key names, worked out once per key (listeners are registered for every document). */
function keyKind(key: string): KeyKind {
  let k = keyKinds.get(key);
  if (k === undefined) {
    k = SPECIAL.has(key) ? (key as KeyKind) : /^[A-Za-z_][\w.-]*:exit$/.test(key) ? 'name:exit' : /^[A-Za-z_][\w.-]*$/.test(key) ? 'name' : 'bad';
    keyKinds.set(key, k);
  }
  return k;
}

/** One rule's state during a run. */
export interface RuleRun {
  rule: Rule<string>;
  /** The configured severity, when the caller set one. */
  severity: Severity | undefined;
  problems: Problem[];
  crashed: boolean;
}

/** One listener of one rule. */
export type Entry<N> = { run: RuleRun; fn: Handler<N> };

/** The listeners of every rule, by node kind, and the report sink: one per document. */
export class Dispatcher implements WalkHandlers {
  /** The rule whose check or listener is running (the one `report` belongs to). */
  current: RuleRun | undefined;
  private readonly star: Entry<ElementNode>[] = [];
  private readonly starExit: Entry<ElementNode>[] = [];
  private readonly vmItem: Entry<ElementNode>[] = [];
  private readonly vmItemExit: Entry<ElementNode>[] = [];
  private readonly byName = new Map<string, Entry<ElementNode>[]>();
  private readonly exitByName = new Map<string, Entry<ElementNode>[]>();
  private readonly attrs: Entry<AttrNode>[] = [];
  private readonly generics: Entry<GenericNode>[] = [];
  /** `Document` and `Document:exit` listeners, called by the runner around the walk. */
  readonly documents: Entry<void>[] = [];
  readonly documentExits: Entry<void>[] = [];
  attr: ((node: AttrNode) => void) | null = null;
  generic: ((node: GenericNode) => void) | null = null;

  constructor(private readonly kind: Kind) {}

  /** Register one rule's listeners. Throws on a key that names no node kind (a programming error, caught as rule-crashed). */
  add(run: RuleRun, listeners: Listeners): void {
    for (const key in listeners) {
      const fn = (listeners as Record<string, Handler<never> | undefined>)[key];
      if (!fn) continue;
      const entry = { run, fn: fn as Handler<unknown> };
      const k = keyKind(key);
      if (k === 'Document') this.documents.push(entry);
      else if (k === 'Document:exit') this.documentExits.push(entry);
      else if (k === '*') this.star.push(entry);
      else if (k === '*:exit') this.starExit.push(entry);
      else if (k === 'VmItem') this.vmItem.push(entry);
      else if (k === 'VmItem:exit') this.vmItemExit.push(entry);
      else if (k === '@*') this.attrs.push(entry);
      else if (k === '$xml') this.generics.push(entry);
      else if (k === 'name' || k === 'name:exit') {
        const exit = k === 'name:exit';
        const map = exit ? this.exitByName : this.byName;
        const name = exit ? key.slice(0, -5) : key;
        const list = map.get(name);
        if (list) list.push(entry);
        else map.set(name, [entry]);
      } else throw new Error(`rule ${run.rule.id} listens to "${key}", which is not a node kind`);
    }
    if (this.attrs.length) this.attr = (n) => this.call(this.attrs, n);
    if (this.generics.length) this.generic = (n) => this.call(this.generics, n);
  }

  /** Whether any rule listens to elements, attributes or generic content (else the walk is skipped). */
  get walks(): boolean {
    return this.star.length + this.starExit.length + this.vmItem.length + this.vmItemExit.length + this.byName.size + this.exitByName.size + this.attrs.length + this.generics.length > 0;
  }

  /** Whether a listener wants elements of this particle (a star listener, or one for its local name). */
  wants(p: ElementParticle): boolean {
    return this.star.length > 0 || this.starExit.length > 0 || this.byName.has(p.local) || this.exitByName.has(p.local);
  }

  /** Entering an element: star listeners, then VmItem (for a VM item), then listeners for its local name. */
  enter(node: ElementNode): void {
    if (this.star.length) this.call(this.star, node);
    if (this.vmItem.length && node.up === undefined && node.vm?.node === node.value) this.call(this.vmItem, node);
    const hs = this.byName.get(node.particle.local);
    if (hs) this.call(hs, node);
  }

  /** Leaving an element: the same listeners' :exit forms, in reverse order of kinds. */
  exit(node: ElementNode): void {
    const hs = this.exitByName.get(node.particle.local);
    if (hs) this.call(hs, node);
    if (this.vmItemExit.length && node.up === undefined && node.vm?.node === node.value) this.call(this.vmItemExit, node);
    if (this.starExit.length) this.call(this.starExit, node);
  }

  /** Call each entry whose rule has not crashed, with that rule as the one `report` attributes problems to. */
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
