/**
 * Type derivation and substitution (Part 1 §3.4.6 Type Derivation OK (Complex), §3.14.6 Type
 * Derivation OK (Simple), §3.3.6 Substitution Group OK (Transitive)): used for substitution group
 * membership at compile time and for xsi:type at validation time (validate/xsi.ts has the same
 * rules over the compiled tables).
 */
import { Flag } from '../names.js';
import type { ComplexTypeDef, ElementDecl, TypeDef } from './components.js';
import { typeOf } from './element.js';

/** The derivation method bit of a type's last step (simple types derive by restriction). */
export function methodOf(t: TypeDef): number {
  return t.kind === 'complex' && t.derivation === 'extension' ? Flag.Extension : Flag.Restriction;
}

/** True when `d` is validly derived from `b` without any method in `blocked` (Flag bits). */
export function derivationOk(d: TypeDef, b: TypeDef, blocked: number, anyType: ComplexTypeDef): boolean {
  for (let t: TypeDef = d; ; ) {
    if (t === b) return true;
    if (t.kind === 'simple') {
      if (blocked & Flag.Restriction) return false;
      if (b === anyType) return true;
      return b.kind === 'simple' && t.type.derivesFrom(b.type);
    }
    if (methodOf(t) & blocked) return false;
    if (t.base === t) return false;
    t = t.base;
  }
}

/** The derivation methods on the way from `d` up to `b`, and the {prohibited substitutions} of the types passed. */
function chainBlocks(d: TypeDef, b: TypeDef, anyType: ComplexTypeDef): { methods: number; prohibited: number } | null {
  let methods = 0;
  let prohibited = 0;
  for (let t: TypeDef = d; t !== b; ) {
    if (t.kind === 'simple') {
      if (b.kind === 'simple' && t.type.derivesFrom(b.type)) return { methods: methods | Flag.Restriction, prohibited };
      if (b === anyType) return { methods: methods | Flag.Restriction, prohibited };
      return null;
    }
    methods |= methodOf(t);
    if (t !== d) prohibited |= t.block;
    if (t.base === t) return null;
    t = t.base;
  }
  return { methods, prohibited };
}

/** Substitution Group OK (Transitive): may `m` appear where `h` is expected? */
export function substitutable(m: ElementDecl, h: ElementDecl, anyType: ComplexTypeDef): boolean {
  if (m === h) return true;
  if (h.block & Flag.Substitution) return false;
  let chain = false;
  for (let e = m.head; e; e = e.head === e ? null : e.head) {
    if (e === h) {
      chain = true;
      break;
    }
  }
  if (!chain) return false;
  const ht = typeOf(h);
  const path = chainBlocks(typeOf(m), ht, anyType);
  if (!path) return false;
  const blocked = (h.block & (Flag.Extension | Flag.Restriction)) | (ht.kind === 'complex' ? ht.block : 0) | path.prohibited;
  return (path.methods & blocked) === 0;
}

/** Every global element and the declarations in its substitution group (transitively, itself first). */
export function substitutionGroups(elements: readonly ElementDecl[]): Map<ElementDecl, ElementDecl[]> {
  const direct = new Map<ElementDecl, ElementDecl[]>();
  for (const e of elements) {
    if (!e.global || !e.head) continue;
    const list = direct.get(e.head) ?? [];
    list.push(e);
    direct.set(e.head, list);
  }
  const out = new Map<ElementDecl, ElementDecl[]>();
  for (const e of elements) {
    if (!e.global) continue;
    const members: ElementDecl[] = [e];
    const seen = new Set<ElementDecl>([e]);
    for (let i = 0; i < members.length; i++) {
      for (const m of direct.get(members[i]) ?? []) {
        if (seen.has(m)) continue;
        seen.add(m);
        members.push(m);
      }
    }
    out.set(e, members);
  }
  return out;
}
