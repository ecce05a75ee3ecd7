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

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

function hex(c: number): boolean {
  const l = c | 0x20;
  return (c >= 48 && c <= 57) || (l >= 97 && l <= 102);
}

/** True when `s` is acceptable as an anyURI (lenient, as the reference engines are). */
export function isUriReference(s: string): boolean {
  const n = s.length;
  let hash = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && !(i + 2 < n && hex(s.charCodeAt(i + 1)) && hex(s.charCodeAt(i + 2)))) return false;
    if (c === 35) {
      if (hash >= 0) return false;
      hash = i;
    }
  }
  const end = hash < 0 ? n : hash;
  let rest = s.slice(0, end);
  const firstDelim = rest.search(/[/?#]/);
  const colon = rest.indexOf(':');
  if (colon >= 0 && (firstDelim < 0 || colon < firstDelim)) {
    if (!SCHEME.test(rest.slice(0, colon))) return false;
    rest = rest.slice(colon + 1);
  }
  const q = rest.indexOf('?');
  let hier = q < 0 ? rest : rest.slice(0, q);
  if (hier.startsWith('//')) {
    const slash = hier.indexOf('/', 2);
    const authority = slash < 0 ? hier.slice(2) : hier.slice(2, slash);
    hier = slash < 0 ? '' : hier.slice(slash);
    if (!validAuthority(authority)) return false;
  }
  const tail = (q < 0 ? '' : rest.slice(q)) + s.slice(end);
  return !/[[\]]/.test(hier) && !/[[\]]/.test(tail);
}

function validAuthority(a: string): boolean {
  const at = a.lastIndexOf('@');
  const hostPort = at < 0 ? a : a.slice(at + 1);
  if (/[[\]]/.test(at < 0 ? '' : a.slice(0, at))) return false;
  let port = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0 || /[[\]]/.test(hostPort.slice(1, close))) return false;
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return false;
    port = after.slice(1);
  } else {
    if (/[[\]]/.test(hostPort)) return false;
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0) port = hostPort.slice(colon + 1);
  }
  return /^[0-9]*$/.test(port);
}
