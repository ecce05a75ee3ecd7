/**
 * xs:QName and xs:NOTATION (XSD 1.0 Part 2 §3.2.18-3.2.19): `NCName (':' NCName)?` whose prefix is
 * resolved with the namespace declarations in scope where the value appears; an unprefixed name
 * takes the default namespace, as element names do. The `xml` prefix is always bound.
 */
import { isNCName } from '../chars.js';

/** Namespace bindings in scope: '' is the default namespace; undefined = not declared. */
export interface NsContext {
  lookup(prefix: string): string | null | undefined;
}

/** A resolved QName (or NOTATION name: the two value spaces are distinct). */
export class QNameValue {
  constructor(
    readonly kind: 'QName' | 'NOTATION',
    readonly ns: string | null,
    readonly local: string,
  ) {}
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Result of parsing: a value, 'lexical' (not a QName) or the undeclared prefix. */
export type QNameParse = QNameValue | { lexical: true } | { prefix: string };

/** Parse and resolve a QName lexical form. */
export function parseQName(s: string, kind: 'QName' | 'NOTATION', ns: NsContext | undefined): QNameParse {
  const colon = s.indexOf(':');
  const prefix = colon < 0 ? '' : s.slice(0, colon);
  const local = colon < 0 ? s : s.slice(colon + 1);
  if ((colon >= 0 && !isNCName(prefix)) || !isNCName(local)) return { lexical: true };
  let uri: string | null | undefined;
  if (prefix === 'xml') uri = XML_NS;
  else uri = ns?.lookup(prefix);
  if (uri === undefined) {
    if (prefix !== '') return { prefix };
    uri = null;
  }
  return new QNameValue(kind, uri === '' ? null : uri, local);
}
