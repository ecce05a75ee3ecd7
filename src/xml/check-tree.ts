/**
 * What build checks before it writes anything (issue 11, item 7): names are XML names (Namespaces in
 * XML 1.0 §3: NCName local parts, no ':' inside), namespace declarations go in `namespaces`/`$ns`
 * and never in attributes, values are strings of XML characters, and generic trees (`$any`, `$xml`,
 * CreateItem content) have the XElement shape. Walks are iterative, so a deep tree cannot overflow
 * the stack; nesting beyond `maxDepth` is refused.
 */
import { NS } from './names.js';
import type { XElement, XNode } from './tree.js';

/** A model object or tree that does not fit (thrown as BuildError by build.ts, which owns the class). */
export class TreeError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'TreeError';
  }
}

const START = 'A-Z_a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02ff\\u0370-\\u037d\\u037f-\\u1fff\\u200c\\u200d\\u2070-\\u218f\\u2c00-\\u2fef\\u3001-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\ufffd\\u{10000}-\\u{effff}';
/** XML Name without colons (XML 1.0 §2.3 NameStartChar NameChar*; Namespaces in XML §3 NCName). */
const NC_NAME = new RegExp(`^[${START}][${START}\\-.0-9\\u00b7\\u0300-\\u036f\\u203f\\u2040]*$`, 'u');
/** True when `s` is an NCName (a local name or prefix). */
export const isNcName = (s: string): boolean => NC_NAME.test(s);

/** XML 1.0 Char (§2.2): tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and paired surrogates. */
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** The reason `s` cannot be XML character data, or undefined. */
export function illegalChars(s: string): string | undefined {
  const m = ILLEGAL_CHAR.exec(s);
  if (!m) return undefined;
  const c = m[0].codePointAt(0)!;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')} is not a character XML 1.0 allows (at offset ${m.index})`;
}

const describe = (v: unknown): string => (Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check a Clark-notation attribute key (`{uri}local` or `local`) of `$attrs`/`attrs`; returns why not, or undefined. */
export function badAttributeKey(key: string): string | undefined {
  let ns: string | null = null;
  let local = key;
  if (key.startsWith('{')) {
    const end = key.indexOf('}');
    if (end === -1) return `attribute key "${key}" opens a namespace with '{' but never closes it; write {namespace}name`;
    ns = key.slice(1, end);
    local = key.slice(end + 1);
    if (ns === '') return `attribute key "${key}" has an empty namespace; write just "${local}" for an attribute in no namespace`;
  }
  if (ns === NS.xmlns || (ns === null && (local === 'xmlns' || local.startsWith('xmlns:')))) {
    return `"${key}" is a namespace declaration, not an attribute; declare namespaces in $ns (model objects) or namespaces (XML nodes) as { "prefix": "uri" }`;
  }
  if (!isNcName(local)) return `attribute name "${local}" is not an XML name${local.includes(':') ? ' (write a prefixed attribute in Clark notation, {namespace}name)' : ''}`;
  return undefined;
}

/** Check an attribute map (`$attrs` or an XElement's `attrs`). */
export function checkAttrs(attrs: unknown, path: string, what: string): asserts attrs is Record<string, string> {
  if (!isObj(attrs)) throw new TreeError(`${what} must be an object of {"{namespace}name": "value"}, got ${describe(attrs)}`, path);
  for (const [k, v] of Object.entries(attrs)) {
    const bad = badAttributeKey(k);
    if (bad) throw new TreeError(bad, `${path}/${k}`);
    if (typeof v !== 'string') throw new TreeError(`the value of attribute "${k}" must be a string, got ${describe(v)}`, `${path}/${k}`);
    const chars = illegalChars(v);
    if (chars) throw new TreeError(`the value of attribute "${k}" cannot be written as XML: ${chars}`, `${path}/${k}`);
  }
}

/** Check namespace declarations (`$ns` or an XElement's `namespaces`): prefix ('' = default) -> URI. */
export function checkNamespaces(decls: unknown, path: string, what: string): asserts decls is Record<string, string> {
  if (!isObj(decls)) throw new TreeError(`${what} must be an object of { "prefix": "namespace URI" } ("" for the default namespace), got ${describe(decls)}`, path);
  for (const [p, uri] of Object.entries(decls)) {
    const at = `${path}/${p}`;
    if (typeof uri !== 'string') throw new TreeError(`the namespace of prefix "${p}" must be a string, got ${describe(uri)}`, at);
    if (p !== '' && !isNcName(p)) throw new TreeError(`"${p}" is not a valid namespace prefix (an XML name without ':')`, at);
    if (p === 'xmlns') throw new TreeError('the prefix xmlns is reserved and cannot be declared (Namespaces in XML 1.0 §3)', at);
    if ((p === 'xml') !== (uri === NS.xml)) throw new TreeError(p === 'xml' ? `the prefix xml is bound to ${NS.xml} and nothing else` : `${NS.xml} belongs to the prefix xml only`, at);
    if (uri === NS.xmlns) throw new TreeError(`${NS.xmlns} cannot be bound to a prefix (Namespaces in XML 1.0 §3)`, at);
    if (uri === '' && p !== '') throw new TreeError(`xmlns:${p}="" is not allowed: a prefix cannot be undeclared in XML 1.0`, at);
    const chars = illegalChars(uri);
    if (chars) throw new TreeError(`the namespace of prefix "${p}" cannot be written as XML: ${chars}`, at);
  }
}

const ELEMENT_KEYS = new Set(['ns', 'name', 'prefix', 'attrs', 'children', 'namespaces']);

/** Check one element's own fields (not its children). `fixedName`: the name comes from the description (CreateItem content). */
function checkElementFields(v: unknown, path: string, fixedName: boolean): asserts v is XElement {
  if (!isObj(v)) throw new TreeError(`expected an XML node ({ "ns", "name", "attrs"?, "children"? } or { "text" }), got ${describe(v)}`, path);
  for (const k of Object.keys(v)) {
    if (!ELEMENT_KEYS.has(k)) throw new TreeError(`unknown property "${k}" of an XML element node (known: ${[...ELEMENT_KEYS].join(', ')})`, path);
  }
  if (!fixedName) {
    if (typeof v.name !== 'string') throw new TreeError(`an XML element node needs a "name" string, got ${describe(v.name)}`, path);
    if (!isNcName(v.name)) throw new TreeError(`"${v.name}" is not an XML element name${v.name.includes(':') ? ' (give the prefix in "prefix" and the namespace in "ns")' : ''}`, `${path}/name`);
    if (v.ns !== null && typeof v.ns !== 'string') throw new TreeError(`"ns" must be the namespace URI or null (no namespace), got ${describe(v.ns)}`, `${path}/ns`);
    if (v.ns === '') throw new TreeError('"ns" is empty; use null for an element in no namespace', `${path}/ns`);
    if (v.ns === NS.xmlns) throw new TreeError(`no element can be in ${NS.xmlns}`, `${path}/ns`);
  }
  if (v.prefix !== undefined) {
    if (typeof v.prefix !== 'string' || (v.prefix !== '' && !isNcName(v.prefix))) throw new TreeError(`"prefix" must be an XML name without ':', got ${JSON.stringify(v.prefix)}`, `${path}/prefix`);
    if (v.prefix === 'xmlns') throw new TreeError('the prefix xmlns is reserved for namespace declarations', `${path}/prefix`);
  }
  if (v.attrs !== undefined) checkAttrs(v.attrs, `${path}/attrs`, '"attrs"');
  if (v.namespaces !== undefined) {
    checkNamespaces(v.namespaces, `${path}/namespaces`, '"namespaces"');
    if (!fixedName && v.ns === null && v.namespaces['']) throw new TreeError(`an element in no namespace cannot declare a default namespace (xmlns="${v.namespaces['']}")`, `${path}/namespaces`);
  }
  if (v.children !== undefined && !Array.isArray(v.children)) throw new TreeError(`"children" must be an array of XML nodes, got ${describe(v.children)}`, `${path}/children`);
}

/**
 * Check a list of generic XML nodes (`$any`) or one element (`$xml`, CreateItem content), and
 * their whole subtree, iteratively. `depth` is the element depth of the parent in the document;
 * an element deeper than `maxDepth` is refused.
 */
export function checkNodes(nodes: unknown, path: string, depth: number, maxDepth: number, opts: { single?: boolean; fixedName?: boolean } = {}): void {
  const stack: { v: unknown; path: string; depth: number; root: boolean }[] = [];
  if (opts.single) stack.push({ v: nodes, path, depth: depth + 1, root: true });
  else {
    if (!Array.isArray(nodes)) throw new TreeError(`$any must be an array of XML nodes, got ${describe(nodes)}`, path);
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ v: nodes[i], path: `${path}[${i}]`, depth: depth + 1, root: false });
  }
  while (stack.length) {
    const { v, path: at, depth: d, root } = stack.pop()!;
    if (isObj(v) && 'text' in v) {
      if (Object.keys(v).length !== 1) throw new TreeError('a text node has exactly one property, "text"', at);
      if (typeof v.text !== 'string') throw new TreeError(`"text" must be a string, got ${describe(v.text)}`, `${at}/text`);
      const chars = illegalChars(v.text);
      if (chars) throw new TreeError(`text cannot be written as XML: ${chars}`, `${at}/text`);
      continue;
    }
    checkElementFields(v, at, root && opts.fixedName === true);
    if (d > maxDepth) throw new TreeError(`elements are nested deeper than the limit of ${maxDepth} (raise it with --max-depth or the maxDepth option)`, at);
    const kids = (v as XElement).children as XNode[] | undefined;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ v: kids[i], path: `${at}/children[${i}]`, depth: d + 1, root: false });
  }
}
