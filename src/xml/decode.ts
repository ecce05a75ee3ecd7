/**
 * Bytes -> text as XML 1.0 Appendix F says: a byte order mark first, else the first four bytes, else
 * the encoding named in the XML declaration (UTF-8 when none). Invalid bytes are an error, never
 * U+FFFD. No `node:` import: the reader also runs in the browser.
 */
import { XmlInputError } from './errors.js';

/** How the text of a document was encoded, so a rewrite (fmt --write) can encode it the same way. */
export interface SourceEncoding {
  /** Canonical name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `ISO-8859-1`, `US-ASCII`, `windows-1252`, or another WHATWG name. */
  name: string;
  /** The document started with a byte order mark. */
  bom: boolean;
}

/** The decoded text and how it was encoded. */
export interface Decoded {
  text: string;
  encoding: SourceEncoding;
}

const UTF8: SourceEncoding = { name: 'UTF-8', bom: false };

/** Decode a document's bytes (a string is taken as already decoded; a leading BOM is dropped). Throws XmlInputError. */
export function decodeXml(input: string | Uint8Array): Decoded {
  if (typeof input === 'string') {
    return input.charCodeAt(0) === 0xfeff ? { text: input.slice(1), encoding: { name: 'UTF-8', bom: true } } : { text: input, encoding: UTF8 };
  }
  const b = input;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: utf8(b.subarray(3), 3), encoding: { name: 'UTF-8', bom: true } };
  if ((b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) || (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)) {
    throw new XmlInputError('the document is encoded in UTF-32, which vmparams does not read; save it as UTF-8', 1, 1, 'encoding');
  }
  if (b[0] === 0xfe && b[1] === 0xff) return { text: utf16(b.subarray(2), 'utf-16be'), encoding: { name: 'UTF-16BE', bom: true } };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: utf16(b.subarray(2), 'utf-16le'), encoding: { name: 'UTF-16LE', bom: true } };
  // No BOM: the first bytes of '<?xm' tell the family (Appendix F.1).
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return { text: utf16(b, 'utf-16be'), encoding: { name: 'UTF-16BE', bom: false } };
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return { text: utf16(b, 'utf-16le'), encoding: { name: 'UTF-16LE', bom: false } };
  if (b[0] === 0x4c && b[1] === 0x6f && b[2] === 0xa7 && b[3] === 0x94) {
    throw new XmlInputError('the document is encoded in EBCDIC, which vmparams does not read; save it as UTF-8', 1, 1, 'encoding');
  }
  const declared = declaredEncoding(b);
  if (declared === undefined) return { text: utf8(b, 0), encoding: UTF8 };
  return decodeDeclared(b, declared);
}

/** The `encoding="..."` of an ASCII-compatible XML declaration, or undefined. */
function declaredEncoding(b: Uint8Array): string | undefined {
  if (!(b[0] === 0x3c && b[1] === 0x3f && b[2] === 0x78 && b[3] === 0x6d && b[4] === 0x6c)) return undefined;
  let end = 5;
  while (end < b.length && end < 512 && b[end] !== 0x3e) end++;
  let head = '';
  for (let i = 0; i < end; i++) head += String.fromCharCode(b[i]);
  return /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])[^"']*\1[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2/.exec(head)?.[3];
}

function decodeDeclared(b: Uint8Array, declared: string): Decoded {
  const label = declared.toLowerCase();
  switch (label) {
    case 'utf-8':
    case 'utf8':
      return { text: utf8(b, 0), encoding: UTF8 };
    case 'utf-16':
    case 'utf-16le':
    case 'utf-16be':
      // Appendix F: UTF-16 without a BOM starts with 00 3C or 3C 00; these bytes are ASCII-compatible.
      throw new XmlInputError(`the document declares encoding="${declared}" but its bytes are not UTF-16 (no byte order mark); save it in the encoding it declares, or change the declaration`, 1, 1, 'encoding');
    case 'iso-8859-1':
    case 'latin1':
    case 'iso_8859-1':
    case 'l1':
      // Not TextDecoder: the WHATWG "iso-8859-1" label decodes as windows-1252, which differs in 0x80-0x9F.
      return { text: latin1(b), encoding: { name: 'ISO-8859-1', bom: false } };
    case 'windows-1252':
    case 'cp1252':
    case 'x-cp1252':
      // Not TextDecoder: Node 20 decodes this label as ISO-8859-1 (0x80 gives U+0080, not the euro sign).
      return { text: cp1252(b), encoding: { name: 'windows-1252', bom: false } };
    case 'us-ascii':
    case 'ascii': {
      for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) badByte(b, i, 'US-ASCII');
      return { text: latin1(b), encoding: { name: 'US-ASCII', bom: false } };
    }
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new XmlInputError(`the document declares encoding="${declared}", which vmparams cannot read; save it as UTF-8 (or UTF-16, ISO-8859-1, windows-1252)`, 1, 1, 'encoding');
  }
  if (decoder.encoding === 'utf-16le' || decoder.encoding === 'utf-16be') return decodeDeclared(b, 'utf-16');
  try {
    return { text: decoder.decode(b), encoding: { name: decoder.encoding === 'windows-1252' ? 'windows-1252' : decoder.encoding, bom: false } };
  } catch {
    throw new XmlInputError(`the document contains bytes that are not valid ${declared}; save it as UTF-8 or fix the declaration`, 1, 1, 'encoding');
  }
}

/** windows-1252 bytes 0x80-0x9F (WHATWG index-windows-1252); the rest is ISO-8859-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function cp1252(b: Uint8Array): string {
  const s = latin1(b);
  return /[\u0080-\u009f]/.test(s) ? s.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80])) : s;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

function utf16(b: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  if (b.length % 2 === 1) throw new XmlInputError(`the document is ${label.toUpperCase()} but has an odd number of bytes (is it truncated?)`, 0, 0, 'encoding');
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    throw new XmlInputError(`the document is not valid ${label.toUpperCase()} (a lone surrogate); save it again as UTF-8 or UTF-16`, 0, 0, 'encoding');
  }
}

function utf8(b: Uint8Array, skipped: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return badByte(b, firstBadUtf8(b), 'UTF-8', skipped);
  }
}

function badByte(b: Uint8Array, at: number, enc: string, skipped = 0): never {
  const before = new TextDecoder('utf-8').decode(b.subarray(0, at));
  let line = 1;
  let last = -1;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) (line++, (last = i));
  const hint = enc === 'UTF-8' ? 'save it as UTF-8, or declare its real encoding in <?xml version="1.0" encoding="..."?>' : 'save it as UTF-8';
  throw new XmlInputError(`the file is not valid ${enc} (bad byte 0x${b[at]?.toString(16).padStart(2, '0')} at offset ${at + skipped}); ${hint}`, line, before.length - last, 'encoding');
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

/** Encode text for writing back in a document's own encoding; characters it cannot hold become character references. */
export function encodeXml(text: string, enc: SourceEncoding): Uint8Array {
  const name = enc.name.toUpperCase();
  if (name === 'UTF-8') {
    const body = new TextEncoder().encode(text);
    if (!enc.bom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  if (name === 'UTF-16LE' || name === 'UTF-16BE') {
    const le = name === 'UTF-16LE';
    const off = enc.bom ? 2 : 0;
    const out = new Uint8Array(off + text.length * 2);
    if (enc.bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[off + 2 * i + (le ? 0 : 1)] = c & 0xff;
      out[off + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  }
  if (name === 'ISO-8859-1' || name === 'US-ASCII') {
    const max = name === 'US-ASCII' ? 0x7f : 0xff;
    const bytes: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c <= max) bytes.push(c);
      else for (const r of `&#${c};`) bytes.push(r.charCodeAt(0));
    }
    return Uint8Array.from(bytes);
  }
  // windows-1252 and other single-byte WHATWG encodings: invert the decoder over 0x00-0xFF.
  const table = new Map<string, number>();
  const dec = name === 'WINDOWS-1252' ? (x: Uint8Array) => cp1252(x) : (x: Uint8Array) => new TextDecoder(enc.name).decode(x);
  for (let i = 0; i < 256; i++) table.set(dec(Uint8Array.of(i)), i);
  const bytes: number[] = [];
  for (const ch of text) {
    const v = table.get(ch);
    if (v !== undefined) bytes.push(v);
    else for (const r of `&#${ch.codePointAt(0)};`) bytes.push(r.charCodeAt(0));
  }
  return Uint8Array.from(bytes);
}
