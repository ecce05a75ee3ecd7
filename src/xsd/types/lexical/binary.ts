/**
 * xs:hexBinary and xs:base64Binary (XSD 1.0 Part 2 §3.2.15-3.2.16, base64 as corrected by the
 * 2004 Second Edition: RFC 2045 alphabet, padding only in the last quantum, the character before
 * '=' restricted so that unused bits are zero, single spaces allowed between characters). With
 * those rules every octet sequence has exactly one encoding, so the text without spaces is a
 * canonical key and no decoding is needed. length facets count octets.
 */

/** An octet sequence: `text` is the canonical form (hex upper case, or base64 without spaces). */
export class BinaryValue {
  constructor(
    readonly kind: 'hexBinary' | 'base64Binary',
    readonly text: string,
    readonly octets: number,
  ) {}
}

/** Parse hexBinary: an even number of hex digits. */
export function parseHexBinary(s: string): BinaryValue | undefined {
  const n = s.length;
  if (n % 2 !== 0) return undefined;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return undefined;
  }
  return new BinaryValue('hexBinary', s.toUpperCase(), n / 2);
}

const B64 = /^[A-Za-z0-9+/]*$/;
const B16 = 'AEIMQUYcgkosw048';
const B04 = 'AQgw';

/** Parse base64Binary (already whitespace-collapsed, so spaces are single). */
export function parseBase64Binary(s: string): BinaryValue | undefined {
  const t = s.includes(' ') ? s.replace(/ /g, '') : s;
  const n = t.length;
  if (n % 4 !== 0) return undefined;
  let pad = 0;
  if (n > 0 && t.charCodeAt(n - 1) === 61) pad = t.charCodeAt(n - 2) === 61 ? 2 : 1;
  if (!B64.test(pad === 0 ? t : t.slice(0, n - pad))) return undefined;
  if (pad === 1 && !B16.includes(t[n - 2])) return undefined;
  if (pad === 2 && !B04.includes(t[n - 3])) return undefined;
  return new BinaryValue('base64Binary', t, (n / 4) * 3 - pad);
}
