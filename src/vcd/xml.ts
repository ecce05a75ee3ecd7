/**
 * Reading the server's XML answers (SupportedVersions, Session, VApp, Task, Vdc, Error, XSDs) and
 * the sent document with the project's own reader (src/xml/reader.ts: no DOCTYPE, no outside
 * entities, size and depth limits), as a small element tree. Server documents are matched by local
 * name: cells answer in the vcloud namespace, but prefixes and the extension namespaces vary. This
 * is the only vcd module that touches the reader, so a change of the reader's tree stays here.
 */
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import { XmlInputError } from '../xml/errors.js';
import { readDocument, type ReadLimits } from '../xml/reader.js';

/** An attribute: local name, namespace, prefix as written, normalized value. */
export interface Attr {
  name: string;
  ns: string | null;
  prefix: string;
  value: string;
}

/** An element: names, attributes, children (elements and text), 1-based position of its `<`, its path. */
export interface El {
  ns: string | null;
  name: string;
  prefix: string;
  attrs: Attr[];
  children: (El | { text: string })[];
  line: number;
  column: number;
  /** `/ComposeVAppParams/SourcedItem[2]/InstantiationParams`, `[n]` only among same-name siblings (as validate writes it). */
  path: string;
}

/** Largest server answer we read as XML. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

function convert(doc: XmlDoc): El {
  const make = (n: number, path: string): El => {
    const { line, column } = doc.position(doc.starts[n]!);
    const attrs: Attr[] = [];
    for (const a of doc.attrs(n)) if (!doc.isNamespaceDecl(a)) attrs.push({ name: doc.attrLocal(a), ns: doc.attrNs(a), prefix: doc.attrPrefix(a), value: doc.attrValue(a) });
    return { ns: doc.ns(n), name: doc.local(n), prefix: doc.prefix(n), attrs, children: [], line, column, path };
  };
  const root = make(doc.root, `/${doc.local(doc.root)}`);
  // Iterative: the depth of a document must not cost JavaScript stack.
  const stack: [number, El][] = [[doc.root, root]];
  while (stack.length > 0) {
    const [n, el] = stack.pop()!;
    const kids = doc.elementChildren(n);
    const total = new Map<number, number>();
    for (const k of kids) total.set(doc.names[k]!, (total.get(doc.names[k]!) ?? 0) + 1);
    const seen = new Map<number, number>();
    for (let c = doc.firsts[n]!; c !== -1; c = doc.nexts[c]!) {
      const kind = doc.kinds[c];
      if (kind === NodeKind.Element) {
        const id = doc.names[c]!;
        const i = (seen.get(id) ?? 0) + 1;
        seen.set(id, i);
        const child = make(c, `${el.path}/${doc.local(c)}${total.get(id)! > 1 ? `[${i}]` : ''}`);
        el.children.push(child);
        stack.push([c, child]);
      } else if (kind === NodeKind.Text || kind === NodeKind.CData) {
        el.children.push({ text: doc.value(c) });
      }
    }
  }
  return root;
}

/** The element tree of a document; throws XmlInputError when it is not well-formed. */
export function readTree(input: string | Uint8Array, limits: ReadLimits = {}): El {
  return convert(readDocument(input, limits));
}

/** The root element of a server answer, or undefined when it is not XML (the caller says what it expected). */
export function readAnswer(text: string): El | undefined {
  try {
    return readTree(text, { maxBytes: MAX_ANSWER_BYTES, maxDepth: 128 });
  } catch (e) {
    if (e instanceof XmlInputError) return undefined;
    throw e;
  }
}

/** True for an element child (not text). */
export const isEl = (c: El | { text: string }): c is El => 'name' in c;

/** Child elements of `el`, optionally only those with local name `name`. */
export function kids(el: El | undefined, name?: string): El[] {
  if (!el) return [];
  return el.children.filter((c): c is El => isEl(c) && (name === undefined || c.name === name));
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
  for (const c of el.children) if (!isEl(c)) s += c.text;
  return s.trim();
}

/** `Link` children of `el` with the given rel (and type, when given). */
export function links(el: El | undefined, rel: string, type?: string): El[] {
  return kids(el, 'Link').filter((l) => attr(l, 'rel') === rel && (type === undefined || attr(l, 'type')?.toLowerCase() === type.toLowerCase()));
}
