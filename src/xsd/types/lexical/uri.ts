/**
 * xs:anyURI (XSD 1.0 Part 2 §3.2.17). The spec leaves the check to the implementation ("it is
 * impractical to require ... RFC 2396"); vmparams follows libxml2 and Xerces: characters that
 * would need %-escaping (spaces, non-ASCII, `<>"{}|\^\`'` and controls) are taken as escaped, and
 * what remains must be an RFC 3986 URI reference in structure: a valid scheme before the first ':'
 * of the first segment, `%` followed by two hex digits, at most one '#', brackets only around an
 * IP literal host, digits in the port.
 */

/** An anyURI value (its own value space: the anyURI 'a' is not the string 'a'). */
export class UriValue {
  constructor(readonly text: string) {}
}

// RFC 3986 reference structure over lenient characters: a character is anything but '%', '#',
// '[' and ']' (those libxml2 and Xerces escape before parsing count as allowed), or an escape %XX.
const ESC = '%[0-9A-Fa-f]{2}';
const CHAR = `(?:[^%#\\[\\]]|${ESC})`;
/** path, query and an optional single fragment */
const REST = `${CHAR}*(?:#${CHAR}*)?`;
/** '//' [userinfo '@'] (IP-literal | host) [':' digits], ending at '/', '?', '#' or the end */
const AUTHORITY = `//(?:(?:[^%/?#\\[\\]@]|${ESC})*@)?(?:\\[[^\\[\\]/?#]*\\]|(?:[^%/?#\\[\\]:@]|${ESC})*)(?::[0-9]*)?(?=[/?#]|$)`;
const SCHEME = '[A-Za-z][A-Za-z0-9+.-]*:';
/** a relative reference: its first segment has no ':' (else the text before it would be a scheme) */
const RELATIVE = `(?:${AUTHORITY})?(?:[^%:/?#\\[\\]]|${ESC})*(?:[/?]${REST}|#${CHAR}*)?`;
const URI = new RegExp(`^(?:${SCHEME}(?:${AUTHORITY}${REST}|(?!//)${REST})|${RELATIVE})$`);

/** True when `s` is acceptable as an anyURI (lenient, as the reference engines are). */
export function isUriReference(s: string): boolean {
  return URI.test(s);
}
