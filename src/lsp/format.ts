/**
 * Formatting: the `fmt` result (src/fmt, the lossless formatter) as one edit over the whole
 * document (interface.md), and the formatter's schema-order sort of one element's children for
 * the code action.
 */
import type { TextEdit } from 'vscode-languageserver';
import { UnknownDocumentError } from '../document.js';
import { format, sortChildren, type TextEdit as FmtEdit } from '../fmt/index.js';
import type { XmlDoc } from '../xml/doc.js';
import { XmlInputError } from '../xml/errors.js';
import type { Analysis } from './analysis.js';

/** The formatted text of a request document, or undefined when it cannot be formatted (not a request in the vCloud namespace). */
export function formattedText(tree: XmlDoc): string | undefined {
  try {
    return format(tree).text;
  } catch (e) {
    if (e instanceof UnknownDocumentError || e instanceof XmlInputError) return undefined;
    throw e;
  }
}

/** The edits of `textDocument/formatting`: one edit for the whole text, none when already formatted, null when not formattable. */
export function formatEdits(analysis: Analysis): TextEdit[] | null {
  if (!analysis.tree || !analysis.request) return null;
  const text = formattedText(analysis.tree);
  if (text === undefined) return null;
  if (text === analysis.source) return [];
  return [{ range: analysis.positions.range(0, analysis.source.length), newText: text }];
}

/** The formatter's sort of element n's children: null when they are in schema order already. */
export function sortEdit(tree: XmlDoc, n: number): FmtEdit | null {
  return sortChildren(tree, n);
}
