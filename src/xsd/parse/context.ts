/**
 * Reading the elements of a schema document: XSD children, attributes, QName values resolved
 * with the namespaces in scope (chameleon documents map no-namespace names to their includer's
 * namespace, Part 1 §4.2.1), documentation text, and schema errors that name file and line.
 */
import { NodeKind } from '../../xml/doc.js';
import { SchemaError } from '../errors.js';
import { lineOf, type SchemaDoc } from '../load/loader.js';
import { XSD_NS } from '../names.js';
import type { NsContext } from '../simple.js';
import type { Place } from './components.js';

/** A node of a schema document. */
export interface At {
  d: SchemaDoc;
  node: number;
}

/** Place of a node, for components. */
export function placeOf(at: At): Place {
  return { file: at.d.file, line: lineOf(at.d, at.node) };
}

/** Throw a schema error at a node. */
export function fail(at: At, reason: string): never {
  throw new SchemaError(reason, at.d.file, lineOf(at.d, at.node));
}

/** Local name of an XSD element node ('' when it is not in the XSD namespace). */
export function xsName(at: At): string {
  const { doc } = at.d;
  return doc.ns(at.node) === XSD_NS ? doc.local(at.node) : '';
}

/** The XSD element children of a node, xs:annotation left out. */
export function xsChildren(at: At): At[] {
  const { doc } = at.d;
  const out: At[] = [];
  for (let c = doc.firsts[at.node]; c !== -1; c = doc.nexts[c]) {
    if (doc.kinds[c] !== NodeKind.Element) continue;
    if (doc.ns(c) !== XSD_NS) fail({ d: at.d, node: c }, `<${doc.qname(c)}> is not an XML Schema element (only xs:annotation may hold other content)`);
    if (doc.local(c) === 'annotation') continue;
    out.push({ d: at.d, node: c });
  }
  return out;
}

/** An unqualified attribute of a schema element, as written (undefined when absent). */
export function attr(at: At, local: string): string | undefined {
  return at.d.doc.attr(at.node, local);
}

/** An attribute whose value is whitespace-collapsed in the schema for schemas (names, QNames, booleans). */
export function token(at: At, local: string): string | undefined {
  const v = at.d.doc.attr(at.node, local);
  return v === undefined ? undefined : v.trim();
}

/** A boolean attribute (`true`/`false`/`1`/`0`). */
export function bool(at: At, local: string, dflt: boolean): boolean {
  const v = token(at, local);
  if (v === undefined) return dflt;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  fail(at, `${local}="${v}" is not a boolean (true, false, 1 or 0)`);
}

const NCNAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*$/;

/** The name= of a declaration, checked to be an NCName. */
export function nameOf(at: At): string {
  const v = token(at, 'name');
  if (v === undefined) fail(at, `<xs:${xsName(at)}> needs a name`);
  if (!NCNAME.test(v)) fail(at, `name="${v}" is not a valid XML name without a colon`);
  return v;
}

/** Resolve a QName value written at a node; throws for an undeclared prefix. */
export function qname(at: At, value: string): { ns: string | null; local: string } {
  const v = value.trim();
  const i = v.indexOf(':');
  const prefix = i < 0 ? '' : v.slice(0, i);
  const local = i < 0 ? v : v.slice(i + 1);
  if (local === '' || !NCNAME.test(local) || (i >= 0 && !NCNAME.test(prefix))) fail(at, `'${value}' is not a qualified name`);
  const ns = at.d.doc.lookupNamespace(at.node, prefix);
  if (ns === undefined) fail(at, `the prefix '${prefix}' of '${v}' is not declared`);
  // chameleon include: a no-namespace reference means the including schema's namespace
  if (ns === null && at.d.chameleon) return { ns: at.d.tns, local };
  return { ns, local };
}

/** The namespaces in scope at a node, for QName-valued defaults and enumerations. */
export function nsContext(at: At): NsContext {
  const { doc } = at.d;
  return {
    lookup: (prefix: string) => {
      const ns = doc.lookupNamespace(at.node, prefix);
      if (ns === null && prefix === '' && at.d.chameleon) return at.d.tns;
      return ns;
    },
  };
}

/** The bindings in scope at a node as pairs (for storing with a value constraint). */
export function nsPairs(at: At): [string, string][] {
  return [...at.d.doc.inScopeNamespaces(at.node)];
}

/** Text of the xs:documentation children of a node's xs:annotation, trimmed and joined. */
export function documentation(at: At): string | undefined {
  const { doc } = at.d;
  let out = '';
  for (let c = doc.firsts[at.node]; c !== -1; c = doc.nexts[c]) {
    if (doc.kinds[c] !== NodeKind.Element || doc.ns(c) !== XSD_NS || doc.local(c) !== 'annotation') continue;
    for (let e = doc.firsts[c]; e !== -1; e = doc.nexts[e]) {
      if (doc.kinds[e] !== NodeKind.Element || doc.ns(e) !== XSD_NS || doc.local(e) !== 'documentation') continue;
      const text = deepText(doc, e).replace(/\s+/g, ' ').trim();
      if (text) out += (out ? '\n' : '') + text;
    }
  }
  return out || undefined;
}

function deepText(doc: SchemaDoc['doc'], n: number): string {
  let s = '';
  const stack = [n];
  while (stack.length) {
    const e = stack.pop()!;
    const k = doc.kinds[e];
    if (k === NodeKind.Text || k === NodeKind.CData) {
      s += doc.value(e);
      continue;
    }
    if (k !== NodeKind.Element) continue;
    const kids: number[] = [];
    for (let c = doc.firsts[e]; c !== -1; c = doc.nexts[c]) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return s;
}
