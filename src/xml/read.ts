/**
 * Text -> generic element tree with positions and resolved namespaces. The one place where bytes
 * become XML: encoding, size and depth limits, DOCTYPE rejection and namespace checks live here.
 */
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

/** Offset of `<!DOCTYPE` in the prolog (after the XML declaration, comments, PIs, blanks), or -1. */
export function findDoctype(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) return -1;
      i = e + 2;
    } else if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      if (e < 0) return -1;
      i = e + 3;
    } else return /^<!DOCTYPE/i.test(text.slice(i, i + 9)) ? i : -1;
  }
}

/** Reject DOCTYPE (and so entity declarations): requests never need one and it is how entity bombs and XXE arrive. */
function rejectDoctype(text: string): void {
  const i = findDoctype(text);
  if (i >= 0) {
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
  // End-of-line handling (XML 1.0 §2.11): CR LF and lone CR are read as LF. Line numbers stay the same.
  const root = new Reader(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, maxDepth).read();
  return { root, text };
}

/** A character outside XML 1.0's Char production (§2.2): C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF. */
const NOT_XML_CHAR = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// XML 1.0 (fifth edition) §2.3 Name: NameStartChar NameChar*; ':' allowed here, QName rules checked after.
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_RE = new RegExp(`[:${NAME_START}][:${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`, 'uy');
const ENTITY_REF = /&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([A-Za-z_][\w.-]*));/y;
const XML_DECL = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQ = 61;
const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

interface Scope {
  parent: Scope | null;
  decls: Record<string, string>;
}

interface Open {
  el: ReadElement;
  qname: string;
  scope: Scope | null;
}

/**
 * A single-pass XML reader over the whole text: well-formedness (XML 1.0 and Namespaces 1.0 as
 * far as documents without a DTD need), positions, entity decoding and namespace resolution.
 * Iterative (an explicit stack), so depth costs no JavaScript stack; it replaces two passes of
 * fast-xml-parser (validator + parser) and a conversion of its tree, which made parse of a
 * 20 MB document take several seconds.
 */
class Reader {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private nextNl: number;

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {
    this.nextNl = s.indexOf('\n');
  }

  /** Advance the line counter to offset i (offsets are visited in increasing order). */
  private at(i: number): { line: number; column: number } {
    if (i < this.lineStart) return new LineIndex(this.s).at(i);
    while (this.nextNl !== -1 && this.nextNl < i) {
      this.line++;
      this.lineStart = this.nextNl + 1;
      this.nextNl = this.s.indexOf('\n', this.lineStart);
    }
    return { line: this.line, column: i - this.lineStart + 1 };
  }

  private fail(message: string, i: number, id = 'malformed'): never {
    const { line, column } = this.at(i);
    throw new XmlInputError(`not well-formed XML: ${message}`, line, column, id);
  }

  private name(i: number, what: string): string {
    NAME_RE.lastIndex = i;
    const m = NAME_RE.exec(this.s);
    if (!m) {
      const c = this.s.codePointAt(i);
      this.fail(`expected ${what} at ${c === undefined ? 'the end of the document' : JSON.stringify(String.fromCodePoint(c))}`, i);
    }
    const q = m[0];
    const colon = q.indexOf(':');
    if (colon !== -1 && (colon === 0 || colon === q.length - 1 || q.indexOf(':', colon + 1) !== -1)) {
      this.fail(`'${q}' is not a valid qualified name (at most one ':' between a prefix and a local name)`, i, 'bad-name');
    }
    return q;
  }

  private skipWs(i: number): number {
    const s = this.s;
    while (i < s.length && isWs(s.charCodeAt(i))) i++;
    return i;
  }

  read(): ReadElement {
    const s = this.s;
    const n = s.length;
    const stack: Open[] = [];
    let root: ReadElement | null = null;
    let scope: Scope | null = { parent: null, decls: { xml: NS.xml } };
    let i = 0;
    if (s.startsWith('<?xml') && isWs(s.charCodeAt(5))) {
      const m = XML_DECL.exec(s);
      if (!m) this.fail('the XML declaration is malformed (expected <?xml version="1.0" encoding="UTF-8"?>)', 0);
      i = m[0].length;
    }
    while (i < n) {
      const lt = s.indexOf('<', i);
      const end = lt === -1 ? n : lt;
      if (end > i) {
        const top = stack[stack.length - 1];
        if (top) {
          const raw = s.slice(i, end);
          const k = raw.indexOf(']]>');
          if (k !== -1) this.fail("']]>' may not appear in text (write ]]&gt;)", i + k);
          top.el.children.push({ text: raw.indexOf('&') === -1 ? raw : this.decode(raw, i) });
        } else {
          for (let k = i; k < end; k++) {
            if (!isWs(s.charCodeAt(k))) this.fail(root ? 'text after the end of the root element' : "text before the root element (the document must start with '<')", k);
          }
        }
      }
      if (lt === -1) break;
      i = lt;
      const c = s.charCodeAt(i + 1);
      if (c === SLASH) {
        // End tag.
        const top = stack.pop();
        const q = this.name(i + 2, 'an element name');
        if (!top) this.fail(`</${q}> closes an element that was never opened`, i);
        if (q !== top.qname) this.fail(`</${q}> does not match the open element <${top.qname}> (line ${top.el.line})`, i);
        let j = this.skipWs(i + 2 + q.length);
        if (s.charCodeAt(j) !== GT) this.fail(`expected '>' to end </${q}>`, j);
        i = j + 1;
        scope = top.scope;
      } else if (c === BANG) {
        if (s.startsWith('<!--', i)) {
          const e = s.indexOf('-->', i + 4);
          if (e === -1) this.fail('a comment is not closed (missing -->)', i);
          const body = s.slice(i + 4, e);
          if (body.includes('--') || body.endsWith('-')) this.fail('a comment contains "--" or ends in "-", which XML does not allow in comments', i);
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          const top = stack[stack.length - 1];
          if (!top) this.fail('a CDATA section outside the root element', i);
          const e = s.indexOf(']]>', i + 9);
          if (e === -1) this.fail('a CDATA section is not closed (missing ]]>)', i);
          top.el.children.push({ text: s.slice(i + 9, e) });
          i = e + 3;
        } else if (s.startsWith('<!DOCTYPE', i)) {
          this.fail('a DOCTYPE is only allowed before the root element, and vmparams refuses it there too', i, 'doctype');
        } else {
          this.fail("'<!' starts neither a comment nor a CDATA section", i);
        }
      } else if (c === QUESTION) {
        const target = this.name(i + 2, 'a processing instruction target');
        if (target.toLowerCase() === 'xml') this.fail('the XML declaration (<?xml ...?>) is only allowed at the very start of the document', i);
        const after = s.charCodeAt(i + 2 + target.length);
        if (!(isWs(after) || (after === QUESTION && s.charCodeAt(i + 3 + target.length) === GT))) this.fail(`expected a space after the processing instruction target '${target}'`, i);
        const e = s.indexOf('?>', i + 2 + target.length);
        if (e === -1) this.fail('a processing instruction is not closed (missing ?>)', i);
        i = e + 2;
      } else {
        // Start tag.
        if (root && stack.length === 0) {
          const { line, column } = this.at(i);
          throw new XmlInputError('the document has more than one root element', line, column);
        }
        const q = this.name(i + 1, 'an element name');
        const { line, column } = this.at(i);
        let j = i + 1 + q.length;
        const rawAttrs: [string, string, number][] = [];
        let selfClosing = false;
        for (;;) {
          const ws = j;
          j = this.skipWs(j);
          const d = s.charCodeAt(j);
          if (d === GT) {
            j++;
            break;
          }
          if (d === SLASH && s.charCodeAt(j + 1) === GT) {
            j += 2;
            selfClosing = true;
            break;
          }
          if (j >= n) this.fail(`the document ends inside the start tag <${q}>`, i);
          if (ws === j) this.fail(`expected a space, '>' or '/>' in the start tag <${q}>`, j);
          const an = this.name(j, 'an attribute name');
          j = this.skipWs(j + an.length);
          if (s.charCodeAt(j) !== EQ) this.fail(`expected '=' after the attribute name ${an}`, j);
          j = this.skipWs(j + 1);
          const quote = s.charCodeAt(j);
          if (quote !== 34 && quote !== 39) this.fail(`the value of attribute ${an} must be in quotes`, j);
          const e = s.indexOf(quote === 34 ? '"' : "'", j + 1);
          if (e === -1) this.fail(`the value of attribute ${an} is not closed`, j);
          const raw = s.slice(j + 1, e);
          const lt2 = raw.indexOf('<');
          if (lt2 !== -1) this.fail(`'<' is not allowed in an attribute value (write &lt;)`, j + 1 + lt2);
          for (const a of rawAttrs) if (a[0] === an) this.fail(`attribute ${an} appears twice on <${q}>`, j);
          rawAttrs.push([an, raw, j + 1]);
          j = e + 1;
        }
        // Namespace declarations first, then names resolved in the new scope.
        let decls: Record<string, string> | undefined;
        for (const [an, raw, at] of rawAttrs) {
          if (an === 'xmlns') (decls ??= {})[''] = this.attrValue(raw, at);
          else if (an.startsWith('xmlns:')) {
            const p = an.slice(6);
            const v = this.attrValue(raw, at);
            if (v === '') this.fail(`${an}="" is not allowed (a prefix cannot be undeclared in XML 1.0)`, at, 'namespace');
            if (p === 'xmlns' || (p === 'xml') !== (v === NS.xml)) this.fail(`the prefix ${p}: cannot be bound to "${v}"`, at, 'namespace');
            (decls ??= {})[p] = v;
          }
        }
        const elScope: Scope | null = decls ? { parent: scope, decls } : scope;
        const resolve = (prefix: string, isAttr: boolean): string | null => {
          if (isAttr && prefix === '') return null;
          if (prefix === 'xmlns') this.fail(`the prefix xmlns: is reserved for namespace declarations`, i, 'namespace');
          for (let sc = elScope; sc; sc = sc.parent) {
            const u = sc.decls[prefix];
            if (u !== undefined) return u === '' ? null : u;
          }
          if (prefix === '') return null;
          throw new XmlInputError(`the prefix "${prefix}:" is used but never declared (add xmlns:${prefix}="..." on this element or an ancestor)`, line, column, 'undeclared-prefix');
        };
        const attrs: ReadAttr[] = [];
        for (const [an, raw, at] of rawAttrs) {
          if (an === 'xmlns' || an.startsWith('xmlns:')) continue;
          const colon = an.indexOf(':');
          const ap = colon === -1 ? '' : an.slice(0, colon);
          const al = colon === -1 ? an : an.slice(colon + 1);
          const ans = resolve(ap, true);
          if (ans !== null) for (const a of attrs) if (a.ns === ans && a.name === al) this.fail(`attribute {${ans}}${al} appears twice on <${q}> (under two prefixes)`, at, 'namespace');
          attrs.push({ ns: ans, name: al, prefix: ap, value: this.attrValue(raw, at) });
        }
        const colon = q.indexOf(':');
        const prefix = colon === -1 ? '' : q.slice(0, colon);
        const el: ReadElement = { ns: resolve(prefix, false), name: colon === -1 ? q : q.slice(colon + 1), prefix, attrs, children: [], line, column };
        if (decls) el.nsDecls = decls;
        const parent = stack[stack.length - 1];
        if (parent) parent.el.children.push(el);
        else root = el;
        if (!selfClosing) {
          if (stack.length + 1 > this.maxDepth) throw new XmlInputError(`elements are nested more than ${this.maxDepth} deep (raise the limit with --max-depth)`, line, column, 'too-deep');
          stack.push({ el, qname: q, scope });
          scope = elScope;
        }
        i = j;
      }
    }
    if (stack.length) {
      const top = stack[stack.length - 1];
      this.fail(`the document ends before <${top.qname}> (opened on line ${top.el.line}) is closed`, n);
    }
    if (!root) throw new XmlInputError('the document has no root element', 1, 1);
    return root;
  }

  /** Decode the predefined entities and character references; no others exist without a DTD. */
  private decode(raw: string, offset: number): string {
    let out = '';
    let last = 0;
    for (let k = raw.indexOf('&'); k !== -1; k = raw.indexOf('&', last)) {
      ENTITY_REF.lastIndex = k;
      const m = ENTITY_REF.exec(raw);
      if (!m) this.fail("a bare '&' (write &amp; for an ampersand)", offset + k, 'malformed');
      out += raw.slice(last, k);
      if (m[3] !== undefined) {
        const v = PREDEFINED[m[3]];
        if (v === undefined) {
          const { line, column } = this.at(offset + k);
          throw new XmlInputError(`the entity ${m[0]} is not defined (XML only predefines &lt; &gt; &amp; &quot; &apos;)`, line, column, 'undefined-entity');
        }
        out += v;
      } else {
        const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff || code === 0 || (code < 0x20 && code !== 9 && code !== 10 && code !== 13)) {
          const { line, column } = this.at(offset + k);
          throw new XmlInputError(`the character reference ${m[0]} is not a character XML allows`, line, column, 'bad-char-ref');
        }
        out += String.fromCodePoint(code);
      }
      last = k + m[0].length;
    }
    return out + raw.slice(last);
  }

  /** Attribute-value normalization (XML 1.0 §3.3.3): literal tabs and line ends become spaces, references are kept. */
  private attrValue(raw: string, offset: number): string {
    const v = /[\t\n\r]/.test(raw) ? raw.replace(/[\t\n\r]/g, ' ') : raw;
    return v.indexOf('&') === -1 ? v : this.decode(v, offset);
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
