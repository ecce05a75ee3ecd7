/**
 * Compiled schema <-> plain JSON, for the module the build generates from the bundled xsd/ set
 * (scripts/xsd-bundle.mjs): loading it rebuilds the tables without reading or checking any XSD.
 * Simple types use the types module's own JSON (named types by reference); automata keep their
 * expression table only when the compiler left states to explore at run time.
 */
import { complete } from './content/automaton.js';
import { ExprTable, type ExprJSON } from './content/expr.js';
import type { RtModel, RtSchema, RtType } from './compiled.js';
import { qkey } from './names.js';
import { typeFromJSON, typeToJSON, type SimpleType } from './simple.js';

/** Format version of the JSON (bump when the tables change shape). */
export const SCHEMA_JSON_VERSION = 1;

/** The JSON form of a compiled schema. */
export interface SchemaJSON {
  version: number;
  ns: (string | null)[];
  symNs: number[];
  symLocal: string[];
  elems: RtSchema['elems'];
  types: Omit<RtType, 'bySym' | 'roles'>[];
  attrs: RtSchema['attrs'];
  wilds: RtSchema['wilds'];
  models: (Omit<RtModel, 'expr' | 'exprState'> & { expr?: ExprJSON })[];
  idcs: RtSchema['idcs'];
  simple: unknown[];
  globalElem: number[];
  globalAttr: number[];
  globalType: [string, number][];
  notations: string[];
  anyType: number;
}

/** Tables -> JSON. */
export function schemaToJSON(rt: RtSchema): SchemaJSON {
  return {
    version: SCHEMA_JSON_VERSION,
    ns: rt.ns,
    symNs: rt.symNs,
    symLocal: rt.symLocal,
    elems: rt.elems,
    types: rt.types.map(({ bySym: _, roles: __, ...t }) => t),
    attrs: rt.attrs,
    wilds: rt.wilds,
    models: rt.models.map((m) => {
      const states = m.states.map((s) => (s ? { accept: s.accept, syms: s.syms, next: s.next, match: s.match, wild: s.wild, wnext: s.wnext } : null));
      const out: SchemaJSON['models'][number] = { states, leaves: m.leaves };
      if (m.all) out.all = m.all;
      if (!m.all && !complete(m)) {
        out.expr = m.expr!.toJSON();
        out.stateExpr = m.stateExpr;
      }
      return out;
    }),
    idcs: rt.idcs,
    simple: rt.simple.map(typeToJSON),
    globalElem: rt.globalElem,
    globalAttr: rt.globalAttr,
    globalType: [...rt.globalType],
    notations: [...rt.notations],
    anyType: rt.anyType,
  };
}

/** JSON -> tables. */
export function schemaFromJSON(j: SchemaJSON): RtSchema {
  if (j.version !== SCHEMA_JSON_VERSION) throw new Error(`compiled schema format ${j.version}, expected ${SCHEMA_JSON_VERSION} (regenerate it: npm run xsd:bundle)`);
  const named = new Map<string, number>();
  j.simple.forEach((t, i) => {
    const n = (t as { name?: { ns: string | null; local: string } }).name;
    if (n) named.set(qkey(n.ns, n.local), i);
  });
  const simple: SimpleType[] = new Array(j.simple.length);
  const get = (i: number): SimpleType => (simple[i] ??= typeFromJSON(j.simple[i], (ns, local) => {
    const k = named.get(qkey(ns, local));
    if (k === undefined) throw new Error(`compiled schema: simple type ${qkey(ns, local)} is missing`);
    return get(k);
  }));
  for (let i = 0; i < j.simple.length; i++) get(i);
  const models: RtModel[] = j.models.map((m) => {
    const out: RtModel = { states: m.states.map((s) => (s && s.syms.length > 8 ? { ...s, index: new Map(s.syms.map((x, i) => [x, i])) } : s)), leaves: m.leaves };
    if (m.all) out.all = m.all;
    if (m.expr) {
      out.expr = new ExprTable(m.expr);
      out.stateExpr = m.stateExpr;
    }
    return out;
  });
  return {
    ns: j.ns,
    symNs: j.symNs,
    symLocal: j.symLocal,
    elems: j.elems,
    types: j.types,
    attrs: j.attrs,
    wilds: j.wilds,
    models,
    idcs: j.idcs,
    simple,
    globalElem: j.globalElem,
    globalAttr: j.globalAttr,
    globalType: new Map(j.globalType),
    notations: new Set(j.notations),
    anyType: j.anyType,
    nsIndex: new Map(j.ns.map((n, i) => [n, i])),
    symIndex: new Map(j.symLocal.map((l, i) => [qkey(j.ns[j.symNs[i]], l), i])),
  };
}
