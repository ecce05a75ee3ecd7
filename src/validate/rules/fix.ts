/**
 * Automatic fixes as data (style.md §7): text edits computed from where a parsed model object came
 * from (src/xml/positions.ts infoOf/locate and the tree of src/xml/doc.ts). Each helper returns
 * undefined when the edit would not be certain: a hand-built document (no source text), markup where
 * plain text is expected, or a name that would clash. Offsets are into the decoded text (XmlDoc.text).
 */
import { NodeKind, type XmlDoc } from '../../xml/doc.js';
import { infoOf, locate } from '../../xml/positions.js';
import type { Fix } from '../problem.js';

/** The tree node of a parsed object (or of its child element `key`), when it came from source text. */
export function sourceNode(obj: object | undefined, key?: string, index?: number): { doc: XmlDoc; node: number } | undefined {
  const info = obj && infoOf(obj);
  if (!info || info.anchor || info.doc.text === '') return undefined;
  const { doc } = info;
  if (key === undefined) return { doc, node: info.node };
  const at = locate(obj, key, index);
  if (at.start < 0) return undefined;
  // locate gives the child's start tag; the element starting there is the child.
  const n = doc.nodeAt(at.start);
  return doc.kinds[n] === NodeKind.Element && doc.starts[n] === at.start && doc.parents[n] === info.node ? { doc, node: n } : undefined;
}

/** Escape a value for a double-quoted attribute. */
function attrValue(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** Replace the text content of the leaf element `key` of `obj` (only when it holds nothing but text). */
export function replaceText(obj: object | undefined, key: string, text: string, title: string): Fix | undefined {
  const el = sourceNode(obj, key);
  if (!el) return undefined;
  const { doc, node } = el;
  // A comment, CDATA section or child element inside makes the edit a guess.
  for (let c = doc.firsts[node]; c !== -1; c = doc.nexts[c]) if (doc.kinds[c] !== NodeKind.Text) return undefined;
  if (doc.heads[node] === doc.ends[node]) return undefined; // <x/>: no content to replace
  return { title, edits: [{ start: doc.heads[node], end: doc.tails[node], text: text.replace(/&/g, '&amp;').replace(/</g, '&lt;') }] };
}

/** Where a new attribute goes in an element's start tag: after its last attribute, else after its name. */
function attrInsertPoint(doc: XmlDoc, node: number): number {
  const n = doc.attrLen[node];
  return n ? doc.aValueEnds[doc.attrFirst[node] + n - 1] + 1 : doc.starts[node] + 1 + doc.qname(node).length;
}

/** Add unqualified attributes to the start tag of `obj`'s element (none of them may be there already). */
export function addAttributes(obj: object | undefined, attrs: ReadonlyArray<readonly [string, string]>, title: string): Fix | undefined {
  const el = sourceNode(obj);
  if (!el) return undefined;
  const { doc, node } = el;
  if (attrs.some(([name]) => doc.findAttr(node, null, name) >= 0)) return undefined;
  const at = attrInsertPoint(doc, node);
  return { title, edits: [{ start: at, end: at, text: attrs.map(([k, v]) => ` ${k}="${attrValue(v)}"`).join('') }] };
}

/**
 * Qualify the unprefixed attribute `local` of `obj`'s element with a prefix bound to `ns` there
 * (`preferred` first). Without such a prefix in scope there is no fix: declaring one per attribute
 * would clash when several fixes on one element are applied together.
 */
export function qualifyAttribute(obj: object | undefined, local: string, ns: string, preferred: string, title: string): Fix | undefined {
  const el = sourceNode(obj);
  if (!el) return undefined;
  const { doc, node } = el;
  const a = doc.findAttr(node, null, local);
  // Renaming onto an attribute that is already there would make the start tag not well-formed.
  if (a < 0 || doc.findAttr(node, ns, local) >= 0) return undefined;
  let prefix: string | undefined = doc.lookupNamespace(node, preferred) === ns ? preferred : undefined;
  if (!prefix) for (const [p, uri] of doc.inScopeNamespaces(node)) if (p !== '' && uri === ns) prefix = p;
  if (!prefix) return undefined;
  return { title, edits: [{ start: doc.aNameStarts[a], end: doc.aNameStarts[a] + doc.attrQName(a).length, text: `${prefix}:${local}` }] };
}

/** Apply a fix's edits to the text they were computed on (for tests and tools). */
export function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
