/**
 * The write engine: a model object + its description -> a generic element tree in schema order, then
 * XML text (serialize.ts). Everything is checked on the way (issue 11, item 7): unknown properties,
 * wrong shapes and nulls, values a type cannot hold (a fraction where the schema wants an integer),
 * names that are not XML names, namespace declarations hidden in `$attrs`. Any of these is a
 * BuildError with the path; build never writes XML that is not well-formed. With `apiVersion`, the
 * object is first put in the form that version takes and elements it does not have are refused
 * (src/versioning.ts).
 */
import type { ComplexDesc, Content, ElementParticle, LeafDesc } from '../model/dsl.js';
import { encodeValue } from '../model/codecs.js';
import { DEFAULT_LIMITS } from './reader.js';
import { adaptForVersion, refuseIfUnknown, refuseInVmType } from '../versioning.js';
import { BuildError, nearest } from './build-error.js';
import { checkAttrs, checkNamespaces, checkNodes, illegalChars, TreeError } from './check-tree.js';
import { clark } from './names.js';
import type { XElement, XNode } from './tree.js';

export { BuildError, editDistance } from './build-error.js';
export { serialize, type WriteOptions } from './serialize.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How one build runs: the target API version (none: write as given) and the depth limit of generic content. */
export interface BuildContext {
  apiVersion?: string;
  /** Deepest element nesting written (default 256, as the reader); deeper `$any` content is refused. */
  maxDepth: number;
}

/** The default context: no version, the reader's depth limit. */
export const DEFAULT_BUILD: BuildContext = { maxDepth: DEFAULT_LIMITS.maxDepth };

/** Build the element for one particle's value. `trail` is the element names from the root (version facts), `depth` this element's depth. */
export function buildElement(ns: string | null, local: string, value: unknown, content: Content, path: string, ctx: BuildContext = DEFAULT_BUILD, trail = '', depth = 1): XElement {
  try {
    switch (content.kind) {
      case 'leaf':
        return buildLeaf(ns, local, value, content, path, ctx, depth);
      case 'complex':
        if (!isObj(value)) throw new BuildError(`expected an object for <${local}> (${content.name}), got ${describe(value)}`, path);
        return buildComplex(ns, local, value, content, path, ctx, trail, depth);
      case 'xml': {
        if (!isObj(value) || typeof value.name !== 'string') throw new BuildError(`expected an XML element object { ns, name, attrs?, children? } for <${local}>, got ${describe(value)}`, path);
        checkNodes(value, path, depth - 1, ctx.maxDepth, { single: true, fixedName: true });
        if (ctx.apiVersion) refuseInVmType(value as unknown as XElement, ctx.apiVersion, path);
        const x = value as unknown as XElement;
        return { ...x, ns, name: local };
      }
    }
  } catch (e) {
    if (e instanceof TreeError) throw new BuildError(e.message, e.path);
    throw e;
  }
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
}

const NULL_HINT = 'null is not a value here; leave the property out instead';

function scalar(v: unknown, codec: LeafDesc['codec'], path: string): string {
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw new BuildError(v === null ? NULL_HINT : `expected a ${codec.xsd} value, got ${describe(v)}`, path);
  }
  const r = encodeValue(codec, v);
  if ('error' in r) throw new BuildError(r.error, path);
  const bad = illegalChars(r.text);
  if (bad) throw new BuildError(`cannot be written as XML: ${bad}`, path);
  return r.text;
}

/** `$attrs` and `$ns` of a model object, checked and put on the element. */
function extras(el: XElement, value: Obj, attrs: Record<string, string>, path: string): void {
  if (value.$attrs !== undefined) {
    checkAttrs(value.$attrs, `${path}/$attrs`, '$attrs');
    for (const k of Object.keys(value.$attrs)) {
      if (attrs[k] !== undefined) throw new BuildError(`attribute "${k}" is given twice, in $attrs and as a property`, `${path}/$attrs`, k);
    }
    Object.assign(attrs, value.$attrs);
  }
  if (Object.keys(attrs).length) el.attrs = attrs;
  if (value.$ns !== undefined) {
    checkNamespaces(value.$ns, `${path}/$ns`, '$ns');
    if (Object.keys(value.$ns).length) el.namespaces = value.$ns;
  }
}

/** Keys every model object may carry besides its described content. `$note` is normalize's remark, never written. */
const LEAF_EXTRAS = new Set(['$value', '$attrs', '$any', '$ns', '$note']);

function buildLeaf(ns: string | null, local: string, value: unknown, desc: LeafDesc, path: string, ctx: BuildContext, depth: number): XElement {
  const el: XElement = { ns, name: local };
  if (!isObj(value)) {
    el.children = [{ text: scalar(value, desc.codec, path) }];
    return el;
  }
  // No prototype: an attribute may be called __proto__ (a valid XML name), which {} would swallow.
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(value)) {
    if (LEAF_EXTRAS.has(k) || v === undefined) continue;
    const d = desc.attrs.find((a) => a.key === k);
    if (!d) {
      const near = nearest(k, desc.attrs.map((a) => a.key));
      throw new BuildError(`unknown attribute "${k}" on <${local}>${near ? ` (did you mean "${near}"?)` : ''}${desc.attrs.length ? ` (known: ${desc.attrs.map((a) => a.key).join(', ')})` : ''}; put foreign attributes in $attrs as {"{namespace}name": value}`, path, k);
    }
    if (ctx.apiVersion) refuseIfUnknown(d, `@${d.local}`, '', ctx.apiVersion, `${path}/@${k}`);
    attrs[clark(d.ns, d.local)] = scalar(v, d.codec, `${path}/@${k}`);
  }
  extras(el, value, attrs, path);
  const children: XNode[] = [];
  const any = value.$any;
  if (any !== undefined) checkNodes(any, `${path}/$any`, depth, ctx.maxDepth);
  // `{ $value: '' }` alone is the scalar '' in object form and is written the same way (parse reads both back as '').
  const bare = !el.attrs && !(Array.isArray(any) && any.length);
  if (value.$value !== undefined && (value.$value !== '' || bare)) children.push({ text: scalar(value.$value, desc.codec, `${path}/$value`) });
  if (Array.isArray(any)) children.push(...(any as XNode[]));
  if (children.length) el.children = children;
  return el;
}

const RESERVED = new Set(['$attrs', '$any', '$ns', '$note', 'kind']);

function buildComplex(ns: string | null, local: string, input: Obj, desc: ComplexDesc, path: string, ctx: BuildContext, trail: string, depth: number): XElement {
  const value = ctx.apiVersion ? adaptForVersion(desc, input, ctx.apiVersion, path) : input;
  const el: XElement = { ns, name: local };
  // No prototype: an attribute may be called __proto__ (a valid XML name), which {} would swallow.
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  const known = new Set<string>();
  for (const a of desc.attrs) {
    known.add(a.key);
    const v = value[a.key];
    if (v === undefined) continue;
    const at = `${path}/@${a.key}`;
    if (ctx.apiVersion) refuseIfUnknown(a, `@${a.local}`, trail, ctx.apiVersion, at);
    attrs[clark(a.ns, a.local)] = scalar(v, a.codec, at);
  }
  extras(el, value, attrs, path);

  const children: XNode[] = [];
  for (const p of desc.children) {
    known.add(p.key);
    const v = value[p.key];
    if (v === undefined) {
      if (p.kind === 'element' && p.autofill) children.push(buildElement(p.ns, p.local, p.autofill(), p.content, `${path}/${p.key}`, ctx, `${trail}/${p.local}`, depth + 1));
      continue;
    }
    if (v === null) throw new BuildError(NULL_HINT, `${path}/${p.key}`);
    if (p.kind === 'choice') {
      if (!Array.isArray(v)) throw new BuildError(`${p.key} must be an array of single-key objects such as { ${p.options[0]?.key}: {...} }`, `${path}/${p.key}`);
      v.forEach((entry, i) => {
        const epath = `${path}/${p.key}[${i}]`;
        if (!isObj(entry) || Object.keys(entry).length !== 1) throw new BuildError(`each entry must be an object with exactly one key (${p.options.map((o) => o.key).join(', ')}${p.keepUnknown ? ', $xml' : ''})`, epath);
        const [k, ev] = Object.entries(entry)[0];
        if (k === '$xml' && p.keepUnknown) {
          checkNodes(ev, `${epath}/$xml`, depth, ctx.maxDepth, { single: true });
          return void children.push(ev as XElement);
        }
        const o = p.options.find((x) => x.key === k);
        if (!o) {
          const near = nearest(k, p.options.map((x) => x.key));
          throw new BuildError(`unknown entry "${k}"${near ? ` (did you mean "${near}"?)` : ''} (expected one of ${p.options.map((x) => x.key).join(', ')}${p.keepUnknown ? ', or $xml for another section' : ''})`, epath, k);
        }
        const t = `${trail}/${o.local}`;
        if (ctx.apiVersion) refuseIfUnknown(o, `<${o.local}>`, t, ctx.apiVersion, `${epath}/${k}`);
        children.push(buildElement(o.ns, o.local, ev, o.content, `${epath}/${k}`, ctx, t, depth + 1));
      });
      continue;
    }
    pushParticle(children, p, v, `${path}/${p.key}`, ctx, `${trail}/${p.local}`, depth + 1);
  }
  // A request file may name its JSON Schema for editors (`"$schema": ".../request.schema.json"`).
  if (trail === '') known.add('$schema');
  for (const k of Object.keys(value)) {
    if (!known.has(k) && !RESERVED.has(k) && value[k] !== undefined) {
      const names = [...desc.children.map((c) => c.key), ...desc.attrs.map((a) => a.key)];
      const near = nearest(k, names);
      throw new BuildError(`unknown property "${k}" in ${desc.name}${near ? ` (did you mean "${near}"?)` : ''}; known: ${names.join(', ')}`, path, k);
    }
  }
  if (value.$any !== undefined) {
    checkNodes(value.$any, `${path}/$any`, depth, ctx.maxDepth);
    children.push(...(value.$any as XNode[]));
  }
  if (value.$note !== undefined && typeof value.$note !== 'string') throw new BuildError(`$note (a remark from normalize, not written) must be a string, got ${describe(value.$note)}`, `${path}/$note`);
  if (children.length) el.children = children;
  return el;
}

function pushParticle(children: XNode[], p: ElementParticle, v: unknown, path: string, ctx: BuildContext, trail: string, depth: number): void {
  if (ctx.apiVersion) refuseIfUnknown(p, `<${p.local}>`, trail, ctx.apiVersion, path);
  if (p.many) {
    if (!Array.isArray(v)) throw new BuildError(`${p.key} may repeat, so it must be an array`, path);
    v.forEach((item, i) => {
      if (item === null || item === undefined) throw new BuildError(item === null ? NULL_HINT : 'an array entry is missing', `${path}[${i}]`);
      children.push(buildElement(p.ns, p.local, item, p.content, `${path}[${i}]`, ctx, trail, depth));
    });
  } else {
    if (Array.isArray(v)) throw new BuildError(`${p.key} occurs at most once, so it must not be an array`, path);
    children.push(buildElement(p.ns, p.local, v, p.content, path, ctx, trail, depth));
  }
}
