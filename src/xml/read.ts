/**
 * Text -> generic element tree with positions and resolved namespaces. The one place where bytes
 * become XML: encoding, size and depth limits, DOCTYPE rejection and namespace checks live here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NS } from './names.js';
import type { XText } from './tree.js';

/** Limits on input documents; both can be raised by callers (CLI: --max-size, --max-depth). */
export interface ReadLimits {
  /** Largest accepted document in bytes (default 256 MiB). */
  maxBytes?: number;
  /** Deepest accepted element nesting (default 256; requests nest about 12 deep). */
  maxDepth?: number;
}

export const DEFAULT_LIMITS: Required<ReadLimits> = { maxBytes: 256 * 1024 * 1024, maxDepth: 256 };

/** An element as read, with its 1-based position. */
export interface ReadElement {
  ns: string | null;
  name: string;
  prefix: string;
  attrs: ReadAttr[];
  children: ReadNode[];
  line: number;
  column: number;
  /** Namespace declarations made on this element (prefix -> uri, '' for the default namespace). */
  nsDecls?: Record<string, string>;
}

export interface ReadAttr {
  ns: string | null;
  name: string;
  prefix: string;
  value: string;
}

export type ReadNode = ReadElement | XText;

/** A document that cannot be read as XML: not well-formed, bad encoding, DOCTYPE, over a limit. */
export class XmlInputError extends Error {
  constructor(
    message: string,
    readonly line = 0,
    readonly column = 0,
    readonly messageId = 'malformed',
  ) {
    super(message);
    this.name = 'XmlInputError';
  }
}

const parser = (maxDepth: number) =>
  new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    captureMetaData: true,
    // Entities are decoded below, in one pass, so `&amp;#9;` stays text and `&#9;` becomes a tab.
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: '#comment',
    cdataPropName: '#cdata',
    maxNestedTags: maxDepth + 1,
  });
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Decode bytes as the XML spec says: BOM first, else UTF-8; invalid UTF-8 is an error, not U+FFFD. */
export function decodeXml(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input.subarray(2));
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    const at = firstBadUtf8(input);
    const { line, column } = lineCol(new TextDecoder('utf-8').decode(input.subarray(0, at)), at);
    throw new XmlInputError(`the file is not valid UTF-8 (bad byte 0x${input[at]?.toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8`, line, column, 'encoding');
  }
}

function firstBadUtf8(b: Uint8Array): number {
  const d = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = b.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      d.decode(b.subarray(0, mid), { stream: true });
      d.decode();
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function lineCol(prefixText: string, _offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < prefixText.length; i++) if (prefixText.charCodeAt(i) === 10) (line++, (last = i));
  return { line, column: prefixText.length - last };
}

/** Offsets of line starts, for turning parser offsets into 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/** Reject DOCTYPE (and so entity declarations): requests never need one and it is how entity bombs and XXE arrive. */
function rejectDoctype(text: string): void {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i);
      if (e < 0) return;
      i = e + 2;
    } else if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i);
      if (e < 0) return;
      i = e + 3;
    } else break;
  }
  if (text.startsWith('<!DOCTYPE', i)) {
    const { line, column } = new LineIndex(text).at(i);
    const entities = /<!ENTITY/.test(text.slice(i, text.indexOf('>', i) < 0 ? undefined : text.indexOf(']>', i) + 2 || undefined));
    throw new XmlInputError(
      entities
        ? 'the document declares entities in a DOCTYPE; vmparams does not expand entities (requests never need them): remove the DOCTYPE'
        : 'the document has a DOCTYPE; requests never need one and vmparams does not load DTDs: remove it',
      line,
      column,
      'doctype',
    );
  }
}

/** A character outside XML 1.0's Char production (§2.2): C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF. */
const NOT_XML_CHAR = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type FxpNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Read XML text into a tree of elements with positions and resolved namespaces. Throws XmlInputError. */
export function readXml(input: string | Uint8Array, limits: ReadLimits = {}): { root: ReadElement; text: string } {
  const { maxBytes, maxDepth } = { ...DEFAULT_LIMITS, ...limits };
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) throw new XmlInputError(`the document is ${size} bytes, over the limit of ${maxBytes} (raise it with --max-size)`, 0, 0, 'too-large');
  const text = decodeXml(input);
  if (text.trim() === '') throw new XmlInputError('the document is empty', 1, 1, 'empty');
  if (text.includes('\0')) {
    const { line, column } = new LineIndex(text).at(text.indexOf('\0'));
    throw new XmlInputError('the document contains a NUL character, which XML does not allow (is it a binary file?)', line, column, 'nul');
  }
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) {
    const { line, column } = new LineIndex(text).at(bad.index);
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new XmlInputError(`the document contains the character U+${code}, which XML does not allow (XML 1.0 §2.2); remove it or write the text another way`, line, column, 'bad-char');
  }
  rejectDoctype(text);
  const check = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (check !== true) {
    const msg = check.err.msg.replace(/\.$/, '');
    throw new XmlInputError(`not well-formed XML: ${lowerFirst(msg)}`, check.err.line, check.err.col, 'malformed');
  }
  let parsed: FxpNode[];
  try {
    parsed = parser(maxDepth).parse(text) as FxpNode[];
  } catch (e) {
    const m = (e as Error).message;
    if (/nest/i.test(m)) throw new XmlInputError(`elements are nested more than ${maxDepth} deep (raise the limit with --max-depth)`, 0, 0, 'too-deep');
    throw new XmlInputError(`not well-formed XML: ${lowerFirst(m)}`, 0, 0, 'malformed');
  }
  const lines = new LineIndex(text);
  for (const n of parsed) if ('#comment' in n) checkComment(n, 1, 1);
  const roots = parsed.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw new XmlInputError(roots.length ? 'the document has more than one root element' : 'the document has no root element', 1, 1);
  const root = convert(roots[0], [{ xml: NS.xml }], lines, 1, maxDepth);
  return { root, text };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function elementName(n: FxpNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@' && k !== '#text' && k !== '#comment' && k !== '#cdata') return k;
  return undefined;
}

function convert(n: FxpNode, scopes: Record<string, string>[], lines: LineIndex, depth: number, maxDepth: number): ReadElement {
  const qname = elementName(n)!;
  const meta = (n as Record<symbol, { startIndex?: number } | undefined>)[META];
  const { line, column } = meta?.startIndex !== undefined ? lines.at(meta.startIndex) : { line: 0, column: 0 };
  if (depth > maxDepth) throw new XmlInputError(`elements are nested more than ${maxDepth} deep (raise the limit with --max-depth)`, line, column, 'too-deep');
  const raw = n[':@'] ?? {};
  let decls: Record<string, string> | undefined;
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'xmlns') (decls ??= {})[''] = attrValue(v, line, column);
    else if (k.startsWith('xmlns:')) (decls ??= {})[k.slice(6)] = attrValue(v, line, column);
  }
  const scope = decls ? [...scopes, decls] : scopes;
  const resolve = (prefix: string, isAttr: boolean): string | null => {
    if (isAttr && prefix === '') return null;
    for (let i = scope.length - 1; i >= 0; i--) {
      const u = scope[i][prefix];
      if (u !== undefined) return u === '' ? null : u;
    }
    if (prefix === '') return null;
    throw new XmlInputError(`the prefix "${prefix}:" is used but never declared (add xmlns:${prefix}="..." on this element or an ancestor)`, line, column, 'undeclared-prefix');
  };
  const [prefix, local] = splitQName(qname);
  const attrs: ReadAttr[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const [ap, al] = splitQName(k);
    attrs.push({ ns: resolve(ap, true), name: al, prefix: ap, value: attrValue(v, line, column) });
  }
  const children: ReadNode[] = [];
  for (const c of (n[qname] as FxpNode[]) ?? []) {
    if ('#text' in c) children.push({ text: decodeEntities(String(c['#text']), line, column) });
    else if ('#cdata' in c) children.push({ text: String(((c['#cdata'] as FxpNode[])[0]?.['#text'] as string) ?? '') });
    else if ('#comment' in c) checkComment(c, line, column);
    else children.push(convert(c, scope, lines, depth + 1, maxDepth));
  }
  const el: ReadElement = { ns: resolve(prefix, false), name: local, prefix, attrs, children, line, column };
  if (decls) el.nsDecls = decls;
  return el;
}

/** XML 1.0 §2.5: a comment may not contain `--` nor end in `-` (fast-xml-parser does not check). */
function checkComment(n: FxpNode, line: number, column: number): void {
  const body = (n['#comment'] as FxpNode[] | undefined)?.map((t) => String(t['#text'] ?? '')).join('') ?? '';
  if (body.includes('--') || body.endsWith('-')) throw new XmlInputError(`not well-formed XML: a comment contains "--" or ends in "-", which XML does not allow in comments`, line, column, 'malformed');
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the predefined entities and character references; no others exist without a DTD. */
function decodeEntities(s: string, line: number, column: number): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code < 0x20 && code !== 9 && code !== 10 && code !== 13)) {
        throw new XmlInputError(`the character reference ${m} is not a character XML allows`, line, column, 'bad-char-ref');
      }
      return String.fromCodePoint(code);
    }
    const v = PREDEFINED[ref];
    if (v === undefined) throw new XmlInputError(`the entity ${m} is not defined (XML only predefines &lt; &gt; &amp; &quot; &apos;)`, line, column, 'undefined-entity');
    return v;
  });
}

/** Attribute-value normalization (XML 1.0 §3.3.3): literal tabs and line ends become spaces, references are kept. */
function attrValue(raw: string, line: number, column: number): string {
  return decodeEntities(raw.replace(/[\t\n\r]/g, ' '), line, column);
}

function splitQName(q: string): [string, string] {
  const i = q.indexOf(':');
  return i < 0 ? ['', q] : [q.slice(0, i), q.slice(i + 1)];
}
