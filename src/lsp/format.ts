/**
 * Formatting: the `fmt` result as one edit over the whole document (interface.md), and the
 * formatter's schema-order sort of one element's children for the code action.
 */
import type { TextEdit } from 'vscode-languageserver';
import { build, documentFrom, UnknownDocumentError } from '../document.js';
import type { XmlDoc } from '../xml/doc.js';
import { XmlInputError } from '../xml/errors.js';
import type { Analysis } from './analysis.js';

/** The parts of src/fmt (issue 11, the lossless formatter) the server uses. */
interface Formatter {
  format(input: XmlDoc, opts?: { printWidth?: number }): { text: string; changed: boolean };
  sortChildren(doc: XmlDoc, n: number): { start: number; end: number; text: string } | null;
}

let formatter: Formatter | null | undefined;

/**
 * The lossless formatter when this build has it. Until src/fmt is on main, `fmt` is build(parse(x))
 * (src/cli/commands/fmt.ts), which the fallback below reproduces.
 */
export async function loadFormatter(): Promise<Formatter | null> {
  if (formatter !== undefined) return formatter;
  const spec = '../fmt/index.js';
  try {
    formatter = (await import(spec)) as Formatter;
  } catch {
    formatter = null;
  }
  return formatter;
}

/** The formatted text of a request document, or undefined when it cannot be formatted (not a request in the vCloud namespace). */
export async function formattedText(tree: XmlDoc): Promise<string | undefined> {
  const f = await loadFormatter();
  try {
    if (f) return f.format(tree).text;
    const xml = build(documentFrom(tree));
    return xml.endsWith('\n') ? xml : xml + '\n';
  } catch (e) {
    if (e instanceof UnknownDocumentError || e instanceof XmlInputError) return undefined;
    throw e;
  }
}

/** The edits of `textDocument/formatting`: one edit for the whole text, none when already formatted, null when not formattable. */
export async function formatEdits(analysis: Analysis): Promise<TextEdit[] | null> {
  if (!analysis.tree || !analysis.request) return null;
  const text = await formattedText(analysis.tree);
  if (text === undefined) return null;
  if (text === analysis.source) return [];
  return [{ range: analysis.positions.range(0, analysis.source.length), newText: text }];
}

/** The formatter's sort of element n's children, when this build has it. */
export async function sortEdit(tree: XmlDoc, n: number): Promise<{ start: number; end: number; text: string } | null | undefined> {
  const f = await loadFormatter();
  return f ? f.sortChildren(tree, n) : undefined;
}
