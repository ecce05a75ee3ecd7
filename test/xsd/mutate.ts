/**
 * Deterministic mutations of request documents for the differential schema tests.
 *
 * A tiny lossless XML tree (elements with raw attribute values, everything else kept as raw text) is
 * enough here: the inputs are well-formed request documents, and every mutation is a structural edit
 * that models a mistake people make when writing these documents by hand (schema-facts.md section 6:
 * order, namespaces, unprefixed OVF attributes, lexical values, misplaced sections, missing href,
 * foreign extensions).
 */

export interface XElem {
  kind: 'el';
  name: string;
  attrs: [string, string][];
  children: XNode[];
}
export interface XRaw {
  kind: 'raw';
  text: string;
}
export type XNode = XElem | XRaw;

export interface XDoc {
  prolog: string;
  root: XElem;
  epilog: string;
}

export const NS = {
  vcloud: 'http://www.vmware.com/vcloud/v1.5',
  vcloud10: 'http://www.vmware.com/vcloud/v1',
  ovf: 'http://schemas.dmtf.org/ovf/envelope/1',
  rasd: 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData',
  vssd: 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData',
  vmw: 'http://www.vmware.com/schema/ovf',
  ext: 'urn:vmparams:test:extension',
} as const;

/** Parse a well-formed document into an XDoc, or null when this small parser cannot (DOCTYPE, errors). */
export function parseXml(text: string): XDoc | null {
  let i = 0;
  const n = text.length;
  // prolog: XML declaration, comments, PIs, blanks
  for (;;) {
    while (i < n && /\s/.test(text[i])) i++;
    if (text.startsWith('\uFEFF', i)) i++;
    else if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i);
      if (e < 0) return null;
      i = e + 2;
    } else if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i);
      if (e < 0) return null;
      i = e + 3;
    } else break;
  }
  if (!text.startsWith('<', i) || text.startsWith('<!', i)) return null;
  const prolog = text.slice(0, i);
  const stack: XElem[] = [];
  let root: XElem | null = null;
  const startTag = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  const endTag = /<\/([^\s>]+)\s*>/y;
  const attr = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;
  while (i < n) {
    if (root && stack.length === 0) break;
    if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i);
      if (e < 0) return null;
      stack.at(-1)?.children.push({ kind: 'raw', text: text.slice(i, e + 3) });
      i = e + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const e = text.indexOf(']]>', i);
      if (e < 0) return null;
      stack.at(-1)?.children.push({ kind: 'raw', text: text.slice(i, e + 3) });
      i = e + 3;
    } else if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i);
      if (e < 0) return null;
      stack.at(-1)?.children.push({ kind: 'raw', text: text.slice(i, e + 2) });
      i = e + 2;
    } else if (text.startsWith('</', i)) {
      endTag.lastIndex = i;
      const m = endTag.exec(text);
      if (!m) return null;
      const top = stack.pop();
      if (!top || top.name !== m[1]) return null;
      i = endTag.lastIndex;
    } else if (text[i] === '<') {
      startTag.lastIndex = i;
      const m = startTag.exec(text);
      if (!m) return null;
      const el: XElem = { kind: 'el', name: m[1], attrs: [], children: [] };
      for (const a of m[2].matchAll(attr)) el.attrs.push([a[1], a[2].slice(1, -1)]);
      if (stack.length > 0) stack.at(-1)!.children.push(el);
      else if (!root) root = el;
      else return null;
      if (m[3] !== '/') stack.push(el);
      i = startTag.lastIndex;
    } else {
      const e = text.indexOf('<', i);
      const end = e < 0 ? n : e;
      if (stack.length === 0) return null;
      stack.at(-1)!.children.push({ kind: 'raw', text: text.slice(i, end) });
      i = end;
    }
  }
  if (!root || stack.length > 0) return null;
  return { prolog, root, epilog: text.slice(i) };
}

/** Serialize an XDoc back to text (attribute values are kept in their original escaped form). */
export function serialize(doc: XDoc): string {
  const el = (e: XElem): string => {
    const attrs = e.attrs.map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('');
    if (e.children.length === 0) return `<${e.name}${attrs}/>`;
    return `<${e.name}${attrs}>${e.children.map((c) => (c.kind === 'el' ? el(c) : c.text)).join('')}</${e.name}>`;
  };
  return doc.prolog + el(doc.root) + doc.epilog;
}

function clone<T>(x: T): T {
  return structuredClone(x);
}

/** Seeded PRNG (mulberry32): same seed, same mutations, on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Located {
  el: XElem;
  parent: XElem | null;
  /** in-scope prefix -> namespace ('' = default namespace) */
  scope: Map<string, string>;
  depth: number;
}

function walk(doc: XDoc): Located[] {
  const out: Located[] = [];
  const visit = (el: XElem, parent: XElem | null, outer: Map<string, string>, depth: number) => {
    const scope = new Map(outer);
    for (const [k, v] of el.attrs) {
      if (k === 'xmlns') scope.set('', v);
      else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
    }
    out.push({ el, parent, scope, depth });
    for (const c of el.children) if (c.kind === 'el') visit(c, el, scope, depth + 1);
  };
  visit(doc.root, null, new Map(), 0);
  return out;
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i);
}
function nsOf(loc: Located, name = loc.el.name): string {
  return loc.scope.get(prefixOf(name)) ?? '';
}
function elementChildren(el: XElem): XElem[] {
  return el.children.filter((c): c is XElem => c.kind === 'el');
}
function textOf(el: XElem): string | null {
  if (el.children.some((c) => c.kind === 'el')) return null;
  return el.children.map((c) => (c.kind === 'raw' ? c.text : '')).join('');
}
function pick<T>(r: () => number, xs: T[]): T | undefined {
  return xs.length === 0 ? undefined : xs[Math.floor(r() * xs.length)];
}
function isAttrDecl(k: string): boolean {
  return k === 'xmlns' || k.startsWith('xmlns:');
}
/** Make sure `prefix` is bound to `uri` on `el` (adds a declaration there when needed). */
function declare(loc: Located, prefix: string, uri: string): string {
  if (loc.scope.get(prefix) === uri) return prefix;
  const key = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  loc.el.attrs = loc.el.attrs.filter(([k]) => k !== key);
  loc.el.attrs.push([key, uri]);
  return prefix;
}

/** One mutation operator: edits the (cloned) document in place and says what it did, or returns null when it does not apply. */
type Op = (doc: XDoc, r: () => number) => string | null;

const OPS: Record<string, Op> = {
  'swap-siblings': (doc, r) => {
    const cands = walk(doc).filter((l) => elementChildren(l.el).length >= 2);
    const l = pick(r, cands);
    if (!l) return null;
    const kids = elementChildren(l.el);
    const k = Math.floor(r() * (kids.length - 1));
    const a = l.el.children.indexOf(kids[k]);
    const b = l.el.children.indexOf(kids[k + 1]);
    [l.el.children[a], l.el.children[b]] = [l.el.children[b], l.el.children[a]];
    return `swap <${kids[k].name}> and <${kids[k + 1].name}> in <${l.el.name}>`;
  },
  'drop-element': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => x.parent));
    if (!l) return null;
    l.parent!.children.splice(l.parent!.children.indexOf(l.el), 1);
    return `drop <${l.el.name}> from <${l.parent!.name}>`;
  },
  'duplicate-element': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => x.parent));
    if (!l) return null;
    l.parent!.children.splice(l.parent!.children.indexOf(l.el) + 1, 0, clone(l.el));
    return `duplicate <${l.el.name}> in <${l.parent!.name}>`;
  },
  'wrong-namespace': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => x.parent));
    if (!l) return null;
    const ns = nsOf(l);
    const loc = local(l.el.name);
    let target: 'vcloud' | 'ovf' | 'rasd';
    if (ns === NS.vcloud) target = r() < 0.7 ? 'ovf' : 'rasd';
    else if (ns === NS.ovf) target = 'vcloud';
    else if (ns === NS.rasd || ns === NS.vssd) target = r() < 0.5 ? 'ovf' : 'vcloud';
    else return null;
    const p = target === 'vcloud' ? 'vc' : target;
    declare(l, p, NS[target]);
    const old = l.el.name;
    l.el.name = `${p}:${loc}`;
    return `move <${old}> to the ${target} namespace`;
  },
  'root-namespace-v1': (doc) => {
    const attrs = doc.root.attrs;
    const i = attrs.findIndex(([k, v]) => k === 'xmlns' && v === NS.vcloud);
    if (i < 0 || prefixOf(doc.root.name) !== '') return null;
    attrs[i] = ['xmlns', NS.vcloud10];
    return 'root in the vCloud 1.0 namespace';
  },
  'unprefix-ovf-attribute': (doc, r) => {
    const cands = walk(doc).flatMap((l) =>
      l.el.attrs.filter(([k]) => !isAttrDecl(k) && prefixOf(k) !== '' && l.scope.get(prefixOf(k)) === NS.ovf).map(([k]) => ({ l, k })),
    );
    const c = pick(r, cands);
    if (!c) return null;
    const bare = local(c.k);
    if (c.l.el.attrs.some(([k]) => k === bare)) return null;
    c.l.el.attrs = c.l.el.attrs.map(([k, v]) => (k === c.k ? [bare, v] : [k, v]));
    return `write ${c.k} as ${bare} on <${c.l.el.name}>`;
  },
  'prefix-vcloud-attribute': (doc, r) => {
    const cands = walk(doc).flatMap((l) =>
      nsOf(l) === NS.vcloud ? l.el.attrs.filter(([k]) => !isAttrDecl(k) && prefixOf(k) === '').map(([k]) => ({ l, k })) : [],
    );
    const c = pick(r, cands);
    if (!c) return null;
    declare(c.l, 'ovf', NS.ovf);
    c.l.el.attrs = c.l.el.attrs.map(([k, v]) => (k === c.k ? [`ovf:${k}`, v] : [k, v]));
    return `write ${c.k} as ovf:${c.k} on <${c.l.el.name}>`;
  },
  'bad-boolean': (doc, r) => {
    const bad = ['yes', 'True', 'FALSE', 'on', '1', '0', ' false ', '', 'no'];
    const v = pick(r, bad)!;
    const cands: (() => string)[] = [];
    for (const l of walk(doc)) {
      const t = textOf(l.el);
      if (t !== null && /^\s*(true|false)\s*$/.test(t) && l.el.children.length > 0)
        cands.push(() => {
          l.el.children = [{ kind: 'raw', text: v }];
          return `<${l.el.name}>${v}</${l.el.name}>`;
        });
      for (const a of l.el.attrs)
        if (/^(true|false)$/.test(a[1]))
          cands.push(() => {
            a[1] = v;
            return `${a[0]}="${v}" on <${l.el.name}>`;
          });
    }
    const c = pick(r, cands);
    return c ? c() : null;
  },
  'bad-integer': (doc, r) => {
    const bad = ['12x', '-1', '4294967296', '99999999999999999999', '3.5', '', ' 42 ', '+7', '0x10', '65536', '-0'];
    const v = pick(r, bad)!;
    const cands: (() => string)[] = [];
    for (const l of walk(doc)) {
      const t = textOf(l.el);
      if (t !== null && /^\s*-?\d+\s*$/.test(t) && l.el.children.length > 0)
        cands.push(() => {
          l.el.children = [{ kind: 'raw', text: v }];
          return `<${l.el.name}>${v}</${l.el.name}>`;
        });
      for (const a of l.el.attrs)
        if (!isAttrDecl(a[0]) && /^-?\d+$/.test(a[1]))
          cands.push(() => {
            a[1] = v;
            return `${a[0]}="${v}" on <${l.el.name}>`;
          });
    }
    const c = pick(r, cands);
    return c ? c() : null;
  },
  'misplace-section': (doc, r) => {
    const all = walk(doc);
    const sec = pick(r, all.filter((l) => l.parent && /Section$/.test(local(l.el.name))));
    if (!sec) return null;
    const targets = all.filter((l) => l.el !== sec.el && l.el !== sec.parent && !isInside(l.el, sec.el) && l.depth <= 3);
    const t = pick(r, targets);
    if (!t) return null;
    sec.parent!.children.splice(sec.parent!.children.indexOf(sec.el), 1);
    // keep the element's namespace meaning when moved: copy the declarations it relies on
    for (const [p, uri] of sec.scope) if (t.scope.get(p) !== uri) sec.el.attrs.push([p === '' ? 'xmlns' : `xmlns:${p}`, uri]);
    dedupeDecls(sec.el);
    const at = Math.floor(r() * (t.el.children.length + 1));
    t.el.children.splice(at, 0, sec.el);
    return `move <${sec.el.name}> into <${t.el.name}>`;
  },
  'missing-href': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => x.el.attrs.some(([k]) => k === 'href')));
    if (!l) return null;
    l.el.attrs = l.el.attrs.filter(([k]) => k !== 'href');
    return `remove href from <${l.el.name}>`;
  },
  'foreign-element': (doc, r) => {
    const l = pick(r, walk(doc));
    if (!l) return null;
    const at = Math.floor(r() * (l.el.children.length + 1));
    l.el.children.splice(at, 0, { kind: 'el', name: 'ext:Note', attrs: [['xmlns:ext', NS.ext]], children: [{ kind: 'raw', text: 'added by a tool' }] });
    return `insert a foreign <ext:Note> into <${l.el.name}>`;
  },
  'foreign-attribute': (doc, r) => {
    const l = pick(r, walk(doc));
    if (!l) return null;
    if (r() < 0.5) {
      l.el.attrs.push(['xmlns:ext', NS.ext], ['ext:flag', '1']);
      return `add ext:flag to <${l.el.name}>`;
    }
    if (l.el.attrs.some(([k]) => k === 'flag')) return null;
    l.el.attrs.push(['flag', '1']);
    return `add unqualified flag= to <${l.el.name}>`;
  },
  'unknown-vcloud-element': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => nsOf(x) === NS.vcloud));
    if (!l) return null;
    const at = Math.floor(r() * (l.el.children.length + 1));
    declare(l, 'vc', NS.vcloud);
    l.el.children.splice(at, 0, { kind: 'el', name: 'vc:Notes', attrs: [], children: [{ kind: 'raw', text: 'x' }] });
    return `insert an undeclared vcloud <Notes> into <${l.el.name}>`;
  },
  'text-in-element-only': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => elementChildren(x.el).length > 0));
    if (!l) return null;
    l.el.children.splice(0, 0, { kind: 'raw', text: 'stray text' });
    return `stray text in <${l.el.name}>`;
  },
  'empty-element': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => x.parent && elementChildren(x.el).length > 0));
    if (!l) return null;
    l.el.children = [];
    return `empty <${l.el.name}>`;
  },
  'lowercase-name': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => x.parent && /^[A-Z]/.test(local(x.el.name))));
    if (!l) return null;
    const p = prefixOf(l.el.name);
    const loc = local(l.el.name);
    l.el.name = (p ? `${p}:` : '') + loc[0].toLowerCase() + loc.slice(1);
    return `rename <${p ? `${p}:` : ''}${loc}> to <${l.el.name}>`;
  },
  'move-to-end': (doc, r) => {
    const l = pick(r, walk(doc).filter((x) => x.parent && elementChildren(x.parent).length >= 2));
    if (!l) return null;
    const kids = l.parent!.children;
    kids.splice(kids.indexOf(l.el), 1);
    kids.push(l.el);
    return `move <${l.el.name}> to the end of <${l.parent!.name}>`;
  },
  'vcloud-extension': (doc, r) => {
    const l = pick(r, walk(doc));
    if (!l) return null;
    declare(l, 'vc', NS.vcloud);
    l.el.children.splice(0, 0, {
      kind: 'el',
      name: 'vc:VCloudExtension',
      attrs: [['required', 'false']],
      children: [{ kind: 'el', name: 'ext:Tag', attrs: [['xmlns:ext', NS.ext]], children: [{ kind: 'raw', text: 't' }] }],
    });
    return `insert <VCloudExtension> first in <${l.el.name}>`;
  },
  'drop-attribute': (doc, r) => {
    const cands = walk(doc).flatMap((l) => l.el.attrs.filter(([k]) => !isAttrDecl(k)).map(([k]) => ({ l, k })));
    const c = pick(r, cands);
    if (!c) return null;
    c.l.el.attrs = c.l.el.attrs.filter(([k]) => k !== c.k);
    return `remove ${c.k} from <${c.l.el.name}>`;
  },
};

function isInside(el: XElem, container: XElem): boolean {
  for (const c of container.children) if (c.kind === 'el' && (c === el || isInside(el, c))) return true;
  return false;
}
function dedupeDecls(el: XElem): void {
  const seen = new Set<string>();
  el.attrs = el.attrs.filter(([k]) => (seen.has(k) ? false : (seen.add(k), true)));
}

/** Names of all mutation operators. */
export const OPERATORS = Object.keys(OPS);

/** A mutated document. */
export interface Mutant {
  op: string;
  description: string;
  xml: string;
}

/**
 * `perOp` mutations of `text` for every operator, deterministic for a given `seed`. Documents this
 * parser cannot read (DOCTYPE, not well-formed) yield no mutants.
 */
export function mutate(text: string, seed: number, perOp: number): Mutant[] {
  const base = parseXml(text);
  if (!base) return [];
  const r = rng(seed);
  const out: Mutant[] = [];
  const seen = new Set<string>([serialize(base)]);
  for (const op of OPERATORS) {
    for (let k = 0; k < perOp; k++) {
      const doc = clone(base);
      const description = OPS[op](doc, r);
      if (!description) continue;
      const xml = serialize(doc);
      if (seen.has(xml)) continue;
      seen.add(xml);
      out.push({ op, description, xml });
    }
  }
  return out;
}
