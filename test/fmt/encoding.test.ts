/**
 * Encodings (issue 11 items 2 and 6, fmt side): a document is written back in the encoding it was
 * read in (byte order mark kept), with its comments; characters round-trip exactly.
 */
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/index.js';
import { readDocument } from '../../src/xml/reader.js';
import { SOURCE, V, kept } from './helpers.js';

const body = (decl: string) =>
  `${decl}\n<!-- prolog: café -->\n<InstantiateVAppTemplateParams xmlns="${V}" name="café">  ${SOURCE}\n<!-- leading ü -->\n<Description>Grüße, naïve</Description></InstantiateVAppTemplateParams>\n`;

function utf16(text: string, le: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  const o = bom ? 2 : 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o + 2 * i + (le ? 0 : 1)] = c & 0xff;
    out[o + 2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

const cases: [string, Uint8Array, string][] = [
  ['UTF-16LE with BOM', utf16(body('<?xml version="1.0" encoding="UTF-16"?>'), true), 'UTF-16LE'],
  ['UTF-16BE with BOM', utf16(body('<?xml version="1.0" encoding="UTF-16"?>'), false), 'UTF-16BE'],
  ['UTF-16LE without BOM', utf16(body('<?xml version="1.0" encoding="UTF-16"?>'), true, false), 'UTF-16LE'],
  ['ISO-8859-1', latin1(body('<?xml version="1.0" encoding="ISO-8859-1"?>')), 'ISO-8859-1'],
  ['windows-1252', latin1(body('<?xml version="1.0" encoding="windows-1252"?>')), 'windows-1252'],
  ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body('<?xml version="1.0" encoding="UTF-8"?>'))]), 'UTF-8'],
];

describe('fmt writes a document back in its own encoding', () => {
  it.each(cases)('%s: same encoding and byte order mark, comments and characters kept', (_name, bytes, encoding) => {
    const before = readDocument(bytes);
    const r = format(bytes);
    expect(r.changed).toBe(true);
    const after = readDocument(r.bytes);
    expect(after.encoding).toEqual(before.encoding);
    expect(after.encoding.name).toBe(encoding);
    expect(kept(after)).toEqual(kept(before));
    expect(kept(after)).toContain('<!-- leading ü -->');
    expect(r.text).toContain('\n  <!-- leading ü -->\n  <Description>Grüße, naïve</Description>\n');
    expect(r.text).toContain('name="café"');
    // The declaration is the one the file had.
    expect(r.text.slice(0, r.text.indexOf('\n'))).toBe(before.text.slice(0, before.text.indexOf('\n')));
    // And the output is canonical: a second run changes nothing, byte for byte.
    const again = format(r.bytes);
    expect(again.changed).toBe(false);
    expect(again.bytes).toEqual(r.bytes);
  });

  it('the bytes of an ISO-8859-1 document are ISO-8859-1 (one byte per character)', () => {
    const r = format(latin1(body('<?xml version="1.0" encoding="ISO-8859-1"?>')));
    expect(r.bytes.length).toBe(r.text.length);
    expect(r.bytes[r.text.indexOf('é')]).toBe(0xe9);
  });

  it('a UTF-16 document without a declaration gets encoding="UTF-16"', () => {
    const r = format(utf16(`<InstantiateVAppTemplateParams xmlns="${V}"/>`, true));
    expect(r.text.startsWith('<?xml version="1.0" encoding="UTF-16"?>\n')).toBe(true);
    expect(readDocument(r.bytes).encoding).toEqual({ name: 'UTF-16LE', bom: true });
  });
});
