/**
 * The state of one validation: the document, the schema, the document-name -> schema-symbol table
 * (computed once per distinct name), the problems found, the ID table, and the per-node types that
 * identity constraints read back. Problems are made only here, so positions and paths are computed
 * only for documents that have them.
 */
import type { Problem } from '../../validate/problem.js';
import type { XmlDoc } from '../../xml/doc.js';
import type { RtSchema } from '../compiled.js';
import type { SchemaHints } from '../hints.js';
import { format, typeDetail, type XsdMessageId } from '../messages.js';
import type { NsContext } from '../simple.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Namespace lookup at a settable element, so QName values need no allocation. */
export class NodeNs implements NsContext {
  node = 0;
  constructor(private readonly doc: XmlDoc) {}
  lookup(prefix: string): string | null | undefined {
    return this.doc.lookupNamespace(this.node, prefix);
  }
}

/** The name table of the last finished run, reused by the next. */
let spare: Int32Array | null = null;

const bySchema = new WeakMap<RtSchema, Map<string, number>[]>();

/** Per namespace id, local name -> symbol (built once per schema). */
function symbolsByNamespace(rt: RtSchema): Map<string, number>[] {
  let m = bySchema.get(rt);
  if (!m) {
    m = rt.ns.map(() => new Map<string, number>());
    for (let s = 0; s < rt.symLocal.length; s++) m[rt.symNs[s]].set(rt.symLocal[s], s);
    bySchema.set(rt, m);
  }
  return m;
}

/** Options of a validation. */
export interface RunOptions {
  hints?: SchemaHints;
  /** Stop collecting after this many problems (default 1000). */
  maxProblems?: number;
}

/** One validation in progress. */
export class Run {
  readonly problems: Problem[] = [];
  /**
   * Doc expanded-name id n -> schema symbol at [2n] and schema namespace id at [2n + 1]
   * (-2 = not looked up yet, -1 = not in the schema). Reused between runs (validation is synchronous).
   */
  private readonly names: Int32Array;
  /** Per namespace id: local name -> symbol. */
  private readonly byNs: Map<string, number>[];
  readonly ns: NodeNs;
  readonly hints: SchemaHints;
  private readonly max: number;
  /** ID value -> element node. */
  ids: Map<string, number> | null = null;
  /** IDREF values to check at the end: [value, node]. */
  idrefs: [string, number][] | null = null;
  /** Per node: the type id it was validated with (-1 none); only when the schema has identity constraints. */
  readonly nodeType: Int32Array | null;
  /** Per attribute: the simple type index it was validated with (-1 none). */
  readonly attrType: Int32Array | null;
  /** Elements whose value came from a default (identity constraints read it). */
  defaults: Map<number, string> | null = null;
  /** Document name ids of xsi:type and xsi:nil (-1 when the document never uses them). */
  readonly xsiTypeName: number;
  readonly xsiNilName: number;

  constructor(
    readonly rt: RtSchema,
    readonly doc: XmlDoc,
    opts: RunOptions = {},
  ) {
    const n = 2 * doc.exNs.length;
    this.names = spare && spare.length >= n ? spare : new Int32Array(Math.max(n, 256));
    spare = null;
    this.names.fill(-2, 0, n);
    this.byNs = symbolsByNamespace(rt);
    this.ns = new NodeNs(doc);
    this.hints = opts.hints ?? {};
    this.max = opts.maxProblems ?? 1000;
    this.xsiTypeName = doc.findExpanded(XSI, 'type');
    this.xsiNilName = doc.findExpanded(XSI, 'nil');
    if (rt.idcs.length) {
      this.nodeType = new Int32Array(doc.count).fill(-1);
      this.attrType = new Int32Array(doc.attrCount).fill(-1);
    } else {
      this.nodeType = null;
      this.attrType = null;
    }
  }

  /** Schema symbol of a document expanded name. */
  sym(name: number): number {
    let s = this.names[2 * name];
    if (s === -2) {
      const ns = this.nsOf(name);
      s = ns < 0 ? -1 : (this.byNs[ns].get(this.doc.exLocal[name]) ?? -1);
      this.names[2 * name] = s;
    }
    return s;
  }

  /** Schema namespace id of a document expanded name. */
  nsOf(name: number): number {
    let s = this.names[2 * name + 1];
    if (s === -2) {
      s = this.rt.nsIndex.get(this.doc.exNs[name]) ?? -1;
      this.names[2 * name + 1] = s;
    }
    return s;
  }

  /** Hand the name table back for the next run. */
  release(): void {
    spare = this.names;
  }

  /** Index of the attribute with document name id `name` on `node`, or -1. */
  attrNamed(node: number, name: number): number {
    if (name < 0) return -1;
    const doc = this.doc;
    const f = doc.attrFirst[node];
    const e = f + doc.attrLen[node];
    for (let a = f; a < e; a++) if (doc.aNames[a] === name) return a;
    return -1;
  }

  /** True once the problem limit is reached. */
  get full(): boolean {
    return this.problems.length >= this.max;
  }

  /** Report a problem at an element (its start tag). */
  report(node: number, id: XsdMessageId, data: Record<string, string | number | boolean>): void {
    this.at(this.doc.starts[node], node, id, data);
  }

  /** Report a problem at an attribute of an element. */
  reportAttr(node: number, attr: number, id: XsdMessageId, data: Record<string, string | number | boolean>): void {
    this.at(this.doc.aNameStarts[attr], node, id, data);
  }

  /** Report a problem with a finished text (a host hint). */
  reportText(node: number, messageId: string, message: string, data: Record<string, string | number | boolean>): void {
    if (this.full) return;
    const { line, column } = this.doc.position(this.doc.starts[node]);
    this.problems.push({ severity: 'error', rule: 'xsd', line, column, path: this.doc.path(node), message, messageId, data });
  }

  private at(offset: number, node: number, id: XsdMessageId, data: Record<string, string | number | boolean>): void {
    if (this.full) return;
    const { line, column } = this.doc.position(offset);
    this.problems.push({ severity: 'error', rule: 'xsd', line, column, path: this.doc.path(node), message: format(id, data), messageId: id, data });
  }

  /** The text of a failed simple-type check. */
  typeText(messageId: string, data: Record<string, string | number>): string {
    return typeDetail(messageId, data);
  }

  /** How an element is named in messages: its local name. */
  elementName(node: number): string {
    return this.doc.local(node);
  }

  /** Namespace label for messages: a host label, else the URI ('no namespace' for none). */
  nsText(ns: string | null): string {
    const label = this.hints.nsLabel?.(ns);
    if (label) return label;
    return ns === null ? 'no namespace' : ns;
  }

  /** "the vcloud namespace (uri)" / "namespace uri" / "no namespace", for namespace mistakes. */
  nsFull(ns: string | null): string {
    if (ns === null) return 'no namespace';
    const label = this.hints.nsLabel?.(ns);
    return label ? `the ${label} namespace (${ns})` : `namespace ${ns}`;
  }
}
