/**
 * The printer: a read tree + its namespace plan -> the canonical text. Iterative (an explicit stack
 * of open elements), so nesting costs no JavaScript stack. What it writes:
 * - the XML declaration as written (`<?xml version="1.0" encoding="UTF-8"?>` when there is none;
 *   `encoding="UTF-16"` for a UTF-16 document), then comments and PIs before the root, one a line;
 * - element-only content with two-space indentation, children in schema order (order.ts), each
 *   comment with the node it is attached to (attach.ts);
 * - text, CDATA, mixed and `xml:space="preserve"` content, comments and PIs byte for byte;
 * - a start tag on one line when it fits in `printWidth` columns, else one attribute a line
 *   (indented four spaces past the element); namespace declarations first, then the attributes in
 *   the order written, each value as written (in double quotes unless it holds one);
 * - the document's own line ending (CRLF when its first line ends so) and one line end at the end.
 */
import type { Content } from '../model/dsl.js';
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import { attach, Mode, modeOf, xmlSpace } from './attach.js';
import { rootContent, slotOf } from './describe.js';
import type { NsPlan } from './namespaces.js';
import { schemaOrder } from './order.js';

/**
 * Deeper elements are indented like this level: indentation grows with depth on every line, so
 * without a bound a document nested 100,000 deep (--max-depth allows it) would print gigabytes.
 */
export const MAX_INDENT_LEVEL = 64;

/** What the analysis pass found: the mode and the content description of every element fmt writes. */
export interface Analysis {
  modes: Uint8Array;
  contents: (Content | undefined)[];
}

/** Decide every element's mode and description, from the root down (iterative). */
export function analyse(doc: XmlDoc): Analysis {
  const modes = new Uint8Array(doc.count);
  // Pre-sized: a holey array grown by index is slow on large documents.
  const contents = new Array<Content | undefined>(doc.count).fill(undefined);
  contents[doc.root] = rootContent(doc);
  const space = xmlSpace(doc);
  const stack = [doc.root];
  while (stack.length) {
    const n = stack.pop()!;
    const content = contents[n];
    const m = modeOf(doc, n, content, space);
    modes[n] = m;
    if (m !== Mode.Structured) continue;
    for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) {
      if (doc.kinds[c] !== NodeKind.Element) continue;
      contents[c] = content?.kind === 'complex' ? slotOf(doc, content, c)?.content : undefined;
      stack.push(c);
    }
  }
  return { modes, contents };
}

/** The line ending a document uses: that of its first line. */
export function lineEnding(text: string): string {
  const i = text.search(/[\r\n]/);
  if (i < 0 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

/** An attribute value in quotes: double, unless the value as written holds a double quote. */
const quoted = (raw: string) => (raw.includes('"') ? `'${raw}'` : `"${raw}"`);

interface Frame {
  n: number;
  level: number;
  units: { el: number; leading: number[]; trailing: number[] }[];
  i: number;
  tail: number[];
  /** End tag and the comments trailing it. */
  close: string;
}

/** Print the document. */
export function printDocument(doc: XmlDoc, plan: NsPlan, analysis: Analysis, printWidth: number): string {
  const s = doc.text;
  const eol = lineEnding(s);
  const { modes, contents } = analysis;
  const indents: string[] = [''];
  const indent = (level: number): string => {
    const l = Math.min(level, MAX_INDENT_LEVEL);
    return (indents[l] ??= '  '.repeat(l));
  };
  const out: string[] = [];

  const startTag = (n: number, level: number, name: string, close: string): string => {
    if (doc.attrLen[n] === 0 && n !== doc.root) return `<${name}${close}`;
    const attrs: string[] = [];
    for (const [p, raw] of plan.declarations(n)) attrs.push(`${p ? `xmlns:${p}` : 'xmlns'}=${quoted(raw)}`);
    const f = doc.attrFirst[n];
    for (let a = f; a < f + doc.attrLen[n]; a++) if (!doc.isNamespaceDecl(a)) attrs.push(`${plan.attrName(a)}=${quoted(doc.attrRaw(a))}`);
    let width = indent(level).length + 1 + name.length + close.length;
    for (const a of attrs) width += 1 + a.length;
    if (width <= printWidth || attrs.length < 2) return `<${name}${attrs.map((a) => ' ' + a).join('')}${close}`;
    const cont = eol + indent(level) + '    ';
    return `<${name}${attrs.map((a) => cont + a).join('')}${close}`;
  };
  const comments = (ids: number[]) => ids.map((c) => ' ' + doc.raw(c)).join('');
  const stack: Frame[] = [];

  const open = (n: number, level: number, after: string) => {
    const name = plan.elementName(n);
    const m = modes[n];
    if (m === Mode.Empty) {
      out.push(startTag(n, level, name, '/>') + after);
      return;
    }
    if (m === Mode.Raw) {
      out.push(startTag(n, level, name, '>'), s.slice(doc.heads[n], doc.tails[n]), `</${name}>${after}`);
      return;
    }
    const { head, units, tail } = attach(doc, n);
    out.push(startTag(n, level, name, '>') + comments(head));
    stack.push({ n, level, units: schemaOrder(doc, contents[n], units), i: 0, tail, close: `</${name}>${after}` });
  };

  out.push(declaration(doc));
  const prolog: number[] = [];
  const epilog: number[] = [];
  for (let c = doc.firsts[0]; c !== -1; c = doc.nexts[c]) if (c !== doc.root && doc.kinds[c] !== NodeKind.Text) (c < doc.root ? prolog : epilog).push(c);
  for (const c of prolog) out.push(eol + doc.raw(c));
  // Comments after the root on the line of its end tag stay on that line.
  let sameLine = 0;
  for (let from = doc.ends[doc.root]; sameLine < epilog.length && !/[\r\n]/.test(s.slice(from, doc.starts[epilog[sameLine]])); sameLine++) from = doc.ends[epilog[sameLine]];
  out.push(eol);
  open(doc.root, 0, comments(epilog.slice(0, sameLine)));
  while (stack.length) {
    const f = stack[stack.length - 1];
    const ind = indent(f.level + 1);
    if (f.i < f.units.length) {
      const u = f.units[f.i++];
      for (const c of u.leading) out.push(eol + ind + doc.raw(c));
      out.push(eol + ind);
      open(u.el, f.level + 1, comments(u.trailing));
      continue;
    }
    for (const c of f.tail) out.push(eol + ind + doc.raw(c));
    out.push(f.units.length || f.tail.length ? eol + indent(f.level) + f.close : f.close);
    stack.pop();
  }
  for (const c of epilog.slice(sameLine)) out.push(eol + doc.raw(c));
  out.push(eol);
  return out.join('');
}

/** The XML declaration as written, or the one for the document's encoding. */
function declaration(doc: XmlDoc): string {
  if (doc.declaration) return doc.text.slice(doc.declaration.start, doc.declaration.end);
  const name = doc.encoding.name.toUpperCase().startsWith('UTF-16') ? 'UTF-16' : doc.encoding.name;
  return `<?xml version="1.0" encoding="${name}"?>`;
}
