/**
 * Where a problem is, as an LSP range: the element's start tag or the attribute (name to closing
 * quote), found in the tree by the problem's path, never by searching the text. LSP positions are
 * 0-based lines and UTF-16 columns (the protocol's default position encoding), which is what the
 * tree's offsets count, since JavaScript strings are UTF-16.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { Problem } from '../validate/problem.js';
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import { LineIndex } from '../xml/lines.js';

/** Tree offsets <-> LSP positions, for an editor text that may start with a byte order mark the tree does not keep. */
export class Positions {
  /** 1 when the editor's text starts with U+FEFF (the reader drops it, so tree offsets are one less). */
  readonly shift: number;
  readonly lines: LineIndex;

  constructor(source: string, shift: number, tree?: XmlDoc) {
    this.shift = shift;
    this.lines = tree ? tree.lines : new LineIndex(source);
  }

  /** The LSP position of a tree offset. */
  position(offset: number): Position {
    const { line, column } = this.lines.at(Math.max(0, offset));
    return { line: line - 1, character: column - 1 + (line === 1 ? this.shift : 0) };
  }

  /** The LSP range of tree offsets [start, end). */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** The tree offset of an LSP position (the inverse of `position`, clamped to the line). */
  offset(p: Position): number {
    return this.lines.offset(p.line + 1, Math.max(0, p.character - (p.line === 0 ? this.shift : 0)) + 1);
  }
}

const pathMaps = new WeakMap<XmlDoc, Map<string, number>>();

/** Every element by its path (XmlDoc.path's form: `[n]` only among same-name siblings), computed once per tree. */
function pathMap(doc: XmlDoc): Map<string, number> {
  let at = pathMaps.get(doc);
  if (at) return at;
  at = new Map();
  if (doc.root >= 0) {
    const stack: [number, string][] = [[doc.root, `/${doc.local(doc.root)}`]];
    while (stack.length) {
      const [n, path] = stack.pop()!;
      at.set(path, n);
      const total = new Map<number, number>();
      for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) if (doc.kinds[c] === NodeKind.Element) total.set(doc.names[c], (total.get(doc.names[c]) ?? 0) + 1);
      const seen = new Map<number, number>();
      for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) {
        if (doc.kinds[c] !== NodeKind.Element) continue;
        const k = (seen.get(doc.names[c]) ?? 0) + 1;
        seen.set(doc.names[c], k);
        stack.push([c, total.get(doc.names[c])! > 1 ? `${path}/${doc.local(c)}[${k}]` : `${path}/${doc.local(c)}`]);
      }
    }
  }
  pathMaps.set(doc, at);
  return at;
}

/** The element a path names, or the nearest ancestor the tree has (a problem about a missing child names the child). */
export function elementAtPath(doc: XmlDoc, path: string): number {
  const at = pathMap(doc);
  for (let p = path; p.length > 1; p = p.slice(0, p.lastIndexOf('/'))) {
    const n = at.get(p);
    if (n !== undefined) return n;
  }
  return -1;
}

/** The start tag of element n: `<` to after `>` (or `/>`). */
export function startTag(doc: XmlDoc, n: number): [number, number] {
  return [doc.starts[n], doc.heads[n]];
}

/** Attribute `name` (as written, or by local name) of element n, or -1. */
export function attributeNamed(doc: XmlDoc, n: number, name: string): number {
  let byLocal = -1;
  const f = doc.attrFirst[n];
  for (let a = f; a < f + doc.attrLen[n]; a++) {
    if (doc.isNamespaceDecl(a)) continue;
    if (doc.attrQName(a) === name) return a;
    if (byLocal < 0 && doc.attrLocal(a) === name) byLocal = a;
  }
  return byLocal;
}

/** An attribute from its name to its closing quote. */
export function attributeSpan(doc: XmlDoc, a: number): [number, number] {
  return [doc.aNameStarts[a], doc.aValueEnds[a] + 1];
}

/** Offsets a problem covers in the tree's text: the attribute, the start tag, or one character at its line and column. */
export function problemSpan(doc: XmlDoc | undefined, lines: LineIndex, p: Problem): [number, number] {
  // Problems that carry their own range (the rules engine's Located) are taken as they are.
  const own = p as Problem & { start?: number; end?: number };
  if (typeof own.start === 'number' && typeof own.end === 'number' && own.start >= 0 && own.end >= own.start) return [own.start, own.end];
  if (doc && p.path.startsWith('/')) {
    const attr = /\/@([^/]+)$/.exec(p.path);
    const n = elementAtPath(doc, attr ? p.path.slice(0, attr.index) : p.path);
    if (n >= 0) {
      const a = attr ? attributeNamed(doc, n, attr[1]) : -1;
      return a >= 0 ? attributeSpan(doc, a) : startTag(doc, n);
    }
  }
  if (p.line <= 0) return doc && doc.root >= 0 ? startTag(doc, doc.root) : [0, 0];
  const start = lines.offset(p.line, Math.max(1, p.column));
  if (doc) {
    // A position without a path (a rule that reports on its node's line): the start tag of the element there.
    let n = doc.nodeAt(start);
    // A comment there is the problem's subject (an unused vmparams-disable directive): all of it.
    if (doc.kinds[n] === NodeKind.Comment && doc.starts[n] === start) return [start, doc.ends[n]];
    while (n > 0 && doc.kinds[n] !== NodeKind.Element) n = doc.parents[n];
    if (n > 0 && doc.starts[n] === start) return startTag(doc, n);
  }
  return [start, start + 1];
}
