/**
 * Namespace names and expanded-name keys shared by the XSD compiler and validator. A key is
 * `local` for a name in no namespace and `{uri}local` otherwise (James Clark notation), so two
 * components collide exactly when XSD says their names are the same.
 */

/** The XML Schema namespace (XSD 1.0 Part 1 §3.15.2). */
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
/** The schema-instance namespace: xsi:type, xsi:nil, xsi:schemaLocation, xsi:noNamespaceSchemaLocation. */
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
/** The namespace the `xml` prefix is bound to. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The key of an expanded name. */
export function qkey(ns: string | null, local: string): string {
  return ns === null ? local : `{${ns}}${local}`;
}

/** `{uri}local` / `local` back to its parts. */
export function splitKey(key: string): { ns: string | null; local: string } {
  if (key.charCodeAt(0) !== 123) return { ns: null, local: key };
  const i = key.indexOf('}');
  return { ns: key.slice(1, i), local: key.slice(i + 1) };
}

/** Derivation and substitution flags (block, final, {prohibited substitutions}), as bits. */
export const Flag = { Extension: 1, Restriction: 2, Substitution: 4, List: 8, Union: 16 } as const;
