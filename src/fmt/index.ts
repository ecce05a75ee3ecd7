/**
 * fmt: the canonical form of a request document, written from the lossless tree (src/xml/doc.ts)
 * so that nothing the user wrote is lost (interface.md, "fmt keeps what the user wrote"): children
 * in schema order with their comments, conventional namespace prefixes where that is safe,
 * two-space indentation, and everything else byte for byte. Pure: no `node:` imports, so the
 * language server and the browser playground call it as the CLI does.
 */
import { UnknownDocumentError } from '../document.js';
import { encodeXml } from '../xml/decode.js';
import { XmlDoc } from '../xml/doc.js';
import { readDocument, type ReadLimits } from '../xml/reader.js';
import { attach, Mode, modeOf } from './attach.js';
import { contentOf, rootContent } from './describe.js';
import { planNamespaces } from './namespaces.js';
import { schemaOrder } from './order.js';
import { analyse, printDocument } from './print.js';

/** Options of format. */
export interface FormatOptions extends ReadLimits {
  /** Start tags longer than this (indentation included) put one attribute on each line (default 100). */
  printWidth?: number;
}

/** The formatted document. */
export interface FormatResult {
  /** The canonical text (no byte order mark). */
  text: string;
  /** The text encoded as the input was (same encoding, byte order mark kept; UTF-8 for a string input). */
  bytes: Uint8Array;
  /** False when the input already was in canonical form. */
  changed: boolean;
}

/** The default print width. */
export const DEFAULT_PRINT_WIDTH = 100;

/** Throw UnknownDocumentError, placed at the root's start tag, unless the root is one of the five requests. */
function checkRoot(doc: XmlDoc): void {
  try {
    rootContent(doc);
  } catch (e) {
    if (!(e instanceof UnknownDocumentError)) throw e;
    const { line, column } = doc.position(doc.starts[doc.root]);
    throw new UnknownDocumentError(e.message, line, column);
  }
}

/**
 * Format a request document. Throws XmlInputError (not well-formed, bad encoding, over a limit) or
 * UnknownDocumentError (the root is not a request); never changes what the document means.
 */
export function format(input: string | Uint8Array | XmlDoc, opts: FormatOptions = {}): FormatResult {
  const doc = input instanceof XmlDoc ? input : readDocument(input, opts);
  checkRoot(doc);
  const width = opts.printWidth ?? DEFAULT_PRINT_WIDTH;
  const analysis = analyse(doc);
  const text = printDocument(doc, planNamespaces(doc, analysis.modes), analysis, width);
  const bytes = encodeXml(text, doc.encoding);
  let changed: boolean;
  if (input instanceof Uint8Array) changed = !sameBytes(bytes, input);
  else changed = text !== doc.text;
  return { text, bytes, changed };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A replacement of `doc.text[start, end)` (UTF-16 offsets; `doc.position` turns them into lines and columns). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edit that puts the children of element `n` into schema order, leaving everything else as
 * written (the language server's "Sort children into schema order"). Each child moves with its
 * leading and trailing comments and keeps its own text; the whitespace between children stays
 * where it was. Null when the children already are in order, or the element's content is not
 * element-only or not described.
 */
export function sortChildren(doc: XmlDoc, n: number): TextEdit | null {
  if (!doc.isElement(n)) return null;
  const content = contentOf(doc, n);
  if (modeOf(doc, n, content) !== Mode.Structured) return null;
  const { units } = attach(doc, n);
  const sorted = schemaOrder(doc, content, units);
  if (sorted === units) return null;
  const from = (u: (typeof units)[number]) => doc.starts[u.leading[0] ?? u.el];
  const to = (u: (typeof units)[number]) => doc.ends[u.trailing[u.trailing.length - 1] ?? u.el];
  const s = doc.text;
  let text = '';
  for (let i = 0; i < units.length; i++) {
    if (i > 0) text += s.slice(to(units[i - 1]), from(units[i]));
    text += s.slice(from(sorted[i]), to(sorted[i]));
  }
  return { start: from(units[0]), end: to(units[units.length - 1]), text };
}

/** The nesting level below which indentation stops growing. */
export { MAX_INDENT_LEVEL } from './print.js';
