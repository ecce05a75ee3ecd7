/**
 * Where parsed things came from. A model object remembers only its tree node (a WeakMap keyed by the
 * object, so documents stay plain data: JSON-serializable and deep-equal to built ones); lines,
 * columns and element paths are computed from the node's offsets when a problem is reported.
 */
import type { ComplexDesc, Content } from '../model/dsl.js';
import { NodeKind, type XmlDoc } from './doc.js';

/** A place in a document: 1-based line and column (0 = unknown) and the element path. */
export interface Place {
  line: number;
  column: number;
  /** `/ComposeVAppParams/SourcedItem[2]/InstantiationParams` ([n] only where same-name siblings exist). */
  path: string;
}

/** A place with the source range it covers (offsets into the document text): the start tag, or the attribute. */
export interface Located extends Place {
  start: number;
  end: number;
}

/** Where one parsed object came from: its tree node and the description it was read with. */
export interface NodeInfo {
  doc: XmlDoc;
  node: number;
  desc?: Content;
  /** For objects typed from a hand-built tree (no source text): the place they are reported at. */
  anchor?: Place;
}

/**
 * Kept on the object under a symbol, not enumerable: JSON, spreads, `Object.keys` and deep-equality
 * checks do not see it, so parsed documents stay plain data. (A WeakMap did the same with one
 * ephemeron per model object for the garbage collector to trace: a full validate of the 20 MB bench
 * document took about 10% longer.)
 */
const INFO = Symbol('vmparams.nodeInfo');
/** For the rare object that cannot take a property (frozen or sealed by its caller). */
const sealed = new WeakMap<object, NodeInfo>();
const own = Object.prototype.hasOwnProperty;

/** Record where an object came from (parse; normalize carries it over to its output objects). */
export function setInfo(obj: object, info: NodeInfo): void {
  if (Object.isExtensible(obj)) Object.defineProperty(obj, INFO, { value: info, configurable: true, writable: true, enumerable: false });
  else sealed.set(obj, info);
}

/** The position facts of a parsed object, if it came from parse. */
export function infoOf(obj: object): NodeInfo | undefined {
  return sealed.get(obj) ?? (own.call(obj, INFO) ? (obj as { [INFO]?: NodeInfo })[INFO] : undefined);
}

const UNKNOWN: Located = { line: 0, column: 0, path: '', start: -1, end: -1 };

/** The end of an element's start tag (exclusive). */
function startTagEnd(doc: XmlDoc, n: number): number {
  return doc.heads[n];
}

function elementPlace(info: NodeInfo, n: number): Located {
  const { doc } = info;
  if (info.anchor) return { ...info.anchor, start: -1, end: -1 };
  const start = doc.starts[n];
  const { line, column } = doc.position(start);
  return { line, column, path: doc.path(n), start, end: startTagEnd(doc, n) };
}

/**
 * The child element nodes that hold the model's value for `key` of an object read with `desc`, in
 * order (the same classification as the reader: the first occurrence of a single child, every
 * occurrence of a repeated one, every option of a choice, unknown elements for a choice that keeps them).
 */
function keyNodes(doc: XmlDoc, n: number, desc: ComplexDesc, key: string): number[] {
  const p = desc.children.find((x) => x.key === key);
  if (!p) return [];
  const out: number[] = [];
  const matches = (c: number, ns: string | null, local: string) => doc.ns(c) === ns && doc.local(c) === local;
  const known = (c: number) => desc.children.some((q) => (q.kind === 'choice' ? q.options.some((o) => matches(c, o.ns, o.local)) : matches(c, q.ns, q.local)));
  for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) {
    if (doc.kinds[c] !== NodeKind.Element) continue;
    if (p.kind === 'choice') {
      if (p.options.some((o) => matches(c, o.ns, o.local)) || (p.keepUnknown && !known(c))) out.push(c);
    } else if (matches(c, p.ns, p.local)) {
      out.push(c);
      if (!p.many) break;
    }
  }
  return out;
}

/**
 * Where a parsed object, or one of its children or attributes, is in the source document, with the
 * range it covers. `key` is a child element key (or `@attr`), `index` picks one of a repeated child.
 * Attribute places carry the element's line and column (a directive or a reader looks at the start
 * tag) and the attribute's own range.
 */
export function locate(obj: object | undefined, key?: string, index?: number): Located {
  if (!obj) return UNKNOWN;
  const info = infoOf(obj);
  if (!info) return UNKNOWN;
  const own = elementPlace(info, info.node);
  if (key === undefined) return own;
  const { doc, node, desc } = info;
  if (key.startsWith('@')) {
    const name = key.slice(1);
    const attrs = desc && desc.kind !== 'xml' ? desc.attrs : [];
    const d = attrs.find((a) => a.key === name);
    const a = !info.anchor && d ? doc.findAttr(node, d.ns, d.local) : -1;
    const path = `${own.path}/@${d?.local ?? name}`;
    if (a < 0) return { ...own, path };
    const end = doc.aValueEnds[a] + 1;
    return { ...own, path, start: doc.aNameStarts[a], end };
  }
  if (!desc || desc.kind !== 'complex') return { ...own, path: `${own.path}/${key}` };
  const nodes = keyNodes(doc, node, desc, key);
  const c = nodes[index ?? 0];
  if (c === undefined) return nodes.length ? own : { ...own, path: `${own.path}/${key}` };
  return elementPlace(info, c);
}

/**
 * Where a parsed object, or one of its children or attributes, is in the source document.
 * `key` is a child element key (or `@attr`), `index` picks one of a repeated child.
 */
export function placeOf(obj: object | undefined, key?: string, index?: number): Place {
  const { line, column, path } = locate(obj, key, index);
  return { line, column, path };
}
