/**
 * The XML writer: an element tree -> text. Namespace declarations written on an element
 * (`XElement.namespaces`, from the model's `$ns`) are written back on that element, so prefixes that
 * values use (`xsi:type="xs:int"`, QName content) stay declared and bound as written (issue 11,
 * item 3). Namespaces nothing declares get their conventional prefix (vcloud as the default
 * namespace) on the root. A prefix is never bound to two URIs on one element: where a declaration
 * as written shadows the prefix a name needs, a fresh prefix is declared on that element.
 * Both passes are iterative, so any depth the reader accepts can be written back.
 */
import { CONVENTIONAL_PREFIX, NS, unclark } from './names.js';
import { isText, type XElement, type XNode } from './tree.js';

/** Elements nested deeper than this are written on one line (requests nest about 12 deep). */
const INDENT_LEVELS = 64;

/** Options of the XML writer. */
export interface WriteOptions {
  /** Indent with two spaces (default true). */
  pretty?: boolean;
  /** Write the `<?xml ...?>` declaration (default true). */
  declaration?: boolean;
}

/** In-scope namespace bindings with undo marks (one map for the whole walk instead of one per element). */
class Scope {
  private byPrefix = new Map<string, string>([['xml', NS.xml]]);
  private byUri = new Map<string, Set<string>>([[NS.xml, new Set(['xml'])]]);
  private undo: [string, string | undefined][] = [];

  mark(): number {
    return this.undo.length;
  }
  bind(prefix: string, uri: string): void {
    const prev = this.byPrefix.get(prefix);
    this.undo.push([prefix, prev]);
    if (prev !== undefined) this.byUri.get(prev)?.delete(prefix);
    this.byPrefix.set(prefix, uri);
    if (uri !== '') this.add(uri, prefix);
  }
  restore(mark: number): void {
    while (this.undo.length > mark) {
      const [prefix, prev] = this.undo.pop()!;
      const cur = this.byPrefix.get(prefix);
      if (cur !== undefined) this.byUri.get(cur)?.delete(prefix);
      if (prev === undefined) this.byPrefix.delete(prefix);
      else {
        this.byPrefix.set(prefix, prev);
        if (prev !== '') this.add(prev, prefix);
      }
    }
  }
  resolve(prefix: string): string | undefined {
    return this.byPrefix.get(prefix);
  }
  /** A prefix bound to `uri` here, trying `prefer` first; attributes need a non-empty one. */
  prefixFor(uri: string, attr: boolean, prefer: (string | undefined)[]): string | undefined {
    for (const p of prefer) if (p !== undefined && (!attr || p !== '') && this.byPrefix.get(p) === uri) return p;
    for (const p of this.byUri.get(uri) ?? []) if (!attr || p !== '') return p;
    return undefined;
  }
  private add(uri: string, prefix: string): void {
    let s = this.byUri.get(uri);
    if (!s) this.byUri.set(uri, (s = new Set()));
    s.add(prefix);
  }
}

/** The conventional prefix of a namespace for attributes (which cannot use the default namespace). */
const attrConvention = (ns: string): string | undefined => (ns === NS.vcloud ? 'vcloud' : CONVENTIONAL_PREFIX[ns] || undefined);

/**
 * Declarations in a canonical order (the default namespace, then conventional prefixes, then the
 * rest as written or added), so that build(parse(build(x))) is build(x): parse keeps only the
 * declarations build would not make, and those come back as written while the others are added.
 */
function declarationOrder(decls: [string, string][]): [string, string][] {
  const rank = ([p, u]: [string, string]) => (p === '' ? 0 : CONVENTIONAL_PREFIX[u] === p || (p === 'vcloud' && u === NS.vcloud) ? 1 : 2);
  return decls.length < 2 ? decls : decls.map((d, i) => [d, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([d]) => d);
}

/** Every element of a tree with enter/exit, iteratively. */
function walk(root: XElement, enter: (el: XElement) => void, exit: (el: XElement) => void): void {
  const stack: { el: XElement; i: number }[] = [{ el: root, i: 0 }];
  enter(root);
  while (stack.length) {
    const top = stack[stack.length - 1];
    const kids = top.el.children;
    if (kids && top.i < kids.length) {
      const c = kids[top.i++];
      if (!isText(c)) {
        enter(c);
        stack.push({ el: c, i: 0 });
      }
      continue;
    }
    exit(top.el);
    stack.pop();
  }
}

interface Plan {
  /** Declarations added on the root (after those written there), in order. */
  rootDecls: [string, string][];
  /** Every prefix declared anywhere or hinted: fresh prefixes avoid them. */
  reserved: Set<string>;
}

/** Pass 1: which namespaces no declaration as written covers, and so need one on the root. */
function plan(root: XElement): Plan {
  const scope = new Scope();
  const marks: number[] = [];
  const needElement = new Map<string, string | undefined>();
  const needAttr = new Map<string, string | undefined>();
  const reserved = new Set<string>(['xml', 'xmlns']);
  let nullUnderRoot = false;
  walk(
    root,
    (el) => {
      marks.push(scope.mark());
      if (el.namespaces) for (const [p, u] of Object.entries(el.namespaces)) (scope.bind(p, u), reserved.add(p));
      if (el.prefix) reserved.add(el.prefix);
      if (el.ns === null) {
        if (scope.resolve('') === undefined) nullUnderRoot = true;
      } else if (scope.prefixFor(el.ns, false, [el.prefix]) === undefined && !needElement.has(el.ns)) needElement.set(el.ns, el.prefix);
      if (el.attrs) {
        for (const k in el.attrs) {
          const { ns } = unclark(k);
          if (ns && ns !== NS.xml && scope.prefixFor(ns, true, []) === undefined && !needAttr.has(ns)) needAttr.set(ns, undefined);
        }
      }
    },
    () => scope.restore(marks.pop()!),
  );

  const written = root.namespaces ?? {};
  const bound = new Map<string, string>(Object.entries(written));
  const rootDecls: [string, string][] = [];
  const taken = (p: string) => bound.has(p) || p === 'xml' || p === 'xmlns';
  let n = 0;
  const fresh = () => {
    let p: string;
    do p = `ns${n++}`;
    while (taken(p) || reserved.has(p));
    return p;
  };
  const declare = (p: string, ns: string) => (bound.set(p, ns), rootDecls.push([p, ns]));
  const boundTo = (ns: string, attr: boolean) => [...bound].some(([p, u]) => u === ns && (!attr || p !== ''));
  // Conventional prefixes first, then hints and fresh ones (so the usual documents read as always).
  // Elements in no namespace cannot sit under a default namespace unless xmlns="" is written: where
  // nothing as written declares a default, vcloud then takes the prefix `vcloud` too.
  const later: [string, string | undefined][] = [];
  for (const [ns, hint] of needElement) {
    if (boundTo(ns, false)) continue;
    let p = CONVENTIONAL_PREFIX[ns];
    if (p === '' && nullUnderRoot) p = 'vcloud';
    if (p !== undefined && !taken(p)) declare(p, ns);
    else later.push([ns, hint]);
  }
  for (const [ns, hint] of later) if (!boundTo(ns, false)) declare(hint && !taken(hint) ? hint : fresh(), ns);
  // Attributes cannot use the default namespace: a namespaced attribute in it (vcloud:capacity on a
  // rasd:HostResource) needs a prefix of its own for the same URI.
  for (const ns of needAttr.keys()) {
    if (boundTo(ns, true)) continue;
    const p = attrConvention(ns);
    declare(p !== undefined && !taken(p) ? p : fresh(), ns);
  }
  return { rootDecls, reserved };
}

/** Serialize an element tree (well-formedness of names and values was checked by build). */
export function serialize(root: XElement, opts: WriteOptions = {}): string {
  const { rootDecls, reserved } = plan(root);
  const scope = new Scope();
  let n = 0;
  /**
   * A prefix free to declare here: unbound in scope, so no prefix a value below uses is captured
   * (such a prefix is bound here, or declared further down and so shadows this one).
   */
  const freshHere = (candidates: (string | undefined)[], attr: boolean): string => {
    for (const c of candidates) if (c !== undefined && (!attr || c !== '') && scope.resolve(c) === undefined) return c;
    let p: string;
    do p = `ns${n++}`;
    while (scope.resolve(p) !== undefined || reserved.has(p));
    return p;
  };

  // A direct string writer (xmlbuilder2's callback writer built a DOM fragment per node: a 20 MB
  // document took about 20 s). An element with text content is closed on the same line.
  const pretty = opts.pretty ?? true;
  const parts: string[] = [];
  if (opts.declaration ?? true) parts.push('<?xml version="1.0" encoding="UTF-8"?>');
  const indents: string[] = [];
  const lineStart = (level: number, inline: boolean): string => {
    if (!pretty || inline) return '';
    let ind = indents[level];
    if (ind === undefined) ind = indents[level] = '  '.repeat(level);
    return parts.length ? '\n' + ind : ind;
  };
  const attribute = (name: string, value: string) => parts.push(` ${name}="${escapeAttr(value)}"`);
  const declaration = (p: string, uri: string) => attribute(p ? `xmlns:${p}` : 'xmlns', uri);

  interface Frame {
    el: XElement;
    name: string;
    mark: number;
    level: number;
    inline: boolean;
    mixed: boolean;
    hasText: boolean;
    i: number;
  }
  /** Write a start tag; returns the frame to fill with children, or undefined for an empty element. */
  const open = (el: XElement, level: number, inline: boolean, extraDecls: [string, string][]): Frame | undefined => {
    const mark = scope.mark();
    const own = el.namespaces ? Object.entries(el.namespaces) : [];
    for (const [p, u] of own) scope.bind(p, u);
    for (const [p, u] of extraDecls) scope.bind(p, u);
    const added: [string, string][] = [];
    const need = (p: string, u: string) => (scope.bind(p, u), added.push([p, u]));
    let name: string;
    if (el.ns === null) {
      const d = scope.resolve('');
      if (d !== undefined && d !== '') need('', '');
      name = el.name;
    } else {
      const conv = CONVENTIONAL_PREFIX[el.ns];
      let p = scope.prefixFor(el.ns, false, [el.prefix, conv]);
      if (p === undefined) need((p = freshHere([el.prefix, conv], false)), el.ns);
      name = p ? `${p}:${el.name}` : el.name;
    }
    const attrNames: [string, string][] = [];
    if (el.attrs) {
      for (const k in el.attrs) {
        const { ns, local } = unclark(k);
        if (ns === null) attrNames.push([local, el.attrs[k]]);
        else {
          let p = scope.prefixFor(ns, true, [attrConvention(ns)]);
          if (p === undefined) need((p = freshHere([attrConvention(ns)], true)), ns);
          attrNames.push([`${p}:${local}`, el.attrs[k]]);
        }
      }
    }
    parts.push(lineStart(level, inline) + '<' + name);
    for (const [p, u] of declarationOrder([...own, ...extraDecls, ...added])) declaration(p, u);
    for (const [a, v] of attrNames) attribute(a, v);
    const kids = el.children;
    if (!kids || kids.length === 0) {
      parts.push('/>');
      scope.restore(mark);
      return undefined;
    }
    parts.push('>');
    // Inside mixed content (an element with text children) no indentation is added: it would become
    // part of the text, and grow on every parse/build round. Below INDENT_LEVELS neither: indentation
    // alone would grow with the square of the depth (a 100,000-deep extension payload).
    return { el, name, mark, level, inline, mixed: inline || level >= INDENT_LEVELS || kids.some(isText), hasText: false, i: 0 };
  };

  const stack: Frame[] = [];
  const top = open(root, 0, false, rootDecls);
  if (top) stack.push(top);
  while (stack.length) {
    const f = stack[stack.length - 1];
    const kids = f.el.children!;
    if (f.i < kids.length) {
      const c: XNode = kids[f.i++];
      if (isText(c)) {
        f.hasText = true;
        if (c.text) parts.push(escapeText(c.text));
      } else {
        const child = open(c, f.level + 1, f.mixed, []);
        if (child) stack.push(child);
      }
      continue;
    }
    parts.push((f.hasText ? '' : lineStart(f.level, f.inline)) + '</' + f.name + '>');
    scope.restore(f.mark);
    stack.pop();
  }
  return parts.join('');
}

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
