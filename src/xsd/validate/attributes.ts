/**
 * Attributes of an element against its type (Part 1 §3.4.4 cvc-complex-type.3-4): each attribute
 * matches an attribute use by name, or the attribute wildcard (strict: a global declaration must
 * exist; lax: used when it exists; skip: nothing), and every required use must be present. The
 * xsi: attributes the instance namespace defines are always allowed (§3.2.7).
 */
import { wildAllows } from '../content/automaton.js';
import { Process, type RtAttrUse, type RtType } from '../compiled.js';
import { XSI_NS } from '../names.js';
import type { Run } from './run.js';
import { checkValue } from './values.js';

const XSI_KNOWN = new Set(['type', 'nil', 'schemaLocation', 'noNamespaceSchemaLocation']);

/** Attribute use by symbol for a type (built once per type). */
function useOf(t: RtType, sym: number) {
  if (t.uses.length === 0) return undefined;
  if (t.uses.length < 6) {
    for (const u of t.uses) if (u.sym === sym) return u;
    return undefined;
  }
  t.bySym ??= new Map(t.uses.map((u) => [u.sym, u]));
  return t.bySym.get(sym);
}

/** Check the attributes of `node` against type `t` (-1: no type known, lax). */
export function checkAttributes(run: Run, node: number, typeId: number): void {
  const { doc, rt } = run;
  const t = typeId >= 0 ? rt.types[typeId] : null;
  const first = doc.attrFirst[node];
  const end = first + doc.attrLen[node];
  let required = 0;
  let wildIds = 0;
  for (let a = first; a < end; a++) {
    const name = doc.aNames[a];
    if (name < 0) continue; // namespace declaration
    if (doc.exNs[name] === XSI_NS && XSI_KNOWN.has(doc.exLocal[name])) continue;
    const sym = run.sym(name);
    const use = t && sym >= 0 ? useOf(t, sym) : undefined;
    if (use) {
      if (use.required) required++;
      const st = rt.attrs[use.attr].type;
      if (run.attrType) run.attrType[a] = st;
      checkValue(run, { node, attr: a }, rt.simple[st], doc.attrValue(a), use.value);
      continue;
    }
    if (t === null) {
      laxAttribute(run, node, a, sym);
      continue;
    }
    const w = t.wild >= 0 ? rt.wilds[t.wild] : null;
    if (w && wildAllows(w, run.nsOf(name))) {
      if (w.process === Process.Skip) continue;
      const g = sym >= 0 ? rt.globalAttr[sym] : -1;
      if (g >= 0) {
        const st = rt.attrs[g].type;
        if (run.attrType) run.attrType[a] = st;
        checkValue(run, { node, attr: a }, rt.simple[st], doc.attrValue(a), rt.attrs[g].value);
        // cvc-complex-type.5: at most one ID through the wildcard, and none beside a declared ID
        if (rt.simple[st].idKind === 'ID' && rt.simple[st].variety === 'atomic' && (++wildIds > 1 || roles(run, t).id)) {
          run.reportAttr(node, a, 'xsd/two-ids', { attribute: doc.attrQName(a), element: run.elementName(node) });
        }
      } else if (w.process === Process.Strict) {
        run.reportAttr(node, a, 'xsd/undeclared-attribute', { attribute: doc.attrQName(a), element: run.elementName(node) });
      }
      continue;
    }
    notAllowed(run, node, a, t);
  }
  if (t && required < t.required) missingRequired(run, node, t);
  if (t && t.uses.length) for (const u of roles(run, t).defaults) if (doc.findAttr(node, rt.ns[rt.symNs[u.sym]], rt.symLocal[u.sym]) < 0) checkValue(run, { node, attr: -1 }, rt.simple[rt.attrs[u.attr].type], u.value!.lexical, undefined);
}

/** The identity roles of a type's attribute uses (computed once per type). */
function roles(run: Run, t: RtType): { defaults: RtAttrUse[]; id: boolean } {
  if (t.roles) return t.roles;
  const kind = (u: RtAttrUse) => run.rt.simple[run.rt.attrs[u.attr].type].idKind;
  t.roles = { defaults: t.uses.filter((u) => u.value && kind(u) !== undefined && kind(u) !== 'QName'), id: t.uses.some((u) => kind(u) === 'ID') };
  return t.roles;
}

/** Without a type (lax content): validate attributes that have global declarations. */
function laxAttribute(run: Run, node: number, a: number, sym: number): void {
  const g = sym >= 0 ? run.rt.globalAttr[sym] : -1;
  if (g < 0) return;
  const st = run.rt.attrs[g].type;
  if (run.attrType) run.attrType[a] = st;
  checkValue(run, { node, attr: a }, run.rt.simple[st], run.doc.attrValue(a), run.rt.attrs[g].value);
}

function notAllowed(run: Run, node: number, a: number, t: RtType): void {
  const { doc, rt } = run;
  const name = doc.aNames[a];
  const ns = doc.exNs[name];
  const local = doc.exLocal[name];
  const other = t.uses.find((u) => rt.symLocal[u.sym] === local && rt.ns[rt.symNs[u.sym]] !== ns);
  const ons = other ? rt.ns[rt.symNs[other.sym]] : null;
  if (other && ns === null && ons !== null) {
    unqualified(run, node, a, ons, local);
    return;
  }
  let hint = run.hints.attributeHint?.(ns, local, doc.ns(node)) ?? '';
  if (!hint && other) hint = ons === null ? ` (write it without a prefix: ${local}="...")` : ` (it is declared in namespace ${ons})`;
  run.reportAttr(node, a, 'xsd/attribute-not-allowed', { attribute: doc.attrQName(a), element: run.elementName(node), hint });
}

/** An attribute written without the prefix its declaration needs (the common OVF mistake: id for ovf:id). */
function unqualified(run: Run, node: number, a: number, ns: string, local: string): void {
  const known = run.hints.attributeNamespace?.(ns);
  const prefix = known?.prefix ?? prefixFor(run, node, ns) ?? 'prefix';
  const why = known ? `${known.label} attributes are namespace-qualified` : `it belongs to namespace ${ns}`;
  run.reportAttr(node, a, 'xsd/unqualified-attribute', { local, element: run.elementName(node), prefix, why });
}

function missingRequired(run: Run, node: number, t: RtType): void {
  const { doc, rt } = run;
  for (const u of t.uses) {
    if (!u.required) continue;
    const ns = rt.ns[rt.symNs[u.sym]];
    const local = rt.symLocal[u.sym];
    if (doc.findAttr(node, ns, local) >= 0) continue;
    const element = run.elementName(node);
    // written without its prefix: reported once, on the attribute (see notAllowed)
    const bare = ns !== null ? doc.findAttr(node, null, local) : -1;
    if (bare >= 0 && !t.uses.some((x) => x.sym === run.sym(doc.aNames[bare]))) {
      const w = t.wild >= 0 ? rt.wilds[t.wild] : null;
      if (w && wildAllows(w, 0)) unqualified(run, node, bare, ns!, local);
      continue;
    }
    const label = ns === null ? '' : run.hints.nsLabel?.(ns) ?? prefixFor(run, node, ns) ?? `{${ns}}`;
    run.report(node, 'xsd/missing-attribute', { element, attribute: label ? `${label}:${local}` : local });
  }
}

/** A prefix bound to `ns` where `node` is, if any. */
function prefixFor(run: Run, node: number, ns: string): string | undefined {
  for (const [p, u] of run.doc.inScopeNamespaces(node)) if (u === ns && p !== '') return p;
  return undefined;
}
