/**
 * The one lossless document tree. Every later stage reads this (the XSD engine, the typed model, the
 * rules, fmt, the language server): nothing parses the text a second time.
 *
 * Nodes are integer ids into parallel typed arrays (struct of arrays): no object per element, so
 * reading a 20 MB document allocates a few arrays instead of millions of objects. Names are interned
 * per document: an element's expanded name is a small integer, so a schema check compares integers.
 * Every node keeps its offsets into `text` (the decoded source, CR kept), so positions are computed
 * on demand and fmt can copy comments, processing instructions, CDATA and text byte for byte.
 */
import type { SourceEncoding } from './decode.js';
import { LineIndex } from './lines.js';

/** Node kinds (`doc.kinds[n]`). */
export const NodeKind = { Document: 0, Element: 1, Text: 2, CData: 3, Comment: 4, PI: 5 } as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

/** Element flags (`doc.flags[n]`). */
export const ElementFlag = { SelfClosing: 1, DeclaresNamespaces: 2 } as const;
/** Text flags (`doc.flags[n]`): only whitespace; has references (&...;); has a CR. */
export const TextFlag = { Whitespace: 1, References: 2, CarriageReturn: 4 } as const;
/** Attribute flags (`doc.aFlags[a]`): a namespace declaration; the value needs decoding (references, TAB/CR/LF). */
export const AttrFlag = { NamespaceDecl: 1, Decode: 2 } as const;

/** The XML declaration as written. */
export interface XmlDeclaration {
  start: number;
  end: number;
  version: string;
  encoding?: string;
  standalone?: string;
}

/** `{ ns, local }` of an interned expanded name (ns null = no namespace). */
export interface ExpandedName {
  ns: string | null;
  local: string;
}

/**
 * A read document. Node 0 is the document node (its children: comments and PIs before and after the
 * root, and the root element). The typed arrays are public for fast loops; treat them as read-only.
 */
export class XmlDoc {
  /** Node count. */
  count = 1;
  /** Attribute count (namespace declarations included). */
  attrCount = 0;
  /** The root element's node id. */
  root = -1;
  declaration: XmlDeclaration | null = null;

  kinds: Uint8Array;
  flags: Uint8Array;
  parents: Int32Array;
  firsts: Int32Array;
  nexts: Int32Array;
  /** Node start: `<` of an element or markup, first character of text. */
  starts: Int32Array;
  /** Node end (exclusive): after the end tag's `>` (or `/>`), after the markup, after the text. */
  ends: Int32Array;
  /** Element: offset after the start tag's `>` (content start). Others: start of the node's value. */
  heads: Int32Array;
  /** Element: offset of `</` (content end; = heads for `<a/>`). Others: end of the node's value. */
  tails: Int32Array;
  /** Element: expanded-name id. PI: target qname id. */
  names: Int32Array;
  /** Element: qname id as written (prefix kept). */
  qnames: Int32Array;
  /** Element: first attribute index; attributes of n are [attrFirst[n], attrFirst[n] + attrLen[n]). */
  attrFirst: Int32Array;
  attrLen: Int32Array;

  /** Attribute: qname id as written (`xmlns:x` for declarations). */
  aQNames: Int32Array;
  /** Attribute: expanded-name id (-1 for namespace declarations). */
  aNames: Int32Array;
  aNameStarts: Int32Array;
  /** Raw value range, inside the quotes. */
  aValueStarts: Int32Array;
  aValueEnds: Int32Array;
  aFlags: Uint8Array;

  /** Interned qnames (as written) and their prefix and local parts. */
  readonly qnameStrings: string[] = [];
  readonly qnamePrefix: string[] = [];
  readonly qnameLocal: string[] = [];
  /** Interned expanded names. */
  readonly exNs: (string | null)[] = [];
  readonly exLocal: string[] = [];

  /** Decoded values that differ from their raw text (references, CR, attribute normalization). */
  readonly decodedText = new Map<number, string>();
  readonly decodedAttr = new Map<number, string>();

  private lineIndex?: LineIndex;
  private readonly exIndex = new Map<string | null, Map<string, number>>();

  constructor(
    /** The decoded document text exactly as read (no BOM; CR and everything else kept). */
    readonly text: string,
    /** How the bytes were encoded. */
    readonly encoding: SourceEncoding,
    nodeCapacity = 64,
    attrCapacity = 64,
  ) {
    const n = Math.max(16, nodeCapacity);
    this.kinds = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.parents = new Int32Array(n);
    this.firsts = new Int32Array(n);
    this.nexts = new Int32Array(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.heads = new Int32Array(n);
    this.tails = new Int32Array(n);
    this.names = new Int32Array(n);
    this.qnames = new Int32Array(n);
    this.attrFirst = new Int32Array(n);
    this.attrLen = new Int32Array(n);
    const a = Math.max(16, attrCapacity);
    this.aQNames = new Int32Array(a);
    this.aNames = new Int32Array(a);
    this.aNameStarts = new Int32Array(a);
    this.aValueStarts = new Int32Array(a);
    this.aValueEnds = new Int32Array(a);
    this.aFlags = new Uint8Array(a);
    this.kinds[0] = NodeKind.Document;
    this.parents[0] = -1;
    this.firsts[0] = -1;
    this.nexts[0] = -1;
    this.ends[0] = text.length;
    this.tails[0] = text.length;
  }

  // -------------------------------------------------------------------------------------------
  // Building (the reader's side)

  /** Append a node under `parent` after its current last child `prev` (-1 when it has none); returns its id. */
  addNode(kind: NodeKind, parent: number, start: number, prev: number): number {
    if (this.count === this.kinds.length) this.growNodes();
    const n = this.count++;
    this.kinds[n] = kind;
    this.parents[n] = parent;
    this.firsts[n] = -1;
    this.nexts[n] = -1;
    this.starts[n] = start;
    if (prev === -1) this.firsts[parent] = n;
    else this.nexts[prev] = n;
    return n;
  }

  /** Append an attribute; returns its index. */
  addAttr(qname: number, name: number, nameStart: number, valueStart: number, valueEnd: number, flags: number): number {
    if (this.attrCount === this.aQNames.length) this.growAttrs();
    const a = this.attrCount++;
    this.aQNames[a] = qname;
    this.aNames[a] = name;
    this.aNameStarts[a] = nameStart;
    this.aValueStarts[a] = valueStart;
    this.aValueEnds[a] = valueEnd;
    this.aFlags[a] = flags;
    return a;
  }

  /** Intern an expanded name (namespace, then local name: no key string is built per name). */
  expanded(ns: string | null, local: string): number {
    let byLocal = this.exIndex.get(ns);
    if (byLocal === undefined) this.exIndex.set(ns, (byLocal = new Map()));
    let id = byLocal.get(local);
    if (id === undefined) {
      id = this.exNs.length;
      this.exNs.push(ns);
      this.exLocal.push(local);
      byLocal.set(local, id);
    }
    return id;
  }

  /** The id of an expanded name if the document uses it, else -1 (for lookups by name). */
  findExpanded(ns: string | null, local: string): number {
    return this.exIndex.get(ns)?.get(local) ?? -1;
  }

  private growNodes(): void {
    const n = this.kinds.length * 2;
    const g8 = (a: Uint8Array) => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.kinds = g8(this.kinds);
    this.flags = g8(this.flags);
    this.parents = g32(this.parents);
    this.firsts = g32(this.firsts);
    this.nexts = g32(this.nexts);
    this.starts = g32(this.starts);
    this.ends = g32(this.ends);
    this.heads = g32(this.heads);
    this.tails = g32(this.tails);
    this.names = g32(this.names);
    this.qnames = g32(this.qnames);
    this.attrFirst = g32(this.attrFirst);
    this.attrLen = g32(this.attrLen);
  }

  private growAttrs(): void {
    const n = this.aQNames.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.aQNames = g32(this.aQNames);
    this.aNames = g32(this.aNames);
    this.aNameStarts = g32(this.aNameStarts);
    this.aValueStarts = g32(this.aValueStarts);
    this.aValueEnds = g32(this.aValueEnds);
    const f = new Uint8Array(n);
    f.set(this.aFlags);
    this.aFlags = f;
  }

  // -------------------------------------------------------------------------------------------
  // Reading: structure

  /** Node kind. */
  kind(n: number): NodeKind {
    return this.kinds[n] as NodeKind;
  }
  /** True for an element node. */
  isElement(n: number): boolean {
    return this.kinds[n] === NodeKind.Element;
  }
  /** Parent id (-1 for the document node). */
  parent(n: number): number {
    return this.parents[n];
  }
  /** First child id, -1 when none. */
  firstChild(n: number): number {
    return this.firsts[n];
  }
  /** Next sibling id, -1 when none. */
  nextSibling(n: number): number {
    return this.nexts[n];
  }
  /** Previous sibling id, -1 when none (a walk over the parent's children). */
  previousSibling(n: number): number {
    const p = this.parents[n];
    if (p < 0) return -1;
    let prev = -1;
    for (let c = this.firsts[p]; c !== -1 && c !== n; c = this.nexts[c]) prev = c;
    return prev;
  }
  /** Child node ids in order. */
  children(n: number): number[] {
    const out: number[] = [];
    for (let c = this.firsts[n]; c !== -1; c = this.nexts[c]) out.push(c);
    return out;
  }
  /** Child element ids in order. */
  elementChildren(n: number): number[] {
    const out: number[] = [];
    for (let c = this.firsts[n]; c !== -1; c = this.nexts[c]) if (this.kinds[c] === NodeKind.Element) out.push(c);
    return out;
  }
  /** Element nesting depth (root = 1). */
  depth(n: number): number {
    let d = 0;
    for (let p = n; p > 0; p = this.parents[p]) d++;
    return d;
  }

  // -------------------------------------------------------------------------------------------
  // Reading: names

  /** Namespace URI of an element (null = none). */
  ns(n: number): string | null {
    return this.exNs[this.names[n]];
  }
  /** Local name of an element. */
  local(n: number): string {
    return this.exLocal[this.names[n]];
  }
  /** Prefix an element was written with ('' for none). */
  prefix(n: number): string {
    return this.qnamePrefix[this.qnames[n]];
  }
  /** Element name as written (`ovf:Info`). */
  qname(n: number): string {
    return this.qnameStrings[this.qnames[n]];
  }
  /** Target of a processing instruction. */
  piTarget(n: number): string {
    return this.qnameStrings[this.names[n]];
  }

  // -------------------------------------------------------------------------------------------
  // Reading: attributes

  /** Attribute indexes of an element, namespace declarations included (check `isNamespaceDecl`). */
  attrs(n: number): number[] {
    const out: number[] = [];
    const f = this.attrFirst[n];
    for (let a = f; a < f + this.attrLen[n]; a++) out.push(a);
    return out;
  }
  /** True when attribute a is `xmlns` or `xmlns:p`. */
  isNamespaceDecl(a: number): boolean {
    return (this.aFlags[a] & AttrFlag.NamespaceDecl) !== 0;
  }
  /** Attribute namespace (null for unprefixed attributes). */
  attrNs(a: number): string | null {
    return this.exNs[this.aNames[a]];
  }
  /** Attribute local name (for a declaration `xmlns:p`: `p`; for `xmlns`: ''). */
  attrLocal(a: number): string {
    if (this.aFlags[a] & AttrFlag.NamespaceDecl) {
      const q = this.qnameStrings[this.aQNames[a]];
      return q === 'xmlns' ? '' : q.slice(6);
    }
    return this.exLocal[this.aNames[a]];
  }
  /** Attribute prefix as written. */
  attrPrefix(a: number): string {
    return this.qnamePrefix[this.aQNames[a]];
  }
  /** Attribute name as written. */
  attrQName(a: number): string {
    return this.qnameStrings[this.aQNames[a]];
  }
  /** Attribute value after XML attribute-value normalization (references decoded, TAB/CR/LF as spaces). */
  attrValue(a: number): string {
    if (this.aFlags[a] & AttrFlag.Decode) return this.decodedAttr.get(a)!;
    return this.text.slice(this.aValueStarts[a], this.aValueEnds[a]);
  }
  /** Attribute value exactly as written between the quotes. */
  attrRaw(a: number): string {
    return this.text.slice(this.aValueStarts[a], this.aValueEnds[a]);
  }
  /** The quote character an attribute was written with. */
  attrQuote(a: number): '"' | "'" {
    return this.text[this.aValueStarts[a] - 1] as '"' | "'";
  }
  /** Index of the attribute `{ns}local` on element n, or -1. */
  findAttr(n: number, ns: string | null, local: string): number {
    const id = this.findExpanded(ns, local);
    if (id < 0) return -1;
    const f = this.attrFirst[n];
    for (let a = f; a < f + this.attrLen[n]; a++) if (this.aNames[a] === id) return a;
    return -1;
  }
  /** Value of attribute `{ns}local` (ns null = unqualified) on element n. */
  attr(n: number, local: string, ns: string | null = null): string | undefined {
    const a = this.findAttr(n, ns, local);
    return a < 0 ? undefined : this.attrValue(a);
  }

  // -------------------------------------------------------------------------------------------
  // Reading: namespaces

  /** Namespace declarations written on element n: [prefix ('' = default), uri ('' = undeclared default)]. */
  namespaceDecls(n: number): [string, string][] {
    const out: [string, string][] = [];
    if (!(this.flags[n] & ElementFlag.DeclaresNamespaces)) return out;
    const f = this.attrFirst[n];
    for (let a = f; a < f + this.attrLen[n]; a++) if (this.aFlags[a] & AttrFlag.NamespaceDecl) out.push([this.attrLocal(a), this.attrValue(a)]);
    return out;
  }
  /** The namespace a prefix means at element n: a URI, null (default namespace undeclared), undefined (prefix not declared). */
  lookupNamespace(n: number, prefix: string): string | null | undefined {
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    for (let e = n; e > 0; e = this.parents[e]) {
      if (!(this.flags[e] & ElementFlag.DeclaresNamespaces)) continue;
      const f = this.attrFirst[e];
      for (let a = f; a < f + this.attrLen[e]; a++) {
        if (!(this.aFlags[a] & AttrFlag.NamespaceDecl) || this.attrLocal(a) !== prefix) continue;
        const v = this.attrValue(a);
        return v === '' ? null : v;
      }
    }
    return prefix === '' ? null : undefined;
  }
  /** Every binding in scope at element n (nearest wins), as prefix -> uri. */
  inScopeNamespaces(n: number): Map<string, string> {
    const out = new Map<string, string>();
    for (let e = n; e > 0; e = this.parents[e]) for (const [p, u] of this.namespaceDecls(e)) if (!out.has(p)) out.set(p, u);
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Reading: values

  /** Text: decoded characters (references resolved, line ends as LF). CDATA: its content. Comment: the text between `<!--` and `-->`. PI: its data. */
  value(n: number): string {
    const k = this.kinds[n];
    if (k === NodeKind.Text) {
      const d = this.decodedText.get(n);
      if (d !== undefined) return d;
    } else if (k === NodeKind.CData && this.flags[n] & TextFlag.CarriageReturn) return this.text.slice(this.heads[n], this.tails[n]).replace(/\r\n?/g, '\n');
    return this.text.slice(this.heads[n], this.tails[n]);
  }
  /** The node's source text, markup included. */
  raw(n: number): string {
    return this.text.slice(this.starts[n], this.ends[n]);
  }
  /** Text node (or CDATA) made only of XML whitespace. */
  isWhitespace(n: number): boolean {
    return (this.flags[n] & TextFlag.Whitespace) !== 0;
  }
  /** Concatenated text and CDATA children of an element (not descendants). */
  textContent(n: number): string {
    let c = this.firsts[n];
    if (c === -1) return '';
    if (this.nexts[c] === -1) {
      const k = this.kinds[c];
      return k === NodeKind.Text || k === NodeKind.CData ? this.value(c) : '';
    }
    let s = '';
    for (; c !== -1; c = this.nexts[c]) {
      const k = this.kinds[c];
      if (k === NodeKind.Text || k === NodeKind.CData) s += this.value(c);
    }
    return s;
  }
  /** True when element n has element children. */
  hasElementChildren(n: number): boolean {
    for (let c = this.firsts[n]; c !== -1; c = this.nexts[c]) if (this.kinds[c] === NodeKind.Element) return true;
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Positions

  /** Line starts, computed on first use. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }
  /** 1-based line and column (UTF-16 units) of an offset. */
  position(offset: number): { line: number; column: number } {
    return this.lines.at(offset);
  }
  /** The innermost node (element, text, comment...) whose range contains `offset`. */
  nodeAt(offset: number): number {
    let n = 0;
    for (;;) {
      let next = -1;
      for (let c = this.firsts[n]; c !== -1; c = this.nexts[c]) {
        if (this.starts[c] <= offset && offset < this.ends[c]) {
          next = c;
          break;
        }
        if (this.starts[c] > offset) break;
      }
      if (next === -1) return n;
      n = next;
    }
  }
  /**
   * Element path the way validate reports it: local names from the root, `[n]` only where the parent
   * has several children of that name (counted per namespace and name), e.g.
   * `/ComposeVAppParams/SourcedItem[2]/InstantiationParams`.
   */
  path(n: number): string {
    const parts: string[] = [];
    for (let e = n; e > 0; e = this.parents[e]) if (this.kinds[e] === NodeKind.Element) parts.push(this.step(e));
    return '/' + parts.reverse().join('/');
  }

  /** Path steps of element children, per parent, computed for all siblings at once on first use. */
  private readonly steps = new Map<number, string>();

  private step(e: number): string {
    let label = this.steps.get(e);
    if (label !== undefined) return label;
    const p = this.parents[e];
    if (p <= 0) {
      label = this.local(e);
      this.steps.set(e, label);
      return label;
    }
    const total = new Map<number, number>();
    for (let c = this.firsts[p]; c !== -1; c = this.nexts[c]) if (this.kinds[c] === NodeKind.Element) total.set(this.names[c], (total.get(this.names[c]) ?? 0) + 1);
    const seen = new Map<number, number>();
    for (let c = this.firsts[p]; c !== -1; c = this.nexts[c]) {
      if (this.kinds[c] !== NodeKind.Element) continue;
      const name = this.names[c];
      const k = (seen.get(name) ?? 0) + 1;
      seen.set(name, k);
      this.steps.set(c, total.get(name)! > 1 ? `${this.local(c)}[${k}]` : this.local(c));
    }
    return this.steps.get(e)!;
  }

}
