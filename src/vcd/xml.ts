/**
 * Reading the server's XML answers (SupportedVersions, Session, VApp, Task, Vdc, Error, XSDs) with
 * the project's own reader (src/xml/read.ts: no DOCTYPE, no entities from outside, size and depth
 * limits). Server documents are matched by local name: cells answer in the vcloud namespace, but
 * prefixes and the extension namespaces vary between versions. This is the only vcd module that
 * touches the reader, so a change of the reader's tree stays here.
 */
import { readXml, XmlInputError, type ReadElement, type ReadNode } from '../xml/read.js';

const isText = (n: ReadNode): n is Exclude<ReadNode, ReadElement> => !('name' in n);

/** An element of a server answer. */
export type El = ReadElement;

/** Largest server answer we read as XML. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** The root element of `text`, or undefined when it is not XML (the caller says what it expected). */
export function readAnswer(text: string): El | undefined {
  try {
    return readXml(text, { maxBytes: MAX_ANSWER_BYTES, maxDepth: 128 }).root;
  } catch (e) {
    if (e instanceof XmlInputError) return undefined;
    throw e;
  }
}

/** Child elements of `el`, optionally only those with local name `name`. */
export function kids(el: El | undefined, name?: string): El[] {
  if (!el) return [];
  const out: El[] = [];
  for (const c of el.children) if (!isText(c) && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** The first child element named `name`. */
export function kid(el: El | undefined, name: string): El | undefined {
  return kids(el, name)[0];
}

/** An attribute by local name (any namespace: `ovf:href` and `href` both answer to `href`). */
export function attr(el: El | undefined, name: string): string | undefined {
  return el?.attrs.find((a) => a.name === name)?.value;
}

/** The text content of `el` (direct text children), trimmed; undefined for a missing element. */
export function textOf(el: El | undefined): string | undefined {
  if (!el) return undefined;
  let s = '';
  for (const c of el.children) if (isText(c)) s += c.text;
  return s.trim();
}

/** `Link` children of `el` with the given rel (and type, when given). */
export function links(el: El | undefined, rel: string, type?: string): El[] {
  return kids(el, 'Link').filter((l) => attr(l, 'rel') === rel && (type === undefined || attr(l, 'type')?.toLowerCase() === type.toLowerCase()));
}
