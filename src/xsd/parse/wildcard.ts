/**
 * xs:any and xs:anyAttribute (Part 1 §3.10): the namespace constraint and processContents, and
 * the union and intersection of attribute wildcards that complex-type derivation and attribute
 * groups need (§3.10.6, Attribute Wildcard Union / Intersection).
 */
import type { NsConstraint, Wildcard } from './components.js';
import { fail, placeOf, token, type At } from './context.js';

/** Read an xs:any / xs:anyAttribute element. */
export function buildWildcard(at: At): Wildcard {
  const tns = at.d.tns;
  const v = (token(at, 'namespace') ?? '##any').replace(/\s+/g, ' ');
  let constraint: NsConstraint;
  if (v === '##any') constraint = { kind: 'any' };
  else if (v === '##other') constraint = { kind: 'not', ns: tns === null ? [null] : [tns, null] };
  else {
    const set: (string | null)[] = [];
    for (const t of v.split(' ').filter(Boolean)) {
      const ns = t === '##targetNamespace' ? tns : t === '##local' ? null : t;
      if (t.startsWith('##') && t !== '##targetNamespace' && t !== '##local') fail(at, `namespace="${v}": '${t}' is not allowed in a list (use ##any or ##other alone)`);
      if (!set.includes(ns)) set.push(ns);
    }
    constraint = { kind: 'set', ns: set };
  }
  const pc = token(at, 'processContents') ?? 'strict';
  if (pc !== 'strict' && pc !== 'lax' && pc !== 'skip') fail(at, `processContents="${pc}" must be strict, lax or skip`);
  return { kind: 'wildcard', constraint, process: pc, place: placeOf(at) };
}

/** True when the constraint allows a namespace (null = no namespace). */
export function allows(c: NsConstraint, ns: string | null): boolean {
  if (c.kind === 'any') return true;
  if (c.kind === 'set') return c.ns.includes(ns);
  return !c.ns.includes(ns);
}

/** Union of two namespace constraints (§3.10.6 Attribute Wildcard Union); null = not expressible. */
export function unionConstraint(a: NsConstraint, b: NsConstraint): NsConstraint | null {
  if (a.kind === 'any' || b.kind === 'any') return { kind: 'any' };
  if (a.kind === 'set' && b.kind === 'set') return { kind: 'set', ns: [...new Set([...a.ns, ...b.ns])] };
  if (a.kind === 'not' && b.kind === 'not') {
    // not(x) ∪ not(y): any when they differ
    const same = a.ns.length === b.ns.length && a.ns.every((n) => b.ns.includes(n));
    return same ? a : { kind: 'any' };
  }
  const not = (a.kind === 'not' ? a : b) as { kind: 'not'; ns: (string | null)[] };
  const set = (a.kind === 'set' ? a : b) as { kind: 'set'; ns: (string | null)[] };
  // not(excluded) ∪ set: the excluded names the set brings back become allowed
  const rest = not.ns.filter((n) => !set.ns.includes(n));
  if (rest.length === 0) return { kind: 'any' };
  if (rest.length === not.ns.length) return not;
  // XSD 1.0 cannot say "not absent but tns allowed" other than as not(absent)
  return { kind: 'not', ns: rest };
}

/** Intersection of two namespace constraints (§3.10.6 Attribute Wildcard Intersection). */
export function intersectConstraint(a: NsConstraint, b: NsConstraint): NsConstraint {
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'set' && b.kind === 'set') return { kind: 'set', ns: a.ns.filter((n) => b.ns.includes(n)) };
  if (a.kind === 'not' && b.kind === 'not') return { kind: 'not', ns: [...new Set([...a.ns, ...b.ns])] };
  const not = (a.kind === 'not' ? a : b) as { kind: 'not'; ns: (string | null)[] };
  const set = (a.kind === 'set' ? a : b) as { kind: 'set'; ns: (string | null)[] };
  return { kind: 'set', ns: set.ns.filter((n) => !not.ns.includes(n)) };
}

/** a ⊆ b for namespace constraints (§3.10.6 Wildcard Subset). */
export function subsetConstraint(a: NsConstraint, b: NsConstraint): boolean {
  if (b.kind === 'any') return true;
  if (a.kind === 'any') return false;
  if (a.kind === 'set') return a.ns.every((n) => allows(b, n));
  if (b.kind === 'set') return false;
  return b.ns.every((n) => a.ns.includes(n));
}
