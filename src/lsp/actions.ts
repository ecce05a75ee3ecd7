/**
 * Code actions: "Sort children into schema order" (the formatter's sort of the element at the
 * cursor, or of the element a schema problem is on) and, for each problem in range whose rule
 * carries an automatic fix, that fix as a quick fix.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Range, type TextEdit } from 'vscode-languageserver';
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import type { Analysis } from './analysis.js';
import type { Finding } from './diagnostics.js';
import { sortEdit } from './format.js';

/** The title of the sort action (interface.md). */
export const SORT_TITLE = 'Sort children into schema order';

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
/** Ranges that touch (an empty range at a diagnostic's edge counts). */
export function intersects(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The element at an offset and its ancestors, innermost first. */
function elementsUp(doc: XmlDoc, offset: number): number[] {
  const out: number[] = [];
  for (let n = doc.nodeAt(offset); n > 0; n = doc.parents[n]) if (doc.kinds[n] === NodeKind.Element) out.push(n);
  return out;
}

/** The sort action for the first candidate element whose children are out of order (src/fmt sortChildren). */
function sortAction(analysis: Analysis, uri: string, candidates: number[], related: Finding[]): CodeAction | undefined {
  const tree = analysis.tree!;
  let edit: TextEdit | undefined;
  for (const n of candidates) {
    const s = sortEdit(tree, n);
    if (s) {
      edit = { range: analysis.positions.range(s.start, s.end), newText: s.text };
      break;
    }
  }
  if (!edit) return undefined;
  const action: CodeAction = { title: SORT_TITLE, kind: related.length ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: [edit] } } };
  if (related.length) action.diagnostics = related.map((f) => f.diagnostic);
  return action;
}

/** The code actions for a range of a request document. */
export function codeActions(analysis: Analysis, params: CodeActionParams, findings: Finding[]): CodeAction[] {
  const tree = analysis.tree;
  if (!tree) return [];
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const inRange = findings.filter((f) => intersects(f.diagnostic.range, params.range));
  const out: CodeAction[] = [];
  for (const f of inRange) {
    if (!f.fix || !wants(CodeActionKind.QuickFix)) continue;
    const edits = f.fix.edits.map((e): TextEdit => ({ range: analysis.positions.range(e.start, e.end), newText: e.text }));
    out.push({ title: f.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [f.diagnostic], isPreferred: true, edit: { changes: { [uri]: edits } } });
  }
  if (wants(CodeActionKind.QuickFix) || wants(CodeActionKind.RefactorRewrite)) {
    const schema = inRange.filter((f) => f.diagnostic.code === 'xsd');
    const candidates = elementsUp(tree, analysis.positions.offset(params.range.start));
    // A schema problem is reported on the element whose content is out of order, or on the child out of place.
    for (const f of schema) {
      const at = elementsUp(tree, analysis.positions.offset(f.diagnostic.range.start));
      candidates.push(...at.slice(0, 2));
    }
    const sort = sortAction(analysis, uri, [...new Set(candidates)], schema);
    if (sort && wants(sort.kind!)) out.push(sort);
  }
  return out;
}
