/**
 * Completion of element names: inside an element's content, the children its description allows
 * at the cursor (after the siblings before it, before the ones after it), in schema order, each
 * with its documentation. Works while the user types `<Na` (which makes the text not well-formed)
 * by reading the text with that partial name blanked out.
 */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type TextEdit } from 'vscode-languageserver';
import { CONVENTIONAL_PREFIX, NS } from '../xml/names.js';
import { ElementFlag, NodeKind, type XmlDoc } from '../xml/doc.js';
import { analyseSource, withoutPartialTag, type Analysis } from './analysis.js';
import { detailOf, elementMarkdown } from './describe.js';
import { allowedChildren, complexOf, siblingsAround, type Slot } from './schema.js';

/** What the client can do with completion items. */
export interface CompletionOptions {
  /** The client takes snippets (`$0` for the cursor). */
  snippets: boolean;
}

/** The element whose content `offset` is in (between its children), or -1 (inside a tag, a comment, outside the root). */
export function containerAt(doc: XmlDoc, offset: number): number {
  const n = doc.nodeAt(offset);
  const k = doc.kinds[n];
  if (k === NodeKind.Element) {
    if (offset === doc.starts[n]) return doc.parents[n] > 0 ? doc.parents[n] : -1;
    return offset >= doc.heads[n] && offset <= doc.tails[n] && !(doc.flags[n] & ElementFlag.SelfClosing) ? n : -1;
  }
  if (k === NodeKind.Text) return doc.parents[n] > 0 ? doc.parents[n] : -1;
  return -1;
}

/** The prefix that names `ns` at element n, or how to declare one on the root when none does. */
function prefixFor(doc: XmlDoc, n: number, ns: string): { prefix: string; declare?: string } {
  const scope = doc.inScopeNamespaces(n);
  if (scope.get('') === ns) return { prefix: '' };
  for (const [p, u] of scope) if (u === ns && p !== '') return { prefix: p };
  let prefix = CONVENTIONAL_PREFIX[ns] || 'vcloud';
  for (let i = 1; scope.has(prefix); i++) prefix = `${CONVENTIONAL_PREFIX[ns] || 'vcloud'}${i}`;
  return { prefix, declare: ` xmlns:${prefix}="${ns}"` };
}

/** Where a namespace declaration goes on the root start tag: before its `>` or `/>`. */
function rootDeclarationOffset(doc: XmlDoc): number {
  return doc.heads[doc.root] - (doc.flags[doc.root] & ElementFlag.SelfClosing ? 2 : 1);
}

/** Attributes an element must have, for the snippet (`network="$1"`). */
function requiredAttrs(slot: Slot): string[] {
  const c = slot.particle.content;
  if (c.kind === 'xml') return [];
  return c.attrs.filter((a) => a.required).map((a) => (a.ns === NS.ovf ? `ovf:${a.local}` : a.local));
}

/** The completion items at an LSP position. */
export function complete(analysis: Analysis, position: Position, opts: CompletionOptions): CompletionItem[] {
  const offset = analysis.positions.offset(position);
  const partial = withoutPartialTag(analysis.source, offset);
  let tree = analysis.tree;
  if (partial && !tree) tree = analyseSource(partial.text, analysis.positions.shift).tree;
  if (!tree || !analysis.request) return [];
  const parent = containerAt(tree, partial ? partial.start : offset);
  if (parent < 0) return [];
  const desc = complexOf(tree, parent);
  if (!desc) return [];
  const { before, after } = siblingsAround(tree, parent, partial ? partial.start : offset);
  const from = partial ? partial.start : offset;
  const range = analysis.positions.range(from, offset);
  const parentLocal = tree.local(parent);
  return allowedChildren(tree, desc, parent, before, after).map((allowed, i): CompletionItem => {
    const { prefix, declare } = prefixFor(tree, parent, allowed.ns ?? '');
    const qname = prefix ? `${prefix}:${allowed.local}` : allowed.local;
    const slot = allowed.slot;
    if (!slot) {
      // Allowed by the schema (a wildcard, or an element the descriptions keep as generic content).
      const item: CompletionItem = { label: qname, kind: CompletionItemKind.Property, detail: 'allowed by the schema', sortText: String(i).padStart(4, '0'), filterText: `<${qname}`, textEdit: { range, newText: `<${qname}></${qname}>` } };
      if (allowed.doc) item.documentation = { kind: MarkupKind.Markdown, value: allowed.doc };
      return item;
    }
    const p = slot.particle;
    const attrs = requiredAttrs(slot);
    const empty = p.content.kind === 'complex' && p.content.children.length === 0;
    let text: string;
    if (opts.snippets) {
      const attrText = attrs.map((a, j) => ` ${a}="$${j + 1}"`).join('');
      text = empty ? `<${qname}${attrText}/>$0` : `<${qname}${attrText}>$0</${qname}>`;
    } else text = empty ? `<${qname}${attrs.map((a) => ` ${a}=""`).join('')}/>` : `<${qname}${attrs.map((a) => ` ${a}=""`).join('')}></${qname}>`;
    const textEdit: TextEdit = { range, newText: text };
    const item: CompletionItem = {
      label: qname,
      kind: CompletionItemKind.Property,
      detail: detailOf(p, slot.choice !== undefined),
      documentation: { kind: MarkupKind.Markdown, value: elementMarkdown({ ns: p.ns, local: p.local, particle: p, choice: slot.choice, content: p.content }, parentLocal) },
      // Schema order, whatever the client's own sorting.
      sortText: String(i).padStart(4, '0'),
      filterText: `<${qname}`,
      textEdit,
      insertTextFormat: opts.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (p.deprecated || p.removed) item.tags = [CompletionItemTag.Deprecated];
    if (declare) {
      const at = rootDeclarationOffset(tree);
      item.additionalTextEdits = [{ range: analysis.positions.range(at, at), newText: declare }];
    }
    return item;
  });
}
