/** Notation declarations (Part 1 §3.12): a name with a public and/or system identifier. */
import type { Builder } from './builder.js';
import type { NotationDecl } from './components.js';
import { attr, fail, nameOf, type At } from './context.js';

/** Build an xs:notation. */
export function buildNotation(_b: Builder, at: At): NotationDecl {
  const n: NotationDecl = { ns: at.d.tns, local: nameOf(at) };
  const pub = attr(at, 'public');
  const sys = attr(at, 'system');
  if (pub === undefined && sys === undefined) fail(at, 'xs:notation needs public= or system=');
  if (pub !== undefined) n.publicId = pub;
  if (sys !== undefined) n.systemId = sys;
  return n;
}
