/**
 * One read of an editor's text: the lossless tree (src/xml/doc.ts) or the reason it cannot be read,
 * and whether the document is one of the five requests. Completion, hover, code actions and the
 * ranges of diagnostics all work on this one tree; it is read again only when the text changes.
 */
import { KINDS } from '../model/roots.js';
import type { XmlDoc } from '../xml/doc.js';
import { XmlInputError } from '../xml/errors.js';
import { readDocument } from '../xml/reader.js';
import { Positions } from './ranges.js';

/** A document as the server sees it at one version. */
export interface Analysis {
  /** The editor's text without a leading byte order mark: the tree's text, whose offsets every module uses. */
  source: string;
  /** The tree, when the text is well-formed XML. */
  tree?: XmlDoc;
  /** Why the text cannot be read, otherwise. */
  error?: XmlInputError;
  /** The root element's local name is one of the five requests (in any namespace: a wrong one is a problem to show). */
  request: boolean;
  /** Tree offsets <-> LSP positions (which count a byte order mark the editor kept). */
  positions: Positions;
}

/** Comments, PIs and whitespace before the root, then the root's name: enough to tell a request that is not well-formed yet. */
const ROOT_NAME = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/;

/** The local name of the first element of a text that may not be well-formed. */
function rootNameOf(text: string): string | undefined {
  return ROOT_NAME.exec(text)?.[1];
}

/** Read an editor's text once. */
export function analyse(text: string): Analysis {
  const bom = text.charCodeAt(0) === 0xfeff;
  return analyseSource(bom ? text.slice(1) : text, bom ? 1 : 0);
}

/** Read a text without a byte order mark; `shift` is 1 when the editor's text had one. */
export function analyseSource(source: string, shift: number): Analysis {
  let tree: XmlDoc | undefined;
  let error: XmlInputError | undefined;
  try {
    tree = readDocument(source);
  } catch (e) {
    if (!(e instanceof XmlInputError)) throw e;
    error = e;
  }
  const root = tree ? tree.local(tree.root) : rootNameOf(source);
  return { source, tree, error, request: root !== undefined && (KINDS as string[]).includes(root), positions: new Positions(source, shift, tree) };
}

/**
 * The text with the name being typed at `offset` (`<` and the partial name before the cursor)
 * blanked out, so that a document that was well-formed before the user typed `<Net` is read again
 * with the same offsets, for completion. Undefined when there is no such name before the cursor.
 */
export function withoutPartialTag(text: string, offset: number): { text: string; start: number } | undefined {
  const m = /<([A-Za-z_][\w.-]*(?::[\w.-]*)?)?$/.exec(text.slice(Math.max(0, offset - 200), offset));
  if (!m) return undefined;
  const start = offset - m[0].length;
  return { text: text.slice(0, start) + ' '.repeat(m[0].length) + text.slice(offset), start };
}
