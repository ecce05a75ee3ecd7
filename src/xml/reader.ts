/**
 * Text -> XmlDoc in one pass: well-formedness (XML 1.0 and Namespaces 1.0 as far as documents
 * without a DTD need), namespace resolution, size and depth limits and DOCTYPE refusal all live
 * here. Iterative (an explicit stack), so depth costs no JavaScript stack. Names are scanned with a
 * character table and interned through a hash of their characters, so known names allocate nothing.
 */
import { decodeXml } from './decode.js';
import { AttrFlag, ElementFlag, NodeKind, TextFlag, XmlDoc } from './doc.js';
import { XmlInputError } from './errors.js';
import { LineIndex } from './lines.js';

/** Limits on input documents; both can be raised by callers (CLI: --max-size, --max-depth). */
export interface ReadLimits {
  /** Largest accepted document in bytes (default 256 MiB). */
  maxBytes?: number;
  /** Deepest accepted element nesting (default 256; requests nest about 12 deep). */
  maxDepth?: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: Required<ReadLimits> = { maxBytes: 256 * 1024 * 1024, maxDepth: 256 };

/** The largest nesting any caller may ask for: deeper trees are refused before anything recurses. */
export const MAX_DEPTH_LIMIT = 100_000;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** A character outside XML 1.0's Char production (§2.2): C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// XML 1.0 (fifth edition) §2.3 NameStartChar / NameChar, for characters above ASCII.
const NAME_START_HI = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]/u;
const NAME_CHAR_HI = /[\u00B7\u0300-\u036F\u203F\u2040]/u;
/** ASCII name characters: 1 = may start a name, 2 = may continue one. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) ASCII[c] = 3;
  else if (/[-.0-9]/.test(ch)) ASCII[c] = 2;
}

const ENTITY_REF = /&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([A-Za-z_][\w.-]*));/y;
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])(1\.[0-9]+)\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\3)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Offset of `<!DOCTYPE` in the prolog (after the XML declaration, comments, PIs, blanks), or -1. */
export function findDoctype(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
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

/** Read a document (bytes in any encoding XML allows, or a string) into its lossless tree. Throws XmlInputError. */
export function readDocument(input: string | Uint8Array, limits: ReadLimits = {}): XmlDoc {
  const maxBytes = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const maxDepth = Math.min(limits.maxDepth ?? DEFAULT_LIMITS.maxDepth, MAX_DEPTH_LIMIT);
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) throw new XmlInputError(`the document is ${size} bytes, over the limit of ${maxBytes} (raise it with --max-size)`, 0, 0, 'too-large');
  const { text, encoding } = decodeXml(input);
  // (A test, not trim(): trim() copies a 20 MB text.)
  if (!/\S/.test(text)) throw new XmlInputError('the document is empty', 1, 1, 'empty');
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) {
    const { line, column } = new LineIndex(text).at(bad.index);
    if (bad[0] === '\0') throw new XmlInputError('the document contains a NUL character, which XML does not allow (is it a binary file?)', line, column, 'nul', bad.index);
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new XmlInputError(`the document contains the character U+${code}, which XML does not allow (XML 1.0 §2.2); remove it or write the text another way`, line, column, 'bad-char', bad.index);
  }
  const dt = findDoctype(text);
  if (dt >= 0) {
    const { line, column } = new LineIndex(text).at(dt);
    const close = text.indexOf('>', dt);
    const entities = /<!ENTITY/.test(text.slice(dt, close < 0 ? undefined : text.indexOf(']>', dt) + 2 || undefined));
    throw new XmlInputError(
      entities
        ? 'the document declares entities in a DOCTYPE; vmparams does not expand entities (requests never need them): remove the DOCTYPE'
        : 'the document has a DOCTYPE; requests never need one and vmparams does not load DTDs: remove it',
      line,
      column,
      'doctype',
      dt,
    );
  }
  return new Reader(text, encoding, maxDepth).read();
}

/** Namespace scope: one frame per element that declares namespaces. */
interface Scope {
  id: number;
  parent: Scope | null;
  decls: Map<string, string>;
}

class Reader {
  private readonly doc: XmlDoc;
  private readonly s: string;
  private readonly n: number;
  private readonly hasCR: boolean;
  /** Hash of the last scanned name (set by scanName). */
  private h = 0;
  // qname intern table: open addressing on the name's character hash.
  private qTable: Int32Array = new Int32Array(256);
  private qHash: number[] = [];
  // per qname: the scope id its element/attribute resolution was cached for, and the result.
  private qElScope: number[] = [];
  private qElEx: number[] = [];
  private qAtScope: number[] = [];
  private qAtEx: number[] = [];
  private scopeIds = 0;
  private lineIndex?: LineIndex;

  constructor(
    text: string,
    encoding: XmlDoc['encoding'],
    private readonly maxDepth: number,
  ) {
    this.s = text;
    this.n = text.length;
    this.hasCR = text.indexOf('\r') !== -1;
    // Capacity from the markup itself (each '=' is at most one attribute). Counting costs a few ms on 20 MB and saves growing (copying) the arrays.
    let lts = 0;
    let closes = 0;
    for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
      lts++;
      if (text.charCodeAt(i + 1) === 47) closes++;
    }
    let eqs = 0;
    for (let i = text.indexOf('='); i !== -1; i = text.indexOf('=', i + 1)) eqs++;
    // Nodes: every '<' but an end tag makes one, and at most one text node follows each '<'.
    this.doc = new XmlDoc(text, encoding, 2 * lts - closes + 2, eqs + 16);
  }

  private pos(i: number): { line: number; column: number } {
    return (this.lineIndex ??= new LineIndex(this.s)).at(i);
  }

  private fail(message: string, i: number, id = 'malformed'): never {
    const { line, column } = this.pos(i);
    throw new XmlInputError(`not well-formed XML: ${message}`, line, column, id, i);
  }

  private failAt(message: string, i: number, id: string): never {
    const { line, column } = this.pos(i);
    throw new XmlInputError(message, line, column, id, i);
  }

  /** Scan a Name at i (XML 1.0 §2.3, ':' allowed); returns its end and sets this.h; fails on none. */
  private scanName(i: number, what: string): number {
    const s = this.s;
    let j = i;
    let h = 0;
    let c = s.charCodeAt(j);
    if (c !== c || (c < 128 ? (ASCII[c] & 1) === 0 : !this.hiName(j, true))) {
      const cp = s.codePointAt(i);
      this.fail(`expected ${what} at ${cp === undefined ? 'the end of the document' : JSON.stringify(String.fromCodePoint(cp))}`, i);
    }
    for (;;) {
      if (c < 128) {
        if (ASCII[c] === 0) break;
        h = (Math.imul(h, 31) + c) | 0;
        j++;
      } else {
        if (c !== c || !this.hiName(j, j === i)) break;
        h = (Math.imul(h, 31) + c) | 0;
        j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      }
      c = s.charCodeAt(j);
    }
    this.h = h;
    return j;
  }

  private hiName(j: number, start: boolean): boolean {
    const ch = String.fromCodePoint(this.s.codePointAt(j)!);
    return NAME_START_HI.test(ch) || (!start && NAME_CHAR_HI.test(ch));
  }

  /** Intern the name s[i, j) (hash in this.h); checks QName shape on first sight. */
  private intern(i: number, j: number): number {
    const s = this.s;
    const doc = this.doc;
    const len = j - i;
    let mask = this.qTable.length - 1;
    let k = this.h & mask;
    for (;;) {
      const e = this.qTable[k];
      if (e === 0) break;
      const id = e - 1;
      const q = doc.qnameStrings[id];
      if (this.qHash[id] === this.h && q.length === len && s.startsWith(q, i)) return id;
      k = (k + 1) & mask;
    }
    const q = s.slice(i, j);
    const colon = q.indexOf(':');
    if (colon !== -1 && (colon === 0 || colon === q.length - 1 || q.indexOf(':', colon + 1) !== -1)) {
      this.fail(`'${q}' is not a valid qualified name (at most one ':' between a prefix and a local name)`, i, 'bad-name');
    }
    const id = doc.qnameStrings.length;
    doc.qnameStrings.push(q);
    doc.qnamePrefix.push(colon === -1 ? '' : q.slice(0, colon));
    doc.qnameLocal.push(colon === -1 ? q : q.slice(colon + 1));
    this.qHash.push(this.h);
    this.qElScope.push(-1);
    this.qElEx.push(-1);
    this.qAtScope.push(-1);
    this.qAtEx.push(-1);
    if (id * 2 >= this.qTable.length) {
      const t = new Int32Array(this.qTable.length * 2);
      mask = t.length - 1;
      for (let x = 0; x < doc.qnameStrings.length - 1; x++) {
        let kk = this.qHash[x] & mask;
        while (t[kk] !== 0) kk = (kk + 1) & mask;
        t[kk] = x + 1;
      }
      this.qTable = t;
      k = this.h & mask;
      while (t[k] !== 0) k = (k + 1) & mask;
    }
    this.qTable[k] = id + 1;
    return id;
  }

  private skipWs(i: number): number {
    const s = this.s;
    while (i < this.n && isWs(s.charCodeAt(i))) i++;
    return i;
  }

  read(): XmlDoc {
    const s = this.s;
    const n = this.n;
    const doc = this.doc;
    const stack: number[] = [];
    const scopes: (Scope | null)[] = [];
    // The last child of each open element, by depth (0 = the document node): nodes are only ever appended there.
    let lastAt = new Int32Array(64).fill(-1);
    let scope: Scope = { id: this.scopeIds++, parent: null, decls: new Map([['xml', XML_NS]]) };
    let parent = 0;
    let i = 0;
    if (s.startsWith('<?xml') && isWs(s.charCodeAt(5))) {
      const m = XML_DECL.exec(s);
      if (!m) this.fail('the XML declaration is malformed (expected <?xml version="1.0" encoding="UTF-8"?>)', 0);
      doc.declaration = { start: 0, end: m[0].length, version: m[2], encoding: m[4], standalone: m[6] };
      i = m[0].length;
    }
    // Attributes of the start tag being read, 4 numbers each: [qname id, nameStart, valueStart, valueEnd].
    let pending = new Int32Array(64);
    let np = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      const end = lt === -1 ? n : lt;
      if (end > i) {
        if (parent > 0) lastAt[stack.length] = this.text(parent, i, end, lastAt[stack.length]);
        else {
          for (let k = i; k < end; k++) {
            if (!isWs(s.charCodeAt(k))) this.fail(doc.root >= 0 ? 'text after the end of the root element' : "text before the root element (the document must start with '<')", k);
          }
        }
      }
      if (lt === -1) break;
      i = lt;
      const c = s.charCodeAt(i + 1);
      if (c === 47 /* / */) {
        const top = stack.pop();
        if (top === undefined) {
          const e = this.scanName(i + 2, 'an element name');
          this.fail(`</${s.slice(i + 2, e)}> closes an element that was never opened`, i);
        }
        const q = doc.qnameStrings[doc.qnames[top]];
        let j = i + 2 + q.length;
        const after = s.charCodeAt(j);
        if (!s.startsWith(q, i + 2) || (after < 128 ? ASCII[after] !== 0 : j < n && this.hiName(j, false))) {
          const e = this.scanName(i + 2, 'an element name');
          this.fail(`</${s.slice(i + 2, e)}> does not match the open element <${q}> (line ${this.pos(doc.starts[top]).line})`, i);
        }
        j = this.skipWs(j);
        if (s.charCodeAt(j) !== 62) this.fail(`expected '>' to end </${q}>`, j);
        doc.tails[top] = i;
        doc.ends[top] = j + 1;
        i = j + 1;
        const sc = scopes.pop();
        if (sc) scope = sc;
        parent = doc.parents[top];
      } else if (c === 33 /* ! */) {
        if (s.startsWith('<!--', i)) {
          const e = s.indexOf('-->', i + 4);
          if (e === -1) this.fail('a comment is not closed (missing -->)', i);
          const dd = s.indexOf('--', i + 4);
          if (dd < e || (e > i + 4 && s.charCodeAt(e - 1) === 45)) this.fail('a comment contains "--" or ends in "-", which XML does not allow in comments', i);
          const node = (lastAt[stack.length] = doc.addNode(NodeKind.Comment, parent, i, lastAt[stack.length]));
          doc.heads[node] = i + 4;
          doc.tails[node] = e;
          doc.ends[node] = e + 3;
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          if (parent === 0) this.fail('a CDATA section outside the root element', i);
          const e = s.indexOf(']]>', i + 9);
          if (e === -1) this.fail('a CDATA section is not closed (missing ]]>)', i);
          const node = (lastAt[stack.length] = doc.addNode(NodeKind.CData, parent, i, lastAt[stack.length]));
          doc.heads[node] = i + 9;
          doc.tails[node] = e;
          doc.ends[node] = e + 3;
          let ws: number = TextFlag.Whitespace;
          for (let k = i + 9; k < e; k++) if (!isWs(s.charCodeAt(k))) (ws = 0), (k = e);
          doc.flags[node] = ws | (this.hasCR && s.slice(i + 9, e).includes('\r') ? TextFlag.CarriageReturn : 0);
          i = e + 3;
        } else if (s.startsWith('<!DOCTYPE', i)) {
          this.fail('a DOCTYPE is only allowed before the root element, and vmparams refuses it there too', i, 'doctype');
        } else {
          this.fail("'<!' starts neither a comment nor a CDATA section", i);
        }
      } else if (c === 63 /* ? */) {
        const te = this.scanName(i + 2, 'a processing instruction target');
        const target = s.slice(i + 2, te);
        if (target.toLowerCase() === 'xml') this.fail('the XML declaration (<?xml ...?>) is only allowed at the very start of the document', i);
        if (target.includes(':')) this.fail(`a processing instruction target may not contain ':' (Namespaces in XML §7)`, i + 2);
        const after = s.charCodeAt(te);
        if (!(isWs(after) || (after === 63 && s.charCodeAt(te + 1) === 62))) this.fail(`expected a space after the processing instruction target '${target}'`, i);
        const e = s.indexOf('?>', te);
        if (e === -1) this.fail('a processing instruction is not closed (missing ?>)', i);
        const node = (lastAt[stack.length] = doc.addNode(NodeKind.PI, parent, i, lastAt[stack.length]));
        doc.names[node] = this.intern(i + 2, te);
        doc.heads[node] = this.skipWs(te) > e ? e : this.skipWs(te);
        doc.tails[node] = e;
        doc.ends[node] = e + 2;
        i = e + 2;
      } else {
        // Start tag.
        if (parent === 0 && doc.root >= 0) this.failAt('the document has more than one root element', i, 'malformed');
        const ne = this.scanName(i + 1, 'an element name');
        const qid = this.intern(i + 1, ne);
        let j = ne;
        np = 0;
        let selfClosing = false;
        let declares = false;
        for (;;) {
          const ws = j;
          j = this.skipWs(j);
          const d = s.charCodeAt(j);
          if (d === 62) {
            j++;
            break;
          }
          if (d === 47 && s.charCodeAt(j + 1) === 62) {
            j += 2;
            selfClosing = true;
            break;
          }
          if (j >= n) this.fail(`the document ends inside the start tag <${doc.qnameStrings[qid]}>`, i);
          if (ws === j) this.fail(`expected a space, '>' or '/>' in the start tag <${doc.qnameStrings[qid]}>`, j);
          const an = j;
          const ae = this.scanName(j, 'an attribute name');
          const aq = this.intern(an, ae);
          j = this.skipWs(ae);
          if (s.charCodeAt(j) !== 61) this.fail(`expected '=' after the attribute name ${doc.qnameStrings[aq]}`, j);
          j = this.skipWs(j + 1);
          const quote = s.charCodeAt(j);
          if (quote !== 34 && quote !== 39) this.fail(`the value of attribute ${doc.qnameStrings[aq]} must be in quotes`, j);
          const e = s.indexOf(quote === 34 ? '"' : "'", j + 1);
          if (e === -1) this.fail(`the value of attribute ${doc.qnameStrings[aq]} is not closed`, j);
          const lt2 = s.indexOf('<', j + 1);
          if (lt2 !== -1 && lt2 < e) this.fail(`'<' is not allowed in an attribute value (write &lt;)`, lt2);
          for (let k = 0; k < np; k += 4) if (pending[k] === aq) this.fail(`attribute ${doc.qnameStrings[aq]} appears twice on <${doc.qnameStrings[qid]}>`, an);
          if (np + 4 > pending.length) {
            const grown = new Int32Array(pending.length * 2);
            grown.set(pending);
            pending = grown;
          }
          pending[np++] = aq;
          pending[np++] = an;
          pending[np++] = j + 1;
          pending[np++] = e;
          const qa = doc.qnameStrings[aq];
          if (qa.charCodeAt(0) === 120 && (qa === 'xmlns' || qa.startsWith('xmlns:'))) declares = true;
          j = e + 1;
        }
        // Namespace declarations first; then names resolve in the new scope.
        let elScope = scope;
        if (declares) {
          const decls = new Map<string, string>();
          for (let k = 0; k < np; k += 4) {
            const qa = doc.qnameStrings[pending[k]];
            if (qa !== 'xmlns' && !qa.startsWith('xmlns:')) continue;
            const v = this.rawAttrValue(pending[k + 2], pending[k + 3]);
            if (qa === 'xmlns') {
              if (v === XML_NS || v === XMLNS_NS) this.fail(`the default namespace cannot be "${v}"`, pending[k + 1], 'namespace');
              decls.set('', v);
            } else {
              const p = qa.slice(6);
              if (v === '') this.fail(`${qa}="" is not allowed (a prefix cannot be undeclared in XML 1.0)`, pending[k + 1], 'namespace');
              if (p === 'xmlns' || (p === 'xml') !== (v === XML_NS) || v === XMLNS_NS) this.fail(`the prefix ${p}: cannot be bound to "${v}"`, pending[k + 1], 'namespace');
              decls.set(p, v);
            }
          }
          elScope = { id: this.scopeIds++, parent: scope, decls };
        }
        const node = (lastAt[stack.length] = doc.addNode(NodeKind.Element, parent, i, lastAt[stack.length]));
        doc.qnames[node] = qid;
        doc.names[node] = this.resolveElement(qid, elScope, i);
        doc.attrFirst[node] = doc.attrCount;
        doc.attrLen[node] = np >> 2;
        for (let k = 0; k < np; k += 4) {
          const aq = pending[k];
          const vs = pending[k + 2];
          const ve = pending[k + 3];
          let flags = 0;
          for (let x = vs; x < ve; x++) {
            const ch = s.charCodeAt(x);
            if (ch === 38 || ch === 9 || ch === 10 || ch === 13) {
              flags = AttrFlag.Decode;
              break;
            }
          }
          const qa = doc.qnameStrings[aq];
          const isDecl = qa.charCodeAt(0) === 120 && (qa === 'xmlns' || qa.startsWith('xmlns:'));
          const ex = isDecl ? -1 : this.resolveAttr(aq, elScope, pending[k + 1]);
          const a = doc.addAttr(aq, ex, pending[k + 1], vs, ve, flags | (isDecl ? AttrFlag.NamespaceDecl : 0));
          if (flags) doc.decodedAttr.set(a, this.attrValue(vs, ve));
          if (ex >= 0 && doc.exNs[ex] !== null) {
            for (let b = doc.attrFirst[node]; b < a; b++) {
              if (doc.aNames[b] === ex) this.fail(`attribute {${doc.exNs[ex]}}${doc.exLocal[ex]} appears twice on <${doc.qnameStrings[qid]}> (under two prefixes)`, pending[k + 1], 'namespace');
            }
          }
        }
        doc.heads[node] = j;
        if (declares) doc.flags[node] = ElementFlag.DeclaresNamespaces;
        if (parent === 0) doc.root = node;
        if (selfClosing) {
          doc.flags[node] |= ElementFlag.SelfClosing;
          doc.tails[node] = j;
          doc.ends[node] = j;
        } else {
          if (stack.length + 1 > this.maxDepth) {
            const hint = this.maxDepth >= MAX_DEPTH_LIMIT ? `, the deepest nesting vmparams reads at all` : ' (raise the limit with --max-depth)';
            this.failAt(`elements are nested more than ${this.maxDepth} deep${hint}`, i, 'too-deep');
          }
          stack.push(node);
          if (stack.length >= lastAt.length) {
            const grown = new Int32Array(lastAt.length * 2).fill(-1);
            grown.set(lastAt);
            lastAt = grown;
          }
          lastAt[stack.length] = -1;
          scopes.push(declares ? scope : null);
          scope = elScope;
          parent = node;
        }
        i = j;
      }
    }
    if (stack.length) {
      const top = stack[stack.length - 1];
      this.fail(`the document ends before <${doc.qnameStrings[doc.qnames[top]]}> (opened on line ${this.pos(doc.starts[top]).line}) is closed`, n);
    }
    if (doc.root < 0) this.failAt('the document has no root element', 0, 'malformed');
    return doc;
  }

  /** A text node s[i, end) under parent: whitespace flag, ']]>' refused, references decoded and checked now. */
  private text(parent: number, i: number, end: number, prev: number): number {
    const s = this.s;
    const doc = this.doc;
    let flags: number = TextFlag.Whitespace;
    let k = i;
    for (; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c > 32 || !isWs(c)) {
        flags = 0;
        break;
      }
    }
    const node = doc.addNode(NodeKind.Text, parent, i, prev);
    doc.heads[node] = i;
    doc.tails[node] = end;
    doc.ends[node] = end;
    if (flags === 0) {
      for (; k < end; k++) {
        const c = s.charCodeAt(k);
        if (c === 38) flags |= TextFlag.References;
        else if (c === 93 && s.charCodeAt(k + 1) === 93 && s.charCodeAt(k + 2) === 62) this.fail("']]>' may not appear in text (write ]]&gt;)", k);
      }
    }
    if (this.hasCR) {
      const cr = s.indexOf('\r', i);
      if (cr !== -1 && cr < end) flags |= TextFlag.CarriageReturn;
    }
    doc.flags[node] = flags;
    if (flags & (TextFlag.References | TextFlag.CarriageReturn)) {
      let raw = s.slice(i, end);
      if (flags & TextFlag.CarriageReturn) raw = raw.replace(/\r\n?/g, '\n');
      doc.decodedText.set(node, flags & TextFlag.References ? this.decode(raw, i) : raw);
    }
    return node;
  }

  private resolveElement(qid: number, sc: Scope, at: number): number {
    if (this.qElScope[qid] === sc.id) return this.qElEx[qid];
    const doc = this.doc;
    const prefix = doc.qnamePrefix[qid];
    if (prefix === 'xmlns') this.failAt(`the prefix xmlns: is reserved for namespace declarations`, at, 'namespace');
    const uri = this.lookup(sc, prefix);
    if (uri === undefined) this.undeclared(prefix, at);
    const ex = doc.expanded(uri === '' ? null : uri, doc.qnameLocal[qid]);
    this.qElScope[qid] = sc.id;
    this.qElEx[qid] = ex;
    return ex;
  }

  private resolveAttr(qid: number, sc: Scope, at: number): number {
    if (this.qAtScope[qid] === sc.id) return this.qAtEx[qid];
    const doc = this.doc;
    const prefix = doc.qnamePrefix[qid];
    let uri: string | null = null;
    if (prefix !== '') {
      const u = this.lookup(sc, prefix);
      if (u === undefined) this.undeclared(prefix, at);
      uri = u === '' ? null : u;
    }
    const ex = doc.expanded(uri, doc.qnameLocal[qid]);
    this.qAtScope[qid] = sc.id;
    this.qAtEx[qid] = ex;
    return ex;
  }

  private lookup(sc: Scope | null, prefix: string): string | undefined {
    for (; sc; sc = sc.parent) {
      const u = sc.decls.get(prefix);
      if (u !== undefined) return u;
    }
    return prefix === '' ? '' : undefined;
  }

  private undeclared(prefix: string, at: number): never {
    // Report at the start tag: that is where the fix (an xmlns:prefix declaration) goes.
    let tag = at;
    while (tag > 0 && this.s.charCodeAt(tag) !== 60) tag--;
    this.failAt(`the prefix "${prefix}:" is used but never declared (add xmlns:${prefix}="..." on this element or an ancestor)`, tag, 'undeclared-prefix');
  }

  /** Attribute-value normalization (XML 1.0 §3.3.3): literal TAB, CR, LF (CR LF as one) become spaces; references are decoded. */
  private attrValue(vs: number, ve: number): string {
    let v = this.s.slice(vs, ve);
    if (/[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
    return v.indexOf('&') === -1 ? v : this.decode(v, vs);
  }

  /** A namespace declaration's value (decoded). */
  private rawAttrValue(vs: number, ve: number): string {
    return this.attrValue(vs, ve);
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
        if (v === undefined) this.failAt(`the entity ${m[0]} is not defined (XML only predefines &lt; &gt; &amp; &quot; &apos;)`, offset + k, 'undefined-entity');
        out += v;
      } else {
        const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff || code === 0 || (code < 0x20 && code !== 9 && code !== 10 && code !== 13)) {
          this.failAt(`the character reference ${m[0]} is not a character XML allows`, offset + k, 'bad-char-ref');
        }
        out += String.fromCodePoint(code);
      }
      last = k + m[0].length;
    }
    return out + raw.slice(last);
  }
}
