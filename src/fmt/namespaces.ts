/**
 * The namespace plan of a formatted document: conventional prefixes (vcloud as the default
 * namespace, ovf, rasd, vssd, ...; src/xml/names.ts) declared once on the root, where that is safe.
 *
 * It is not safe for a prefix whose name matters beyond element and attribute names. Such a prefix
 * is *pinned*: its declarations stay on the elements that wrote them, bound as written, and every
 * name written with it keeps it. A prefix is pinned when
 * - it appears as `prefix:` in an attribute value or in text (`xsi:type="xs:int"`, QName content,
 *   Namespaces in XML 1.0 §6 leaves their meaning to the application, so it must not change);
 *   the default namespace is pinned by an unprefixed `xsi:type` value (XML Schema 1.0 §3.15.2.2);
 * - content copied as read (mixed content, `xml:space="preserve"`) uses it with a declaration made
 *   outside that content.
 * A prefix a value uses that nothing declares is *reserved*: fmt never declares it (that would give
 * the value a meaning it did not have). Every other prefix is renamed to its namespace's
 * conventional prefix (or, for a namespace without one, the prefix the document wrote, or `ns0`,
 * `ns1`, ...), declared on the root, and a declaration nothing uses is dropped.
 */
import { ElementFlag, NodeKind, type XmlDoc } from '../xml/doc.js';
import { CONVENTIONAL_PREFIX, NS } from '../xml/names.js';
import { Mode } from './attach.js';

const XSI_TYPE_LOCAL = 'type';

/** The prefix each name is written with, and the declarations each element carries. */
export interface NsPlan {
  /** Prefixes kept exactly as written. */
  readonly pinned: ReadonlySet<string>;
  /** Element name as it is written out. */
  elementName(n: number): string;
  /** Attribute name as it is written out. */
  attrName(a: number): string;
  /** Namespace declarations written on element n, in order: `[prefix ('' = default), raw value, quote]`. */
  declarations(n: number): [string, string][];
}

/** XML 1.0 NameChar, approximately (ASCII name characters and everything above U+007F), ':' excluded. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c > 127;
}
/** NameStartChar, approximately: not a digit, '-' or '.'. */
const isNameStart = (c: number) => isNameChar(c) && !(c >= 48 && c <= 57) && c !== 45 && c !== 46;

/**
 * Add to `out` the prefix of every token in `value` that reads as a QName `prefix:local` (a name, one
 * colon, a name, nothing name-like or another colon around it), so `xs:int` and `see ovf:Info` count
 * and `https://...`, `urn:vcloud:vm:1` and `C:\` do not.
 */
export function qnamePrefixes(value: string, out: Set<string>): void {
  for (let i = value.indexOf(':'); i !== -1; i = value.indexOf(':', i + 1)) {
    let j = i;
    while (j > 0 && isNameChar(value.charCodeAt(j - 1))) j--;
    let k = i + 1;
    while (k < value.length && isNameChar(value.charCodeAt(k))) k++;
    if (j === i || k === i + 1 || !isNameStart(value.charCodeAt(j)) || !isNameStart(value.charCodeAt(i + 1))) continue;
    if ((j > 0 && value.charCodeAt(j - 1) === 58) || (k < value.length && value.charCodeAt(k) === 58)) continue;
    out.add(value.slice(j, i));
  }
}

/**
 * Escape a namespace URI for a double-quoted attribute. Tab, line feed and carriage return are
 * written as character references: literally, attribute-value normalization would read them back as
 * spaces (XML 1.0 §3.3.3), another namespace.
 */
function quoteUri(u: string): string {
  return /[&<"\t\n\r]/.test(u) ? u.replace(/[&<"\t\n\r]/g, (c) => URI_ESCAPES[c]!) : u;
}
const URI_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Make the plan. `modes[n]` is the mode of every element fmt writes (Mode.Inside for content copied as read). */
export function planNamespaces(doc: XmlDoc, modes: Uint8Array): NsPlan {
  // Every declaration, in document order: prefix -> [element, uri][].
  const declared = new Map<string, [number, string][]>();
  const written = new Map<string, string[]>(); // uri -> prefixes declared for it, in document order
  for (let n = 1; n < doc.count; n++) {
    if (doc.kinds[n] !== NodeKind.Element) continue;
    for (const [p, u] of doc.namespaceDecls(n)) {
      let d = declared.get(p);
      if (!d) declared.set(p, (d = []));
      d.push([n, u]);
      let w = written.get(u);
      if (!w) written.set(u, (w = []));
      if (!w.includes(p)) w.push(p);
    }
  }
  // Prefixes values use: declared ones are pinned; undeclared ones must stay undeclared (reserved).
  const inValues = new Set<string>();
  for (let a = 0; a < doc.attrCount; a++) if (!doc.isNamespaceDecl(a)) qnamePrefixes(doc.attrValue(a), inValues);
  for (let n = 1; n < doc.count; n++) {
    const k = doc.kinds[n];
    if (k === NodeKind.Text || k === NodeKind.CData) qnamePrefixes(doc.value(n), inValues);
  }
  const pinned = new Set<string>();
  const reserved = new Set<string>();
  for (const p of inValues) (declared.has(p) ? pinned : reserved).add(p);
  const xsiType = doc.findExpanded(NS.xsi, XSI_TYPE_LOCAL);
  if (xsiType >= 0) for (let a = 0; a < doc.attrCount; a++) if (doc.aNames[a] === xsiType && !doc.attrValue(a).includes(':')) pinned.add('');
  pinRawContent(doc, modes, pinned);

  // Namespaces that written-out names need a prefix for.
  const elementNs = new Set<string>();
  const attrNs = new Set<string>();
  let noNamespace = false;
  for (let n = 1; n < doc.count; n++) {
    if (doc.kinds[n] !== NodeKind.Element || modes[n] === Mode.Inside) continue;
    if (!pinned.has(doc.prefix(n))) {
      const u = doc.ns(n);
      if (u === null) noNamespace = true;
      else elementNs.add(u);
    }
    const f = doc.attrFirst[n];
    for (let a = f; a < f + doc.attrLen[n]; a++) {
      if (doc.isNamespaceDecl(a)) continue;
      const p = doc.attrPrefix(a);
      const u = doc.attrNs(a);
      if (p && !pinned.has(p) && u !== null && u !== NS.xml) attrNs.add(u);
    }
  }
  // Elements in no namespace cannot sit under a default namespace: then vcloud takes a prefix too.
  const noDefault = noNamespace && !pinned.has('');

  // A pinned prefix may serve its namespace everywhere when its only declaration is on the root.
  const rootOnly = (p: string): string | undefined => {
    const d = declared.get(p);
    return d && d.length === 1 && d[0][0] === doc.root ? d[0][1] : undefined;
  };
  const owner = new Map<string, string>(); // prefix -> uri
  for (const p of pinned) {
    const u = rootOnly(p);
    if (u !== undefined) owner.set(p, u);
  }
  const ok = (p: string, u: string, forAttr: boolean): boolean => {
    if (p === 'xmlns' || p === 'xml' || reserved.has(p) || (p === '' && (forAttr || noDefault))) return false;
    const o = owner.get(p);
    if (pinned.has(p)) return o === u;
    return o === undefined || o === u;
  };
  let gen = 0;
  const fresh = (): string => {
    let p: string;
    do p = `ns${gen++}`;
    while (declared.has(p) || owner.has(p) || inValues.has(p));
    return p;
  };
  const choose = (u: string, forAttr: boolean): string => {
    const conv = CONVENTIONAL_PREFIX[u];
    const candidates = conv === '' ? ['', 'vcloud'] : conv !== undefined ? [conv] : [];
    for (const p of [...candidates, ...(written.get(u) ?? [])]) if (ok(p, u, forAttr)) return p;
    return fresh();
  };
  const known = Object.keys(CONVENTIONAL_PREFIX);
  const uris = [...new Set([...elementNs, ...attrNs])].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const elementPrefix = new Map<string, string>();
  const attrPrefix = new Map<string, string>();
  const plan: [string, string][] = []; // declarations the root must carry: [prefix, uri]
  const claim = (p: string, u: string) => {
    if (owner.get(p) === u) return;
    owner.set(p, u);
    plan.push([p, u]);
  };
  for (const u of uris) {
    if (elementNs.has(u)) {
      const p = choose(u, false);
      elementPrefix.set(u, p);
      claim(p, u);
    }
    if (attrNs.has(u)) {
      const e = elementPrefix.get(u);
      const p = e ? e : choose(u, true);
      attrPrefix.set(u, p);
      claim(p, u);
    }
  }
  // Pinned declarations on the root also count as made by the plan (they stay where they are).
  const planned = new Map(plan.map(([p, u]) => [p, u]));

  const qualify = (p: string, local: string) => (p ? `${p}:${local}` : local);
  // Written names by expanded-name id: most elements share a few dozen names.
  const elementNames: string[] = [];
  const attrNames: string[] = [];
  const pinnedQName = doc.qnamePrefix.map((p) => pinned.has(p));
  const none: [string, string][] = [];
  return {
    pinned,
    elementName(n) {
      if (pinnedQName[doc.qnames[n]]) return doc.qname(n);
      const ex = doc.names[n];
      let name = elementNames[ex];
      if (name === undefined) {
        const u = doc.exNs[ex];
        name = elementNames[ex] = u === null ? doc.exLocal[ex] : qualify(elementPrefix.get(u)!, doc.exLocal[ex]);
      }
      return name;
    },
    attrName(a) {
      const q = doc.aQNames[a];
      if (!doc.qnamePrefix[q] || pinnedQName[q]) return doc.attrQName(a);
      const ex = doc.aNames[a];
      let name = attrNames[ex];
      if (name === undefined) {
        const u = doc.exNs[ex];
        name = attrNames[ex] = u === NS.xml ? `xml:${doc.exLocal[ex]}` : qualify(attrPrefix.get(u!)!, doc.exLocal[ex]);
      }
      return name;
    },
    declarations(n) {
      if (n !== doc.root && !(doc.flags[n] & ElementFlag.DeclaresNamespaces)) return none;
      const out: [string, string][] = [];
      const f = doc.attrFirst[n];
      const done = new Set<string>();
      for (let a = f; a < f + doc.attrLen[n]; a++) {
        if (!doc.isNamespaceDecl(a)) continue;
        const p = doc.attrLocal(a);
        if (pinned.has(p) || (n === doc.root && planned.get(p) === doc.attrValue(a))) {
          out.push([p, doc.attrRaw(a)]);
          done.add(p);
        }
      }
      if (n === doc.root) for (const [p, u] of plan) if (!done.has(p)) out.push([p, quoteUri(u)]);
      return out;
    },
  };
}

/**
 * Pin the prefixes that content copied as read uses with a declaration made outside it: renaming
 * or moving that declaration would change what the copied names mean. A walk with an explicit stack
 * over each copied subtree, counting the declarations made inside it.
 */
function pinRawContent(doc: XmlDoc, modes: Uint8Array, pinned: Set<string>): void {
  const inner = new Map<string, number>();
  const use = (p: string) => {
    if (!(inner.get(p) ?? 0) && p !== 'xml') pinned.add(p);
  };
  for (let top = 1; top < doc.count; top++) {
    if (doc.kinds[top] !== NodeKind.Element || modes[top] !== Mode.Raw) continue;
    inner.clear();
    // [node, entering]: on exit the element's declarations leave the count.
    const stack: [number, boolean][] = [];
    const kids = doc.elementChildren(top);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], true]);
    while (stack.length) {
      const [e, entering] = stack.pop()!;
      const decls = doc.namespaceDecls(e);
      if (!entering) {
        for (const [p] of decls) inner.set(p, inner.get(p)! - 1);
        continue;
      }
      for (const [p] of decls) inner.set(p, (inner.get(p) ?? 0) + 1);
      use(doc.prefix(e));
      const f = doc.attrFirst[e];
      for (let a = f; a < f + doc.attrLen[e]; a++) if (!doc.isNamespaceDecl(a) && doc.attrPrefix(a)) use(doc.attrPrefix(a));
      stack.push([e, false]);
      const kids = doc.elementChildren(e);
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], true]);
    }
  }
}
