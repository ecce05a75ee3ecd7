/**
 * Checks that need the whole component set: a substitution group member's type must derive from
 * its head's (e-props-correct.4, honouring the head's final), and every default or fixed value
 * must be valid for its type (e-props-correct.2, a-props-correct.2, with the content-type rules
 * of cos-valid-default for complex types).
 */
import { SchemaError } from '../errors.js';
import { qkey } from '../names.js';
import type { Builder } from './builder.js';
import type { Place, TypeDef, ValueConstraint } from './components.js';
import { derivationOk } from './derivation.js';
import { typeOf } from './element.js';

function fail(place: Place, reason: string): never {
  throw new SchemaError(reason, place.file, place.line);
}

/** Check a value constraint against a type; returns the reason it is not valid, or null. */
export function valueConstraintProblem(type: TypeDef, vc: ValueConstraint): string | null {
  let simple;
  if (type.kind === 'simple') simple = type.type;
  else if (type.content.kind === 'simple') simple = type.content.type.type;
  else if (type.content.kind === 'mixed') {
    // cos-valid-default 2.2.2: the particle must be emptiable; then the value is just a string
    return emptiable(type.content.particle) ? null : 'a mixed type whose content cannot be empty cannot have a default or fixed value';
  } else return `a type with ${type.content.kind === 'empty' ? 'empty' : 'element-only'} content cannot have a default or fixed value`;
  const ns = new Map(vc.ns ?? []);
  const r = simple.validate(vc.lexical, { lookup: (p: string) => (p === '' ? (ns.get('') ?? null) || null : ns.get(p)) });
  if (r.ok) {
    if (simple.idKind === 'ID' || (simple.variety === 'list' && simple.itemType?.idKind === 'ID')) return 'an ID cannot have a default or fixed value';
    return null;
  }
  return `the ${vc.fixed ? 'fixed' : 'default'} value '${vc.lexical}' is not valid for its type`;
}

/** True when a particle can match nothing. */
export function emptiable(p: { min: number; term: { kind: string; compositor?: string; particles?: { min: number; term: unknown }[] } }): boolean {
  if (p.min === 0) return true;
  const t = p.term;
  if (t.kind !== 'group') return false;
  const parts = t.particles as Parameters<typeof emptiable>[0][];
  return t.compositor === 'choice' ? parts.length === 0 || parts.some(emptiable) : parts.every(emptiable);
}

/** Run the whole-set checks. Throws SchemaError. */
export function checkComponents(b: Builder): void {
  for (const e of b.elements) {
    const type = typeOf(e);
    if (e.global && e.head) {
      const ht = typeOf(e.head);
      if (!derivationOk(type, ht, e.head.final, b.anyType)) {
        fail(e.place, `element ${qkey(e.ns, e.local)} cannot be in the substitution group of ${qkey(e.head.ns, e.head.local)}: its type does not derive from the head's${e.head.final ? ' (or the head is final for that derivation)' : ''}`);
      }
    }
    if (e.value) {
      const why = valueConstraintProblem(type, e.value);
      if (why) fail(e.place, `element ${e.local}: ${why}`);
    }
  }
  const seen = new Set<unknown>();
  const checkUses = (uses: Iterable<{ decl: { local: string; type: TypeDef; place: Place }; value?: ValueConstraint }>) => {
    for (const u of uses) {
      if (!u.value || seen.has(u)) continue;
      seen.add(u);
      const why = valueConstraintProblem(u.decl.type, u.value);
      if (why) fail(u.decl.place, `attribute ${u.decl.local}: ${why}`);
    }
  };
  for (const t of b.globals<TypeDef>('type').values()) if (t.kind === 'complex') checkUses(t.attributes.values());
  for (const a of b.globals<{ local: string; type: TypeDef; place: Place; value?: ValueConstraint }>('attribute').values()) {
    if (a.value) checkUses([{ decl: a, value: a.value }]);
  }
}
