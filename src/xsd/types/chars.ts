/**
 * XML name characters for Name, NCName, NMTOKEN (and ID, IDREF, ENTITY) and for the regular
 * expression escapes \i (NameStartChar) and \c (NameChar). XSD 1.0 defers to XML 1.0; vmparams
 * uses the Fifth Edition classes (§2.3 productions [4] and [4a]), as the document reader does and
 * as the W3C suite expects since its bug 13606 (test reZ006i: U+0346 is a name character). The
 * older Appendix B tables are a subset of these, so no name they allowed is refused.
 */

/** Code-point ranges of NameStartChar (\i), as `from-to` hex pairs, comma-separated. */
export const NAME_START_RANGES =
  '3a,41-5a,5f,61-7a,c0-d6,d8-f6,f8-2ff,370-37d,37f-1fff,200c-200d,2070-218f,2c00-2fef,3001-d7ff,f900-fdcf,fdf0-fffd,10000-effff';

/** Code-point ranges of NameChar (\c): NameStartChar plus - . 0-9 #xB7 #x300-#x36F #x203F-#x2040. */
export const NAME_CHAR_RANGES =
  '2d-2e,30-3a,41-5a,5f,61-7a,b7,c0-d6,d8-f6,f8-37d,37f-1fff,200c-200d,203f-2040,2070-218f,2c00-2fef,3001-d7ff,f900-fdcf,fdf0-fffd,10000-effff';

/** Decode a `from-to,...` hex range list into [from, to] pairs. */
export function decodeRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const dash = part.indexOf('-');
    const from = parseInt(dash < 0 ? part : part.slice(0, dash), 16);
    return [from, dash < 0 ? from : parseInt(part.slice(dash + 1), 16)];
  });
}

/** NameStartChar for a BMP code unit (supplementary characters are handled by the callers). */
function isStartBmp(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
  return (
    (c >= 0xc0 && c <= 0x2ff && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x1fff && c !== 0x37e) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** NameChar for a BMP code unit. */
function isNameBmp(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;
  return isStartBmp(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Length in UTF-16 units of the supplementary name character at i (#x10000-#xEFFFF), or 0. */
function supplementary(s: string, i: number): number {
  const hi = s.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdb7f) return 0; // #xDB80 and above start planes 15-16 (not name chars)
  const lo = s.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff ? 2 : 0;
}

function scan(s: string, first: boolean, colon: boolean): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3a && !colon) return false;
    if (first && i === 0 ? isStartBmp(c) : isNameBmp(c)) continue;
    const w = supplementary(s, i);
    if (w === 0) return false;
    i += w - 1;
  }
  return true;
}

/** True when `s` is an XML Name. */
export function isName(s: string): boolean {
  return scan(s, true, true);
}

/** True when `s` is an NCName: a Name without ':'. */
export function isNCName(s: string): boolean {
  return scan(s, true, false);
}

/** True when `s` is an Nmtoken: one or more name characters. */
export function isNmtoken(s: string): boolean {
  return scan(s, false, true);
}
