/**
 * The write engine: a model object + its description -> a generic element tree in schema order, then
 * XML text through a direct string writer (well-formedness checked). Namespaces get their
 * conventional prefixes (vcloud as the default namespace) and are all declared on the root.
 */
import type { ComplexDesc, Content, ElementParticle, LeafDesc } from '../model/dsl.js';
import { CONVENTIONAL_PREFIX, NS, clark, unclark } from './names.js';
import { isText, type XElement, type XNode } from './tree.js';

/** A model object that does not fit its description (unknown property, wrong shape), with where. */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'BuildError';
  }
}

/** Options of the XML writer. */
export interface WriteOptions {
  /** Indent with two spaces (default true). */
  pretty?: boolean;
  /** Write the `<?xml ...?>` declaration (default true). */
  declaration?: boolean;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Build the element for one particle's value. */
export function buildElement(ns: string | null, local: string, value: unknown, content: Content, path: string): XElement {
  switch (content.kind) {
    case 'leaf':
      return buildLeaf(ns, local, value, content, path);
    case 'complex':
      if (!isObj(value)) throw new BuildError(`expected an object for <${local}> (${content.name}), got ${describe(value)}`, path);
      return buildComplex(ns, local, value, content, path);
    case 'xml': {
      if (!isObj(value) || typeof value.name !== 'string') throw new BuildError(`expected an XML element object { ns, name, attrs?, children? } for <${local}>`, path);
      const x = value as unknown as XElement;
      return { ...x, ns, name: local };
    }
  }
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
}

function scalar(v: unknown, content: LeafDesc, path: string): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return content.codec.encode(v as never);
  throw new BuildError(`expected a ${content.codec.xsd} value, got ${describe(v)}`, path);
}

function buildLeaf(ns: string | null, local: string, value: unknown, desc: LeafDesc, path: string): XElement {
  const el: XElement = { ns, name: local };
  if (!isObj(value)) {
    el.children = [{ text: scalar(value, desc, path) }];
    return el;
  }
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$value' || k === '$attrs' || k === '$any' || k === '$ns' || v === undefined) continue;
    const d = desc.attrs.find((a) => a.key === k);
    if (!d) throw new BuildError(`unknown attribute "${k}" on <${local}>${desc.attrs.length ? ` (known: ${desc.attrs.map((a) => a.key).join(', ')})` : ''}; put foreign attributes in $attrs as {"{namespace}name": value}`, path);
    attrs[clark(d.ns, d.local)] = scalar(v, { ...desc, codec: d.codec }, `${path}/@${k}`);
  }
  Object.assign(attrs, value.$attrs as Record<string, string> | undefined);
  if (Object.keys(attrs).length) el.attrs = attrs;
  if (isObj(value.$ns)) el.namespaces = value.$ns as Record<string, string>;
  const children: XNode[] = [];
  // `{ $value: '' }` alone is the scalar '' in object form and is written the same way (parse reads both back as '').
  const bare = !el.attrs && !(Array.isArray(value.$any) && value.$any.length);
  if (value.$value !== undefined && (value.$value !== '' || bare)) children.push({ text: scalar(value.$value, desc, path) });
  if (Array.isArray(value.$any)) children.push(...(value.$any as XNode[]));
  if (children.length) el.children = children;
  return el;
}

const RESERVED = new Set(['$attrs', '$any', '$ns', 'kind']);

function buildComplex(ns: string | null, local: string, value: Obj, desc: ComplexDesc, path: string): XElement {
  const el: XElement = { ns, name: local };
  const attrs: Record<string, string> = {};
  const known = new Set<string>();
  for (const a of desc.attrs) {
    known.add(a.key);
    const v = value[a.key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new BuildError(`attribute ${a.key} must be a ${a.codec.xsd} value, got ${describe(v)}`, `${path}/@${a.key}`);
    attrs[clark(a.ns, a.local)] = a.codec.encode(v as never);
  }
  if (value.$attrs !== undefined) {
    if (!isObj(value.$attrs)) throw new BuildError('$attrs must be an object of {"{namespace}name": "value"}', path);
    Object.assign(attrs, value.$attrs);
  }
  if (Object.keys(attrs).length) el.attrs = attrs;
  if (isObj(value.$ns)) el.namespaces = value.$ns as Record<string, string>;

  const children: XNode[] = [];
  for (const p of desc.children) {
    known.add(p.key);
    const v = value[p.key];
    if (p.kind === 'choice') {
      if (v === undefined) continue;
      if (!Array.isArray(v)) throw new BuildError(`${p.key} must be an array of single-key objects such as { ${p.options[0]?.key}: {...} }`, `${path}/${p.key}`);
      v.forEach((entry, i) => {
        const epath = `${path}/${p.key}[${i}]`;
        if (!isObj(entry) || Object.keys(entry).length !== 1) throw new BuildError(`each entry must be an object with exactly one key (${p.options.map((o) => o.key).join(', ')}${p.keepUnknown ? ', $xml' : ''})`, epath);
        const [k, ev] = Object.entries(entry)[0];
        if (k === '$xml' && p.keepUnknown) return void children.push(ev as XElement);
        const o = p.options.find((x) => x.key === k);
        if (!o) throw new BuildError(`unknown entry "${k}" (expected one of ${p.options.map((x) => x.key).join(', ')})`, epath);
        children.push(buildElement(o.ns, o.local, ev, o.content, `${epath}/${k}`));
      });
      continue;
    }
    pushParticle(children, p, v, `${path}/${p.key}`);
  }
  for (const k of Object.keys(value)) {
    if (!known.has(k) && !RESERVED.has(k) && value[k] !== undefined) {
      const names = [...desc.children.map((c) => c.key), ...desc.attrs.map((a) => a.key)];
      const near = names.find((n) => editDistance(n.toLowerCase(), k.toLowerCase()) <= 2);
      throw new BuildError(`unknown property "${k}" in ${desc.name}${near ? ` (did you mean "${near}"?)` : ''}; known: ${names.join(', ')}`, path);
    }
  }
  if (value.$any !== undefined) {
    if (!Array.isArray(value.$any)) throw new BuildError('$any must be an array of XML nodes', path);
    children.push(...(value.$any as XNode[]));
  }
  if (children.length) el.children = children;
  return el;
}

/** Levenshtein distance, for "did you mean" hints on misspelt property names. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function pushParticle(children: XNode[], p: ElementParticle, v: unknown, path: string): void {
  if (v === undefined || v === null) {
    if (p.autofill) children.push(buildElement(p.ns, p.local, p.autofill(), p.content, path));
    return;
  }
  if (p.many) {
    if (!Array.isArray(v)) throw new BuildError(`${p.key} may repeat, so it must be an array`, path);
    v.forEach((item, i) => children.push(buildElement(p.ns, p.local, item, p.content, `${path}[${i}]`)));
  } else {
    if (Array.isArray(v)) throw new BuildError(`${p.key} occurs at most once, so it must not be an array`, path);
    children.push(buildElement(p.ns, p.local, v, p.content, path));
  }
}

// ---------------------------------------------------------------------------------------------
// Serialization

function collectNamespaces(el: XElement, out: Map<string, string | undefined>, attrNs: Set<string>): void {
  if (el.ns === null) attrNs.add('');
  else if (out.get(el.ns) === undefined) out.set(el.ns, el.prefix);
  for (const k of Object.keys(el.attrs ?? {})) {
    const { ns } = unclark(k);
    if (ns && ns !== NS.xml) {
      attrNs.add(ns);
      if (!out.has(ns)) out.set(ns, undefined);
    }
  }
  for (const c of el.children ?? []) if (!isText(c)) collectNamespaces(c, out, attrNs);
}

/** Serialize an element tree: conventional prefixes, every namespace declared once on the root. */
export function serialize(root: XElement, opts: WriteOptions = {}): string {
  const used = new Map<string, string | undefined>();
  const attrNs = new Set<string>();
  collectNamespaces(root, used, attrNs);
  const prefixOf = new Map<string, string>([[NS.xml, 'xml']]);
  const taken = new Set<string>(['xml', 'xmlns']);
  // Elements in no namespace cannot sit under a default namespace (xmlns="" is not written): then
  // every namespace gets a prefix, vcloud included.
  const noDefault = attrNs.has('');
  for (const ns of used.keys()) {
    const p = CONVENTIONAL_PREFIX[ns] === '' && noDefault ? 'vcloud' : CONVENTIONAL_PREFIX[ns];
    if (p !== undefined && !taken.has(p)) (prefixOf.set(ns, p), taken.add(p));
  }
  let n = 0;
  for (const [ns, hint] of used) {
    if (prefixOf.has(ns)) continue;
    let p = hint && !taken.has(hint) ? hint : '';
    while (!p || taken.has(p)) p = `ns${n++}`;
    prefixOf.set(ns, p);
    taken.add(p);
  }
  const defaultNs = [...prefixOf].find(([, p]) => p === '')?.[0] ?? null;
  // Attributes cannot use the default namespace: a namespaced attribute in it (vcloud:capacity on a
  // rasd:HostResource) needs a prefix of its own for the same URI.
  const attrPrefixOf = new Map(prefixOf);
  if (defaultNs && attrNs.has(defaultNs)) {
    let p = 'vcloud';
    while (taken.has(p)) p = `ns${n++}`;
    attrPrefixOf.set(defaultNs, p);
    taken.add(p);
  }
  const qname = (ns: string | null, local: string) => {
    const p = ns ? prefixOf.get(ns) : '';
    return p ? `${p}:${local}` : local;
  };
  const attrQName = (key: string) => {
    const { ns, local } = unclark(key);
    return ns ? `${attrPrefixOf.get(ns)}:${local}` : local;
  };

  // A direct string writer. xmlbuilder2's callback writer builds a DOM fragment for every element
  // and text node (XMLBuilderCBImpl.ele/txt), which made a 20 MB document take about 20 s; this
  // writes the same text (same pretty-printing: an element with text content is closed on the same
  // line) with the same well-formedness checks, at well over 20 MB/s.
  const pretty = opts.pretty ?? true;
  const parts: string[] = [];
  let failure: string | undefined;
  const fail = (m: string) => void (failure ??= m);
  if (opts.declaration ?? true) parts.push('<?xml version="1.0" encoding="UTF-8"?>');
  const indents: string[] = [];
  const lineStart = (level: number, inline: boolean): string => {
    if (!pretty || inline) return '';
    let ind = indents[level];
    if (ind === undefined) ind = indents[level] = '  '.repeat(level);
    return parts.length ? '\n' + ind : ind;
  };
  const attribute = (name: string, value: string) => {
    if (!isLegalChars(value)) fail('Invalid characters in attribute value');
    parts.push(` ${name}="${escapeAttr(value)}"`);
  };
  // Inside mixed content (an element with text children) no indentation is added: it would become
  // part of the text, and grow on every parse/build round.
  const write = (el: XElement, isRoot: boolean, level: number, inline: boolean) => {
    if (!isNcName(el.name)) fail('Node local name contains invalid characters');
    const name = qname(el.ns, el.name);
    parts.push(lineStart(level, inline) + '<' + name);
    if (isRoot) {
      for (const [ns, p] of prefixOf) if (ns !== NS.xml && used.has(ns)) attribute(p ? `xmlns:${p}` : 'xmlns', ns);
      if (defaultNs && attrPrefixOf.get(defaultNs) !== '') attribute(`xmlns:${attrPrefixOf.get(defaultNs)}`, defaultNs);
    }
    // Declarations the document made itself (parse keeps them in $ns / namespaces), for prefixes the writer does not use.
    if (el.namespaces) for (const p in el.namespaces) if (p !== '' && !taken.has(p)) attribute(`xmlns:${p}`, el.namespaces[p]);
    if (el.attrs) {
      for (const k in el.attrs) {
        const local = unclark(k).local;
        if (!isNcName(local)) fail('Attribute local name contains invalid characters');
        attribute(attrQName(k), el.attrs[k]);
      }
    }
    const children = el.children;
    if (!children || children.length === 0) {
      parts.push('/>');
      return;
    }
    parts.push('>');
    let hasText = false;
    const mixed = inline || children.some(isText);
    for (const c of children) {
      if (isText(c)) {
        const t = c.text;
        if (!isLegalChars(t)) fail('Text data contains invalid characters');
        hasText = true;
        if (t) parts.push(escapeText(t));
      } else write(c, false, level + 1, mixed);
    }
    parts.push((hasText ? '' : lineStart(level, inline)) + '</' + name + '>');
  };
  write(root, true, 0, false);
  if (failure) throw new BuildError(`cannot be written as XML: ${failure}`, `/${root.name}`);
  return parts.join('');
}

/** XML 1.0 Char (§2.2): tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and paired surrogates. */
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const isLegalChars = (s: string): boolean => !ILLEGAL_CHAR.test(s);

/** XML Name without colons (§2.3 NameStartChar NameChar*). */
const NC_NAME =
  /^[A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\u{10000}-\u{effff}][A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\u{10000}-\u{effff}\-.0-9\u00b7\u0300-\u036f\u203f\u2040]*$/u;
const isNcName = (s: string): boolean => NC_NAME.test(s);

// Every '&' is escaped: xmlbuilder2 left '&lt;' and the like as written, so a value containing
// the text "&lt;" came back from parse as "<".
// Whitespace a parser would normalize away is written as character references to survive a round
// trip: CR in text (GuestCustomization scripts use &#13; line ends), CR/LF/TAB in attributes
// (XML 1.0 §2.11 end-of-line handling, §3.3.3 attribute-value normalization).
const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\t\n\r]/;
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const escapeText = (s: string): string => (TEXT_SPECIAL.test(s) ? s.replace(/[&<>\r]/g, (c) => ESC[c]) : s);
const escapeAttr = (s: string): string => (ATTR_SPECIAL.test(s) ? s.replace(/[&<>"\t\n\r]/g, (c) => ESC[c]) : s);

