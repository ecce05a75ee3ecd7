/**
 * Hover on an element name (start or end tag) or an attribute name: what it is, its type, how often
 * it may occur and the API version that introduced it: the type as the compiled schema resolves it,
 * the rest from the model descriptions.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import { NS } from '../xml/names.js';
import type { Analysis } from './analysis.js';
import { attributeMarkdown, elementMarkdown } from './describe.js';
import { attrFacts, elementFacts, schemaType } from './schema.js';

/** What is under the cursor: an element name (and the span of that name) or an attribute name. */
type Target = { element: number; attr: -1; start: number; end: number } | { element: number; attr: number; start: number; end: number };

/** The element or attribute name at `offset`, if the cursor is on one. */
export function nameAt(doc: XmlDoc, offset: number): Target | undefined {
  const n = doc.nodeAt(offset);
  if (doc.kinds[n] !== NodeKind.Element) return undefined;
  const len = doc.qname(n).length;
  const open = doc.starts[n] + 1;
  if (offset >= open && offset <= open + len) return { element: n, attr: -1, start: open, end: open + len };
  // `</name>`: the end tag starts at the content's end.
  const close = doc.tails[n] + 2;
  if (doc.ends[n] > doc.heads[n] && offset >= close && offset <= close + len && doc.text.startsWith('</', doc.tails[n])) return { element: n, attr: -1, start: close, end: close + len };
  if (offset >= doc.heads[n]) return undefined;
  const f = doc.attrFirst[n];
  for (let a = f; a < f + doc.attrLen[n]; a++) {
    const s = doc.aNameStarts[a];
    const e = s + doc.attrQName(a).length;
    if (offset >= s && offset <= e) return { element: n, attr: a, start: s, end: e };
  }
  return undefined;
}

/** The hover at an LSP position, or null. */
export function hover(analysis: Analysis, position: Position): Hover | null {
  const doc = analysis.tree;
  if (!doc || !analysis.request) return null;
  const target = nameAt(doc, analysis.positions.offset(position));
  if (!target) return null;
  const facts = elementFacts(doc, target.element);
  if (!facts) return null;
  const parent = doc.parents[target.element];
  let value: string;
  if (target.attr < 0) value = elementMarkdown(facts, parent > 0 ? doc.local(parent) : undefined, schemaType(doc, target.element));
  else if (doc.isNamespaceDecl(target.attr)) value = `**${doc.attrQName(target.attr)}**\n\nNamespace declaration: \`${doc.attrValue(target.attr)}\``;
  else {
    const a = attrFacts(doc, facts.content, target.attr);
    const name = doc.attrQName(target.attr);
    if (a) value = attributeMarkdown(name, a, schemaType(doc, target.element, target.attr));
    else if (doc.attrNs(target.attr) === NS.xsi) value = `**@${name}**\n\nXML Schema instance attribute.`;
    else {
      // An OVF attribute written without its prefix is the common mistake (schema-facts.md §0).
      const same = facts.content && facts.content.kind !== 'xml' ? facts.content.attrs.find((d) => d.local === doc.attrLocal(target.attr!)) : undefined;
      const hint = same ? ` Did you mean \`${same.ns === NS.ovf ? 'ovf:' : ''}${same.local}\`?` : '';
      value = `**@${name}**\n\nNot declared on \`${facts.local}\`: kept as written (foreign attributes are allowed where the schema has anyAttribute).${hint}`;
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: analysis.positions.range(target.start, target.end) };
}
