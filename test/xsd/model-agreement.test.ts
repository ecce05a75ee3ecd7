/**
 * The typed model (src/model, used by parse/build/normalize) and the bundled XSDs describe the same
 * types twice. This test keeps the two in step: for every complex type reachable from the request
 * roots in the model, the XSD type of the same name must have the same child elements (namespace
 * and local name) in the same order with the same cardinality, and the same attributes with the
 * same qualification and use. Deliberate differences are allowed only where the XSD itself admits
 * them (a model element or attribute that the XSD takes through a wildcard) or where the model
 * carries something newer than the 10.2.2 schema (`since` above 35.2), and they are printed.
 */
import { describe, expect, it } from 'vitest';
import { ROOTS } from '../../src/model/roots.js';
import type { ComplexDesc, Content, ElementParticle, Particle } from '../../src/model/dsl.js';
import { typeContent, wildcardAllows, type Slot } from './xsd-slots.js';
import { NAMESPACE_LABELS } from '../../src/validate/xsd-hints.js';

/** `vcloud:Source` style names keep the printed comparison readable. */
function short(text: string): string {
  return text.replace(/\{([^}]*)\}/g, (_, uri: string) => `${NAMESPACE_LABELS[uri] ?? uri}:`);
}

/** Newest API version the bundled schema describes (VCD 10.2.2). */
const SCHEMA_API = 35.2;
const OVF = 'http://schemas.dmtf.org/ovf/envelope/1';

function reachable(): Map<string, ComplexDesc> {
  const out = new Map<string, ComplexDesc>();
  const visit = (c: Content) => {
    if (c.kind !== 'complex' || out.has(c.name)) return;
    out.set(c.name, c);
    for (const p of c.children as readonly Particle[]) {
      if (p.kind === 'element') visit(p.content);
      else for (const o of p.options) visit(o.content);
    }
  };
  for (const root of Object.values(ROOTS)) visit(root as unknown as Content);
  return out;
}

/** XSD type name for a model type name (the model writes some section types as `X_Type`). */
function xsdName(name: string): string | null {
  for (const n of [name, name.replace(/_Type$/, 'Type')]) if (typeContent(n)) return n;
  return null;
}

const card = (required: boolean, many: boolean) => `${required ? '!' : ''}${many ? '*' : ''}`;
const newer = (since: string | undefined) => since !== undefined && /^\d+(\.\d+)?$/.test(since) && Number(since) > SCHEMA_API;

interface Compared {
  model: string[];
  xsd: string[];
  notes: string[];
}

function compareChildren(c: ComplexDesc, slots: Slot[]): Compared {
  const notes: string[] = [];
  const wildcards = slots.filter((s) => s.name === '*');
  const declared = new Set(slots.filter((s) => s.name !== '*').map((s) => `{${s.ns}}${s.name}`));
  const model: string[] = [];
  for (const p of c.children as readonly Particle[]) {
    if (p.kind === 'choice') {
      const opts = p.options as readonly ElementParticle[];
      // the ovf:Section substitution group appears in the XSD as one reference to ovf:Section
      if (opts.some((o) => o.local === 'VirtualHardwareSection')) model.push('(ovf:Section group)*');
      else model.push(`(${opts.map((o) => `{${o.ns}}${o.local}`).join('|')})*`);
      continue;
    }
    const key = `{${p.ns}}${p.local}`;
    if (newer(p.since) && !declared.has(key)) {
      notes.push(`${key} (since ${p.since}, newer than the ${SCHEMA_API} schema)`);
      continue;
    }
    if (!declared.has(key) && wildcards.some((w) => wildcardAllows(w.ns, p.ns))) {
      notes.push(`${key} (taken by the XSD's extension wildcard)`);
      continue;
    }
    model.push(`${key}${card(p.min === 1, p.many)}`);
  }
  const xsd: string[] = [];
  for (let i = 0; i < slots.length; i++) {
    const sl = slots[i];
    if (sl.name === '*') continue;
    if (sl.name === 'Section' && sl.ns === OVF) {
      xsd.push('(ovf:Section group)*');
      continue;
    }
    // a repeated choice in the model spans consecutive XSD slots
    const group = model.find((m) => m.startsWith(`({${sl.ns}}${sl.name}|`));
    if (group) {
      const names = group.slice(1, -2).split('|');
      if (names.every((n, k) => slots[i + k] && `{${slots[i + k].ns}}${slots[i + k].name}` === n)) {
        xsd.push(group);
        i += names.length - 1;
        continue;
      }
    }
    xsd.push(`{${sl.ns}}${sl.name}${card(sl.required, sl.max > 1)}`);
  }
  return { model, xsd, notes };
}

describe('typed model and bundled XSDs agree', () => {
  const types = reachable();

  it('same children (namespace, name, order, cardinality) for every shared type', () => {
    expect(types.size).toBeGreaterThan(20);
    const problems: string[] = [];
    const notes: string[] = [];
    const unmatched: string[] = [];
    let compared = 0;
    for (const [name, c] of types) {
      const xn = xsdName(name);
      if (!xn) {
        unmatched.push(name);
        continue;
      }
      compared++;
      const r = compareChildren(c, typeContent(xn)!.slots);
      notes.push(...r.notes.map((n) => short(`${name}: ${n}`)));
      if (JSON.stringify(r.model) !== JSON.stringify(r.xsd)) problems.push(short(`${name}\n    model: ${r.model.join(' ')}\n    xsd:   ${r.xsd.join(' ')}`));
    }
    console.log(
      `[model vs xsd] ${compared} types compared` +
        (unmatched.length ? `; model types with no same-named XSD type (anonymous there): ${unmatched.join(', ')}` : '') +
        (notes.length ? `\n  allowed differences:\n    ${notes.join('\n    ')}` : '') +
        (problems.length ? `\n  child differences:\n  ${problems.join('\n  ')}` : ''),
    );
    expect(compared).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('same attributes (qualification and use) for every shared type', () => {
    const problems: string[] = [];
    const notes: string[] = [];
    for (const [name, c] of types) {
      const xn = xsdName(name);
      if (!xn) continue;
      const t = typeContent(xn)!;
      const fmt = (a: { name: string; ns: string; required: boolean }) => `${a.ns ? `{${a.ns}}` : ''}${a.name}${a.required ? '!' : ''}`;
      const xsd = t.attrs.map(fmt).sort();
      const model: string[] = [];
      for (const a of c.attrs) {
        const f = fmt({ name: a.local, ns: a.ns ?? '', required: a.required });
        const declared = t.attrs.some((x) => x.name === a.local && x.ns === (a.ns ?? ''));
        if (!declared && t.anyAttr.some((w) => wildcardAllows(w, a.ns ?? ''))) {
          notes.push(short(`${name}: ${f} (taken by the XSD's attribute wildcard)`));
          continue;
        }
        model.push(f);
      }
      model.sort();
      if (JSON.stringify(model) !== JSON.stringify(xsd)) problems.push(short(`${name}\n    model: ${model.join(' ')}\n    xsd:   ${xsd.join(' ')}`));
    }
    if (notes.length || problems.length) {
      console.log(
        `[model vs xsd] attributes` +
          (notes.length ? `\n  allowed differences:\n    ${notes.join('\n    ')}` : '') +
          (problems.length ? `\n  differences:\n  ${problems.join('\n  ')}` : ''),
      );
    }
    expect(problems).toEqual([]);
  });
});
