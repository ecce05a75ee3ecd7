/**
 * xsi:type and xsi:nil (Part 1 §3.3.4 cvc-elt.3-4, §2.6): an element may name a type derived from
 * its declared one (not by a method the declaration or the declared type blocks), and a nillable
 * element may be declared empty with xsi:nil="true".
 */
import { Flag, qkey } from '../names.js';
import { quote } from '../messages.js';
import type { RtSchema } from '../compiled.js';
import type { Run } from './run.js';

/** True when type `d` derives from `b` without a method in `blocked` (Type Derivation OK, §3.4.6 / §3.14.6). */
export function derivedOk(rt: RtSchema, d: number, b: number, blocked: number): boolean {
  // every step from d up to b must use a method that is not blocked
  for (let t = d; ; ) {
    if (t === b) return true;
    const tt = rt.types[t];
    if (tt.simple >= 0) {
      // simple types derive by restriction (lists and unions from anySimpleType) all the way up
      if (blocked & Flag.Restriction) return false;
      if (b === rt.anyType) return true;
      const bt = rt.types[b];
      return bt.simple >= 0 && rt.simple[tt.simple].derivesFrom(rt.simple[bt.simple]);
    }
    if (tt.method & blocked) return false;
    if (tt.base === t) return false;
    t = tt.base;
  }
}

/** The type an element's xsi:type names, checked against its declared type; -1 when there is none or it is refused. */
export function xsiType(run: Run, node: number, declared: number, blocked: number): number {
  const { doc, rt } = run;
  const a = run.attrNamed(node, run.xsiTypeName);
  if (a < 0) return -1;
  const raw = doc.attrValue(a).trim();
  const i = raw.indexOf(':');
  const prefix = i < 0 ? '' : raw.slice(0, i);
  const local = i < 0 ? raw : raw.slice(i + 1);
  const ns = doc.lookupNamespace(node, prefix);
  const element = run.elementName(node);
  if (ns === undefined) {
    run.reportAttr(node, a, 'xsd/xsi-type-prefix', { value: quote(raw), element, prefix });
    return -1;
  }
  const t = rt.globalType.get(qkey(ns, local));
  if (t === undefined) {
    run.reportAttr(node, a, 'xsd/xsi-type-unknown', { value: quote(raw), element });
    return -1;
  }
  if (declared < 0) return t;
  const name = (id: number) => rt.types[id].name?.replace(/^\{[^}]*\}/, '') ?? 'an anonymous type';
  if (!derivedOk(rt, t, declared, 0)) {
    run.reportAttr(node, a, 'xsd/xsi-type-not-derived', { value: quote(raw), element, type: name(t), declared: name(declared) });
    return -1;
  }
  const all = blocked | rt.types[declared].block;
  if (!derivedOk(rt, t, declared, all)) {
    const method = all & Flag.Extension && derivedOk(rt, t, declared, all & ~Flag.Extension) ? 'extension' : 'restriction';
    run.reportAttr(node, a, 'xsd/xsi-type-blocked', { value: quote(raw), element, type: name(t), declared: name(declared), method });
    return -1;
  }
  return t;
}

/** xsi:nil: true, false, or null when absent (an invalid value is reported and counts as false). */
export function xsiNil(run: Run, node: number): boolean | null {
  const { doc } = run;
  const a = run.attrNamed(node, run.xsiNilName);
  if (a < 0) return null;
  const v = doc.attrValue(a).trim();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  run.reportAttr(node, a, 'xsd/bad-nil', { element: run.elementName(node), value: quote(v) });
  return false;
}
