/**
 * Identity constraints at validation time (Part 1 §3.11.4 cvc-identity-constraint): when an
 * element whose declaration has unique/key/keyref is finished, its selector picks nodes in its
 * subtree and the fields give each a key sequence of typed values (the types the walk recorded).
 * key/unique tables flow up to the enclosing elements (the node tables of §3.11.5), where keyrefs
 * look them up.
 */
import { NodeKind } from '../../xml/doc.js';
import { Content, type RtIdc, type RtPath } from '../compiled.js';
import { quote } from '../messages.js';
import { valueKey } from '../simple.js';
import type { Run } from './run.js';

/** Identity-constraint state of one element. */
export interface IdcFrame {
  node: number;
  idcs: number[];
  /** key/unique tables from this element and its descendants: idc id -> key -> node. */
  tables: Map<number, Map<string, number>>;
}

/** Begin the identity constraints of an element (evaluated when it is finished). */
export function startIdentity(_run: Run, node: number, idcs: number[]): IdcFrame {
  return { node, idcs, tables: new Map() };
}

function stepMatches(run: Run, step: [number, string | null], name: number): boolean {
  if (step[0] !== -2 && step[0] !== run.nsOf(name)) return false;
  return step[1] === null || step[1] === run.doc.exLocal[name];
}

/** Elements under (or at) `from` selected by any of the paths. */
function select(run: Run, from: number, paths: RtPath[]): number[] {
  const { doc } = run;
  const out: number[] = [];
  const chain: number[] = [];
  const matches = (k: number) =>
    paths.some((p) => {
      const n = p.steps.length;
      if (p.deep ? k < n : k !== n) return false;
      for (let i = 0; i < n; i++) if (!stepMatches(run, p.steps[i], chain[k - n + i])) return false;
      return true;
    });
  const maxDepth = paths.some((p) => p.deep) ? Infinity : Math.max(...paths.map((p) => p.steps.length));
  const stack: [number, number][] = [[from, 0]];
  while (stack.length) {
    const [n, k] = stack.pop()!;
    chain.length = k;
    if (k > 0) chain[k - 1] = doc.names[n];
    if (matches(k)) out.push(n);
    if (k >= maxDepth) continue;
    const kids: number[] = [];
    for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) if (doc.kinds[c] === NodeKind.Element) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], k + 1]);
  }
  return out;
}

/** The value key of one field at a selected node: a string, null when absent, or false after a problem. */
function fieldKey(run: Run, ic: RtIdc, f: number, at: number): string | null | false {
  const { doc, rt } = run;
  const paths = ic.fields[f];
  const found: ({ el: number } | { attr: number; el: number } | { value: string; type: number; el: number })[] = [];
  for (const p of paths) {
    const els = select(run, at, [{ deep: p.deep, steps: p.steps, attr: null }]);
    if (!p.attr) for (const el of els) found.push({ el });
    else {
      for (const el of els) {
        const a0 = doc.attrFirst[el];
        const before = found.length;
        for (let a = a0; a < a0 + doc.attrLen[el]; a++) if (doc.aNames[a] >= 0 && stepMatches(run, p.attr, doc.aNames[a])) found.push({ attr: a, el });
        // an absent attribute with a default or fixed value has that value (its PSVI attribute)
        if (found.length === before) {
          const t = run.nodeType![el];
          for (const u of t >= 0 ? rt.types[t].uses : []) {
            if (!u.value || (p.attr[0] !== -2 && p.attr[0] !== rt.symNs[u.sym]) || (p.attr[1] !== null && p.attr[1] !== rt.symLocal[u.sym])) continue;
            found.push({ value: u.value.lexical, type: rt.attrs[u.attr].type, el });
          }
        }
      }
    }
  }
  const fieldText = () => paths.map((p) => `${p.deep ? './/' : ''}${[...p.steps.map((s) => s[1] ?? '*'), ...(p.attr ? [`@${p.attr[1] ?? '*'}`] : [])].join('/') || '.'}`).join('|');
  if (found.length === 0) return null;
  if (found.length > 1) {
    run.report(at, 'xsd/field-multiple', { field: fieldText(), name: ic.name, element: doc.local(at) });
    return false;
  }
  const hit = found[0];
  if ('value' in hit) {
    run.ns.node = hit.el;
    const r = rt.simple[hit.type].validate(hit.value, run.ns);
    return r.ok ? valueKey(r.value) : false;
  }
  if ('attr' in hit) {
    const st = run.attrType![hit.attr];
    const text = doc.attrValue(hit.attr);
    // not assessed (a skip or lax wildcard without a declaration): no typed value, as if absent
    if (st < 0) return null;
    run.ns.node = hit.el;
    const r = rt.simple[st].validate(text, run.ns);
    return r.ok ? valueKey(r.value) : false;
  }
  const t = run.nodeType![hit.el];
  const tt = t >= 0 ? rt.types[t] : null;
  if (!tt || tt.content !== Content.Simple) {
    if (tt && tt.content === Content.Mixed && !doc.hasElementChildren(hit.el)) return `s:${doc.textContent(hit.el)}`;
    run.report(hit.el, 'xsd/field-not-simple', { field: fieldText(), name: ic.name, element: doc.local(hit.el) });
    return false;
  }
  let text = doc.textContent(hit.el);
  if (text === '' && run.defaults?.has(hit.el)) text = run.defaults.get(hit.el)!;
  run.ns.node = hit.el;
  const r = rt.simple[tt.value].validate(text, run.ns);
  return r.ok ? valueKey(r.value) : false;
}

/** Evaluate an element's constraints when it is finished, then hand its tables to the enclosing one. */
export function finishIdentity(run: Run, frame: IdcFrame, parent: IdcFrame | null): void {
  const { rt, doc } = run;
  const order = [...frame.idcs].sort((a, b) => (rt.idcs[a].kind === 2 ? 1 : 0) - (rt.idcs[b].kind === 2 ? 1 : 0));
  for (const id of order) {
    const ic = rt.idcs[id];
    const kinds = ['unique', 'key', 'keyref'];
    const table = new Map<string, number>();
    for (const sel of select(run, frame.node, ic.selector)) {
      const parts: string[] = [];
      let complete = true;
      for (let f = 0; f < ic.fields.length; f++) {
        const k = fieldKey(run, ic, f, sel);
        if (k === false) {
          complete = false;
          break;
        }
        if (k === null) {
          complete = false;
          if (ic.kind === 1) run.report(sel, 'xsd/missing-key-field', { element: doc.local(sel), field: f + 1, name: ic.name });
          break;
        }
        parts.push(k);
      }
      if (!complete) continue;
      const key = parts.join('\u0001');
      if (ic.kind === 2) {
        const target = frame.tables.get(ic.refer);
        if (!target?.has(key)) {
          run.report(sel, 'xsd/keyref-not-found', { element: doc.local(sel), name: ic.name, value: quote(parts.map((p) => p.slice(2)).join(', ')), refer: rt.idcs[ic.refer]?.name ?? '?', scope: doc.local(frame.node) });
        }
        continue;
      }
      const prev = table.get(key);
      if (prev !== undefined) {
        run.report(sel, 'xsd/duplicate-key', { element: doc.local(sel), kind: kinds[ic.kind], name: ic.name, value: quote(parts.map((p) => p.slice(2)).join(', ')), line: doc.position(doc.starts[prev]).line });
        continue;
      }
      table.set(key, sel);
    }
    if (ic.kind !== 2) {
      const merged = frame.tables.get(id);
      if (merged) for (const [k, v] of table) if (!merged.has(k)) merged.set(k, v);
      frame.tables.set(id, merged ?? table);
    }
  }
  if (parent) {
    for (const [id, t] of frame.tables) {
      const into = parent.tables.get(id);
      if (!into) parent.tables.set(id, new Map(t));
      else for (const [k, v] of t) if (!into.has(k)) into.set(k, v);
    }
  }
}
