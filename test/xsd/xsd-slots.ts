/**
 * The declared child order and attributes of the bundled set's named complex types, read from the
 * engine's components (the same ones the validator is compiled from), for model-agreement.test.ts.
 */
import path from 'node:path';
import type { NsConstraint, Particle, ComplexTypeDef, TypeDef } from '../../src/xsd/parse/components.js';
import { buildComponents } from '../../src/xsd/parse/index.js';
import { loadSchemaSet } from '../../src/xsd/load/loader.js';
import { absoluteLocation, FileSource } from '../../src/xsd/load/fs.js';
import { REPO_ROOT } from './reference.js';

/** One child slot of a content model ('*' for a wildcard, whose ns is its constraint: '##any', '!uri', or a list). */
export interface Slot {
  name: string;
  ns: string;
  required: boolean;
  max: number;
}

/** One declared attribute. */
export interface AttrSlot {
  name: string;
  ns: string;
  required: boolean;
}

let types: Map<string, ComplexTypeDef> | null = null;

function load(): Map<string, ComplexTypeDef> {
  if (types) return types;
  const set = loadSchemaSet(new FileSource(), absoluteLocation(path.join(REPO_ROOT, 'xsd', 'master.xsd')));
  const b = buildComponents(set);
  types = new Map();
  for (const t of b.globals<TypeDef>('type').values()) if (t.kind === 'complex' && t.local && !types.has(t.local)) types.set(t.local, t);
  return types;
}

function constraint(c: NsConstraint): string {
  if (c.kind === 'any') return '##any';
  if (c.kind === 'not') return `!${c.ns.find((n) => n !== null) ?? ''}`;
  return c.ns.map((n) => n ?? '').join(' ');
}

function slots(p: Particle, optional: boolean, out: Slot[], outerMax = 1): void {
  const t = p.term;
  const opt = optional || p.min === 0;
  const max = Math.max(p.max, outerMax);
  if (t.kind === 'element') out.push({ name: t.local, ns: t.ns ?? '', required: !opt, max });
  else if (t.kind === 'wildcard') out.push({ name: '*', ns: constraint(t.constraint), required: !opt, max });
  else if (t.compositor === 'choice') for (const q of t.particles) slots(q, true, out, p.max);
  else for (const q of t.particles) slots(q, opt, out, 1);
}

/** Children (base-first), attributes and attribute wildcard of a named complex type of the bundled set. */
export function typeContent(typeName: string): { slots: Slot[]; attrs: AttrSlot[]; anyAttr: string[] } | null {
  const t = load().get(typeName);
  if (!t) return null;
  const out: Slot[] = [];
  if (t.content.kind === 'element' || t.content.kind === 'mixed') slots(t.content.particle, false, out);
  return {
    slots: out,
    attrs: [...t.attributes.values()].map((u) => ({ name: u.decl.local, ns: u.decl.ns ?? '', required: u.required })),
    anyAttr: t.attributeWildcard ? [constraint(t.attributeWildcard.constraint)] : [],
  };
}

/** Does a wildcard constraint (Slot.ns of a '*' slot, or an anyAttr entry) admit namespace `ns` ('' = none)? */
export function wildcardAllows(c: string, ns: string): boolean {
  if (c === '##any') return true;
  if (c.startsWith('!')) return ns !== '' && ns !== c.slice(1);
  return c.split(' ').includes(ns);
}
