/**
 * Content-model problems in plain words. The automaton knows what it expected at each child, so
 * the message says it directly: the child belongs earlier ("must come before <X>"), appears too
 * often, is in the wrong namespace, comes after a required element that is missing ("expected <X>
 * here"), or has no place in the parent at all. Only runs when a document is invalid.
 */
import { findSym, findWild, stateAt } from '../content/automaton.js';
import { WildMode, type RtLeaf, type RtModel, type RtState, type RtWildcard } from '../compiled.js';
import { NodeKind } from '../../xml/doc.js';
import type { Run } from './run.js';

/** What may come next, in schema order: element names and wildcards. */
type Expected = { sym: number } | { wild: RtWildcard };

/** Transitions of a state as expected items. */
function expectedOf(run: Run, st: RtState): Expected[] {
  const out: Expected[] = st.syms.map((sym) => ({ sym }));
  for (const w of st.wild) out.push({ wild: run.rt.wilds[w] });
  return out;
}

/** `<A> (vcloud)`, `one of <A>, <B> (vcloud)`, wildcards in words; namespaces labelled where it helps. */
export function describe(run: Run, items: Expected[], foundNs: string | null): string {
  const { rt } = run;
  const shown = items.slice(0, 12);
  const texts = shown.map((it) => {
    if ('wild' in it) {
      const w = it.wild;
      if (w.mode === WildMode.Any) return { text: 'any element', ns: undefined };
      if (w.mode === WildMode.Not) return { text: 'an element from another namespace', ns: undefined };
      return { text: `any element of ${w.ns.map((n) => run.nsFull(rt.ns[n])).join(' or ')}`, ns: undefined };
    }
    return { text: `<${rt.symLocal[it.sym]}>`, ns: rt.ns[rt.symNs[it.sym]] as string | null | undefined };
  });
  const nss = new Set(texts.filter((t) => t.ns !== undefined).map((t) => t.ns));
  const suffix = (ns: string | null) => {
    const label = run.hints.nsLabel?.(ns);
    if (label) return ` (${label})`;
    return ns === foundNs ? '' : ` (${ns === null ? 'no namespace' : ns})`;
  };
  let text: string;
  if (nss.size === 1 && texts.every((t) => t.ns !== undefined)) text = texts.map((t) => t.text).join(', ') + suffix([...nss][0]!);
  else text = texts.map((t) => (t.ns === undefined ? t.text : t.text + suffix(t.ns))).join(', ');
  if (items.length > shown.length) text += `, ... (${items.length - shown.length} more)`;
  return items.length > 1 ? `one of ${text}` : text;
}

/** Does a state take a child with this symbol / namespace id? */
function accepts(run: Run, st: RtState, sym: number, ns: number): boolean {
  return (sym >= 0 && findSym(st, sym) >= 0) || findWild(st, ns, run.rt.wilds) >= 0;
}

/** Breadth-first over the states reachable from `from` (edges on `skip` left out); true if one satisfies `goal`. */
function reachable(run: Run, model: RtModel, from: number, goal: (st: RtState) => boolean, skip = -1): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length && seen.size < 2000) {
    const s = queue.shift()!;
    const st = stateAt(model, s, run.rt);
    if (goal(st)) return true;
    for (let i = 0; i < st.syms.length; i++) if (st.syms[i] !== skip && !seen.has(st.next[i])) (seen.add(st.next[i]), queue.push(st.next[i]));
    for (const n of st.wnext) if (!seen.has(n)) (seen.add(n), queue.push(n));
  }
  return false;
}

/** The names at `state` that every way to `goal` must pass through. */
function necessary(run: Run, model: RtModel, state: number, goal: (st: RtState) => boolean): number[] {
  const st = stateAt(model, state, run.rt);
  if (goal(st)) return [];
  return st.syms.filter((sym) => !reachable(run, model, state, goal, sym));
}

/** States before each previous element child of `parent` (replaying the automaton), with those children. */
function replay(run: Run, model: RtModel, parent: number, child: number): { states: number[]; kids: number[] } {
  const { doc } = run;
  const states: number[] = [];
  const kids: number[] = [];
  let s = 0;
  for (let c = doc.firsts[parent]; c !== -1 && c !== child; c = doc.nexts[c]) {
    if (doc.kinds[c] !== NodeKind.Element) continue;
    states.push(s);
    kids.push(c);
    const st = stateAt(model, s, run.rt);
    const sym = run.sym(doc.names[c]);
    const i = sym >= 0 ? findSym(st, sym) : -1;
    if (i >= 0) s = st.next[i];
    else {
      const j = findWild(st, run.nsOf(doc.names[c]), run.rt.wilds);
      if (j < 0) break;
      s = st.wnext[j];
    }
  }
  return { states, kids };
}

/** Would `child`, taken at `state`, leave `rest` (the siblings it would move in front of) acceptable? */
function fitsBefore(run: Run, model: RtModel, state: number, child: number, rest: number[]): boolean {
  let s = step(run, model, state, child);
  for (const k of rest) {
    if (s < 0) return false;
    s = step(run, model, s, k);
  }
  return s >= 0;
}

/** The state after taking element `c` at `s`, or -1. */
function step(run: Run, model: RtModel, s: number, c: number): number {
  const st = stateAt(model, s, run.rt);
  const sym = run.sym(run.doc.names[c]);
  const i = sym >= 0 ? findSym(st, sym) : -1;
  if (i >= 0) return st.next[i];
  const j = findWild(st, run.nsOf(run.doc.names[c]), run.rt.wilds);
  return j >= 0 ? st.wnext[j] : -1;
}

/** The sibling's name as written when it has the same local name as the child (`ovf:Item` before `Item`). */
function sameLocal(run: Run, sibling: number, child: number): string {
  const { doc } = run;
  return doc.local(sibling) === doc.local(child) && doc.ns(sibling) !== doc.ns(child) ? doc.qname(sibling) : doc.local(sibling);
}

/** The leaf that lists this symbol as abstract, if any. */
function abstractLeaf(leaves: RtLeaf[], sym: number): RtLeaf | undefined {
  return leaves.find((l) => l.abstracts?.includes(sym));
}

/** Report a child the parent's automaton does not take at `state`. */
export function unexpectedChild(run: Run, parent: number, model: RtModel, state: number, child: number): void {
  const { rt, doc } = run;
  const name = doc.names[child];
  const sym = run.sym(name);
  const nsId = run.nsOf(name);
  const local = doc.local(child);
  const ns = doc.ns(child);
  const parentName = run.elementName(parent);
  const st = stateAt(model, state, rt);
  const leaves = model.all ? model.all.members : model.leaves;
  if (sym >= 0) {
    const abs = abstractLeaf(leaves, sym);
    if (abs) {
      const hint = run.hints.abstractHint?.(ns, local) ?? (abs.syms?.length ? `; use ${describe(run, abs.syms.map((s) => ({ sym: s })), ns)}` : '');
      run.report(child, 'xsd/abstract', { element: local, hint });
      return;
    }
  }
  const expected = expectedOf(run, st);
  const same = st.syms.find((s) => rt.symLocal[s] === local && rt.ns[rt.symNs[s]] !== ns);
  if (same !== undefined) {
    wrongNamespace(run, child, local, ns, rt.ns[rt.symNs[same]]);
    return;
  }
  const { states, kids } = replay(run, model, parent, child);
  for (let i = states.length - 1; i >= 0; i--) {
    if (!accepts(run, stateAt(model, states[i], rt), sym, nsId)) continue;
    const prev = kids[i];
    if (doc.names[prev] === name) {
      const max = kids.filter((k) => doc.names[k] === name).length;
      run.report(child, 'xsd/too-many', { found: local, parent: parentName, max });
      return;
    }
    // "must come before X" only when the children from X on still fit after it (not when it is
    // an alternative to X, as in a choice)
    if (fitsBefore(run, model, states[i], child, kids.slice(i))) {
      run.report(child, 'xsd/out-of-order', { found: local, parent: parentName, after: sameLocal(run, prev, child) });
      return;
    }
  }
  const takes = (x: RtState) => accepts(run, x, sym, nsId);
  if (reachable(run, model, state, takes)) {
    const need = necessary(run, model, state, takes);
    const items = need.length === 1 ? [{ sym: need[0] }] : expected;
    run.report(child, 'xsd/unexpected-element', { expected: describe(run, items, ns), found: local });
    return;
  }
  if (expected.length === 0) {
    run.report(child, 'xsd/unexpected-element-no-alternative', { found: local, parent: parentName });
    return;
  }
  // in the wrong namespace somewhere else in the model
  const elsewhere = leaves.flatMap((l) => l.syms ?? []).find((s) => rt.symLocal[s] === local && rt.ns[rt.symNs[s]] !== ns);
  if (elsewhere !== undefined && !leaves.some((l) => l.syms?.includes(sym))) {
    wrongNamespace(run, child, local, ns, rt.ns[rt.symNs[elsewhere]]);
    return;
  }
  const inModel = sym >= 0 && leaves.some((l) => l.syms?.includes(sym));
  if (!inModel) run.report(child, 'xsd/not-allowed-in-parent', { found: local, parent: parentName, expected: describe(run, expected, ns) });
  else run.report(child, 'xsd/unexpected-element', { expected: describe(run, expected, ns), found: local });
}

function wrongNamespace(run: Run, child: number, local: string, ns: string | null, want: string | null): void {
  const fix = run.hints.namespaceFix?.(local, ns, want) ?? (want === null ? ' (write it without a prefix, with no default namespace in scope)' : ` (write it in namespace ${want})`);
  run.report(child, 'xsd/wrong-namespace', { found: local, foundNs: run.nsFull(ns), expectedNs: run.nsFull(want), fix });
}

/** Report content that ends before the automaton accepts. */
export function missingChild(run: Run, node: number, model: RtModel, state: number): void {
  const st = stateAt(model, state, run.rt);
  const need = necessary(run, model, state, (x) => x.accept);
  const items: Expected[] = need.length ? need.map((sym) => ({ sym })) : expectedOf(run, st);
  const first = need.length ? need[0] : st.syms[0];
  const hint = first !== undefined ? (run.hints.missingHint?.(run.rt.ns[run.rt.symNs[first]], run.rt.symLocal[first]) ?? '') : '';
  run.report(node, 'xsd/missing-child', { element: run.elementName(node), expected: describe(run, need.length ? items.slice(0, 1) : items, run.doc.ns(node)), hint });
}

/** Report a child an xs:all model does not take (not a member, or a member seen before). */
export function unexpectedInAll(run: Run, parent: number, model: RtModel, seen: (i: number) => boolean, child: number, member: number): void {
  const { rt, doc } = run;
  const all = model.all!;
  const local = doc.local(child);
  const ns = doc.ns(child);
  if (member >= 0) {
    run.report(child, 'xsd/too-many', { found: local, parent: run.elementName(parent), max: 1 });
    return;
  }
  const open = all.members.flatMap((m, i) => (seen(i) ? [] : (m.syms ?? []).map((sym) => ({ sym }))));
  const same = all.members.flatMap((m) => m.syms ?? []).find((s) => rt.symLocal[s] === local && rt.ns[rt.symNs[s]] !== ns);
  if (same !== undefined) {
    wrongNamespace(run, child, local, ns, rt.ns[rt.symNs[same]]);
    return;
  }
  if (!open.length) run.report(child, 'xsd/unexpected-element-no-alternative', { found: local, parent: run.elementName(parent) });
  else run.report(child, 'xsd/not-allowed-in-parent', { found: local, parent: run.elementName(parent), expected: describe(run, open, ns) });
}

/** Report the first required member of an xs:all model that is missing. */
export function missingInAll(run: Run, node: number, model: RtModel, seen: (i: number) => boolean): void {
  const all = model.all!;
  const i = all.required.findIndex((r, k) => r && !seen(k));
  if (i < 0) return;
  const syms = all.members[i].syms ?? [];
  const hint = syms.length ? (run.hints.missingHint?.(run.rt.ns[run.rt.symNs[syms[0]]], run.rt.symLocal[syms[0]]) ?? '') : '';
  run.report(node, 'xsd/missing-child', { element: run.elementName(node), expected: describe(run, syms.map((sym) => ({ sym })), run.doc.ns(node)), hint });
}
