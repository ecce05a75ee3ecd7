/**
 * Simple values of elements and attributes (Part 1 §3.3.4 cvc-elt.5, §3.2.4 cvc-attribute): the
 * type's check (src/xsd/types), fixed values compared in the value space, defaults for empty
 * elements, and the identity roles of values: ID (unique in the document), IDREF(S) (checked at
 * the end), NOTATION (a declared notation) and ENTITY (never valid: DTDs are refused).
 */
import { qkey } from '../names.js';
import { valuesEqual, type SimpleType, type TypeResult, type Value } from '../simple.js';
import { quote } from '../messages.js';
import type { RtValue } from '../compiled.js';
import type { Run } from './run.js';

/** Fixed values validated once per constraint. */
const fixedValues = new WeakMap<RtValue, Map<SimpleType, Value | null>>();

/** The value of a fixed/default constraint under a type (null when it is not valid for it). */
export function constraintValue(vc: RtValue, type: SimpleType): Value | null {
  let m = fixedValues.get(vc);
  if (!m) fixedValues.set(vc, (m = new Map()));
  if (m.has(type)) return m.get(type)!;
  const ns = new Map(vc.ns ?? []);
  const r = type.validate(vc.lexical, { lookup: (p) => (ns.has(p) ? ns.get(p) || null : p === '' ? null : undefined) });
  const v = r.ok ? r.value : null;
  m.set(type, v);
  return v;
}

/** What a failed check is about: an element's content or one of its attributes. */
export interface Subject {
  node: number;
  /** Attribute index, or -1 for the element's content. */
  attr: number;
}

function failed(run: Run, s: Subject, lexical: string, r: Extract<TypeResult, { ok: false }>): void {
  const element = run.elementName(s.node);
  const attribute = s.attr >= 0 ? run.doc.attrQName(s.attr) : '';
  if (r.messageId === 'xsd/invalid-value') {
    const data = { element, value: quote(lexical), type: String(r.data.type), hint: String(r.data.hint) };
    if (s.attr >= 0) run.reportAttr(s.node, s.attr, 'xsd/invalid-attribute-value', { attribute, ...data });
    else run.report(s.node, 'xsd/invalid-element-value', data);
    return;
  }
  const detail = run.typeText(r.messageId, r.data);
  const data = { element, attributePart: s.attr >= 0 ? ` attribute ${attribute}` : '', detail };
  if (s.attr >= 0) run.reportAttr(s.node, s.attr, 'xsd/facet', data);
  else run.report(s.node, 'xsd/facet', data);
}

/** Check one simple value; returns the validation result (undefined when invalid). */
export function checkValue(run: Run, s: Subject, type: SimpleType, lexical: string, vc: RtValue | undefined): TypeResult | undefined {
  run.ns.node = s.node;
  const r = type.validate(lexical, run.ns);
  if (!r.ok) {
    failed(run, s, lexical, r);
    return undefined;
  }
  if (vc?.fixed) {
    const fixed = constraintValue(vc, type);
    if (fixed === null || !valuesEqual(r.value, fixed)) {
      const element = run.elementName(s.node);
      if (s.attr >= 0) run.reportAttr(s.node, s.attr, 'xsd/fixed-attribute', { element, attribute: run.doc.attrQName(s.attr), fixed: quote(vc.lexical), value: quote(lexical) });
      else run.report(s.node, 'xsd/fixed-element', { element, fixed: quote(vc.lexical), value: quote(lexical) });
    }
  }
  const t = r.memberType ?? type;
  if (t.idKind !== undefined && t.idKind !== 'QName') identityRole(run, s, t, r);
  return r;
}

function identityRole(run: Run, s: Subject, t: SimpleType, r: Extract<TypeResult, { ok: true }>): void {
  const kind = t.idKind!;
  const items = t.variety === 'list' ? (r.normalized === '' ? [] : r.normalized.split(' ')) : [r.normalized];
  const element = run.elementName(s.node);
  for (const v of items) {
    if (kind === 'ID') {
      const ids = (run.ids ??= new Map());
      const prev = ids.get(v);
      if (prev !== undefined) {
        const data = { value: quote(v), element, line: run.doc.position(run.doc.starts[prev]).line };
        if (s.attr >= 0) run.reportAttr(s.node, s.attr, 'xsd/duplicate-id', data);
        else run.report(s.node, 'xsd/duplicate-id', data);
      } else ids.set(v, s.node);
    } else if (kind === 'IDREF' || kind === 'IDREFS') (run.idrefs ??= []).push([v, s.node]);
    else if (kind === 'ENTITY' || kind === 'ENTITIES') {
      if (s.attr >= 0) run.reportAttr(s.node, s.attr, 'xsd/unknown-entity', { value: quote(v), element });
      else run.report(s.node, 'xsd/unknown-entity', { value: quote(v), element });
    } else if (kind === 'NOTATION') {
      const q = r.value as unknown as { ns: string | null; local: string };
      if (!run.rt.notations.has(qkey(q.ns, q.local))) {
        if (s.attr >= 0) run.reportAttr(s.node, s.attr, 'xsd/unknown-notation', { value: quote(v), element });
        else run.report(s.node, 'xsd/unknown-notation', { value: quote(v), element });
      }
    }
  }
}

/** At the end of the document: every IDREF must name an ID. */
export function checkIdrefs(run: Run): void {
  if (!run.idrefs) return;
  for (const [v, node] of run.idrefs) if (!run.ids?.has(v)) run.report(node, 'xsd/unknown-idref', { value: quote(v), element: run.elementName(node) });
}
