/**
 * From a content-model expression to automaton states: a state is a derivative (expr.ts), its
 * transitions are computed for every element name its first leaves accept (substitution group
 * members included) and for each wildcard among them. The compiler explores every state up to a
 * budget; past it (large counts) states are explored when the validator first reaches them, by
 * the same function, so no model is ever expanded by its counts.
 */
import { WildMode, type RtLeaf, type RtModel, type RtState, type RtWildcard } from '../compiled.js';
import { ExprTable } from './expr.js';

/** What exploring needs to know about names and wildcards. */
export interface Alphabet {
  symNs: readonly number[];
  wilds: readonly RtWildcard[];
}

/** Does a wildcard allow a namespace id (-1 = a namespace the schema never mentions)? */
export function wildAllows(w: RtWildcard, ns: number): boolean {
  if (w.mode === WildMode.Any) return true;
  if (w.mode === WildMode.Set) return ns >= 0 && w.ns.includes(ns);
  return !w.ns.includes(ns);
}

/** States explored by the compiler before the rest is left to run time. */
export const STATE_BUDGET = 512;

/** Per-model lookup of leaf -> (symbol -> declaration), built on first use. */
const leafMaps = new WeakMap<RtModel, Map<number, number>[]>();

function leafMap(model: RtModel): Map<number, number>[] {
  let m = leafMaps.get(model);
  if (!m) {
    m = model.leaves.map((l) => {
      const map = new Map<number, number>();
      if (l.syms) for (let i = 0; i < l.syms.length; i++) if (!map.has(l.syms[i])) map.set(l.syms[i], l.decls![i]);
      return map;
    });
    leafMaps.set(model, m);
  }
  return m;
}

/** The state id of an expression, adding an unexplored state when it is new. */
function stateOf(model: RtModel, e: number): number {
  model.exprState ??= new Map(model.stateExpr!.map((x, i) => [x, i]));
  let s = model.exprState.get(e);
  if (s === undefined) {
    s = model.states.length;
    model.states.push(null);
    model.stateExpr!.push(e);
    model.exprState.set(e, s);
  }
  return s;
}

/** Compute the transitions of state `s` (which must have an expression). */
export function explore(model: RtModel, s: number, abc: Alphabet): RtState {
  const table = model.expr!;
  const e = model.stateExpr![s];
  const leaves = model.leaves;
  const maps = leafMap(model);
  const first = [...table.first(e)].sort((a, b) => a - b);
  const st: RtState = { accept: table.nullable(e), syms: [], next: [], match: [], wild: [], wnext: [] };
  model.states[s] = st;
  const named: number[] = [];
  const seen = new Set<number>();
  const wildLeaves = first.filter((l) => leaves[l].wild !== undefined);
  for (const l of first) for (const sym of leaves[l].syms ?? []) if (!seen.has(sym)) (seen.add(sym), named.push(sym));
  if (wildLeaves.length) {
    // names the model declares elsewhere may be taken by a wildcard here
    for (const leaf of leaves) {
      for (const sym of leaf.syms ?? []) {
        if (seen.has(sym)) continue;
        if (wildLeaves.some((w) => wildAllows(abc.wilds[leaves[w].wild!], abc.symNs[sym]))) (seen.add(sym), named.push(sym));
      }
    }
  }
  for (const sym of named) {
    const hit = new Set<number>();
    const next = table.derive(e, (l) => maps[l].has(sym) || (leaves[l].wild !== undefined && wildAllows(abc.wilds[leaves[l].wild!], abc.symNs[sym])), hit);
    const hits = [...hit].sort((a, b) => a - b);
    const el = hits.find((l) => maps[l].has(sym));
    st.syms.push(sym);
    st.next.push(stateOf(model, next));
    st.match.push(el !== undefined ? maps[el].get(sym)! : ~leaves[hits[0]].wild!);
  }
  for (const w of wildLeaves) {
    const next = table.derive(e, (l) => l === w, new Set());
    st.wild.push(leaves[w].wild!);
    st.wnext.push(stateOf(model, next));
  }
  if (st.syms.length > 8) st.index = new Map(st.syms.map((x, i) => [x, i]));
  return st;
}

/** Build a model from an expression, exploring up to the budget. */
export function buildAutomaton(table: ExprTable, start: number, leaves: RtLeaf[], abc: Alphabet, budget = STATE_BUDGET): RtModel {
  const model: RtModel = { states: [null], leaves, expr: table, stateExpr: [start] };
  for (let s = 0; s < model.states.length && s < budget; s++) if (model.states[s] === null) explore(model, s, abc);
  return model;
}

/** State `s` of a model, explored now if the compiler left it. */
export function stateAt(model: RtModel, s: number, abc: Alphabet): RtState {
  return model.states[s] ?? explore(model, s, abc);
}

/** The transition index for a symbol in a state, or -1. */
export function findSym(st: RtState, sym: number): number {
  if (st.index) return st.index.get(sym) ?? -1;
  const syms = st.syms;
  for (let i = 0; i < syms.length; i++) if (syms[i] === sym) return i;
  return -1;
}

/** The wildcard transition index for a namespace id, or -1. */
export function findWild(st: RtState, ns: number, wilds: readonly RtWildcard[]): number {
  for (let i = 0; i < st.wild.length; i++) if (wildAllows(wilds[st.wild[i]], ns)) return i;
  return -1;
}

/** True when every state is explored (the expression table need not be kept). */
export function complete(model: RtModel): boolean {
  return model.states.every((s) => s !== null);
}

export { ExprTable };
