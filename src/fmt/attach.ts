/**
 * How fmt sees an element's content, and where its comments belong (style.md §19, after prettier's
 * src/main/comments/attach.js): a comment or processing instruction between child elements is
 * attached to a node when the text is read, and is printed with that node wherever it moves.
 *
 * - on the same line as the previous child's end: a trailing comment of that child;
 * - on the same line as the parent's start tag, before any child: a head comment of the parent;
 * - on its own line(s) before a child: a leading comment of that child;
 * - after the last child: a dangling comment at the end of the parent.
 */
import type { Content } from '../model/dsl.js';
import { NodeKind, type XmlDoc } from '../xml/doc.js';

/** How an element's content is written. */
export const Mode = {
  /** Inside content copied as read (not visited). */
  Inside: 0,
  /** No content: written `<a/>`. */
  Empty: 1,
  /** Text, CDATA, mixed content, `xml:space="preserve"`: the content is copied byte for byte. */
  Raw: 2,
  /** Element-only content: children in schema order, two-space indentation. */
  Structured: 3,
} as const;
/** One of the Mode values. */
export type Mode = (typeof Mode)[keyof typeof Mode];

/** A child element with the comments that move with it. */
export interface Unit {
  el: number;
  /** Comments and PIs on their own lines before the element. */
  leading: number[];
  /** Comments and PIs after the element's end, on the same line. */
  trailing: number[];
}

/** Element-only content split into attached pieces. */
export interface Attached {
  /** Comments on the start tag's line, before any child. */
  head: number[];
  units: Unit[];
  /** Comments after the last child element. */
  tail: number[];
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The expanded-name id of `xml:space` in this document, -1 when it never appears (modeOf's fast path). */
export function xmlSpace(doc: XmlDoc): number {
  return doc.findExpanded(XML_NS, 'space');
}

/** True when `s[from, to)` holds a line break. */
function hasBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * The mode of element `n`. Whitespace between child elements is indentation only where the content
 * is element-only: any text that is not whitespace, any CDATA section or `xml:space="preserve"`
 * makes the content significant as written (XML 1.0 §2.10), so it is copied, never re-indented.
 * Whitespace alone, or comments alone, are formatting where the description says the element has
 * element content, and a value otherwise (`<Description> </Description>` keeps its space).
 */
export function modeOf(doc: XmlDoc, n: number, content: Content | undefined, space = xmlSpace(doc)): Mode {
  let c = doc.firsts[n];
  if (c === -1) return Mode.Empty;
  if (space >= 0 && doc.attrLen[n] > 0) {
    const f = doc.attrFirst[n];
    for (let a = f; a < f + doc.attrLen[n]; a++) if (doc.aNames[a] === space && doc.attrValue(a) === 'preserve') return Mode.Raw;
  }
  let elements = false;
  let markup = false;
  for (; c !== -1; c = doc.nexts[c]) {
    const k = doc.kinds[c];
    if (k === NodeKind.Element) elements = true;
    else if (k === NodeKind.CData) return Mode.Raw;
    else if (k === NodeKind.Text) {
      if (!doc.isWhitespace(c)) return Mode.Raw;
    } else markup = true;
  }
  if (elements) return Mode.Structured;
  if (content?.kind !== 'complex') return Mode.Raw;
  return markup ? Mode.Structured : Mode.Empty;
}

/** Attach the comments and PIs of an element-only content to its children (document order). */
export function attach(doc: XmlDoc, n: number): Attached {
  const s = doc.text;
  const head: number[] = [];
  const units: Unit[] = [];
  let pending: number[] = [];
  let last: Unit | undefined;
  // Where the line that a comment would continue started: the start tag's end, or the last child's end (or its last trailing comment's).
  let lineFrom = doc.heads[n];
  for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) {
    const k = doc.kinds[c];
    if (k === NodeKind.Text) continue;
    if (k === NodeKind.Element) {
      last = { el: c, leading: pending, trailing: [] };
      pending = [];
      units.push(last);
      lineFrom = doc.ends[c];
      continue;
    }
    const sameLine = lineFrom >= 0 && !hasBreak(s, lineFrom, doc.starts[c]);
    if (sameLine && last) {
      last.trailing.push(c);
      lineFrom = doc.ends[c];
    } else if (sameLine && units.length === 0 && pending.length === 0) {
      head.push(c);
      lineFrom = doc.ends[c];
    } else {
      pending.push(c);
      // A comment on its own line ends any trailing run: what follows on its line is leading too.
      lineFrom = -1;
    }
  }
  return { head, units, tail: pending };
}
