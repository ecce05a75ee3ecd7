/**
 * The instance validator: one iterative walk over the document tree (an explicit frame stack, so
 * nesting depth costs no JavaScript stack), stepping each parent's automaton with the child's
 * schema symbol (an integer from the per-document name table), checking attributes against the
 * type's uses and simple values with their types. On the valid path nothing is allocated per
 * element; problems, positions and paths are made only for what is wrong.
 */
import { NodeKind, type XmlDoc } from '../../xml/doc.js';
import { findSym, findWild, stateAt } from '../content/automaton.js';
import { Content, Process, type RtModel, type RtSchema } from '../compiled.js';
import type { Problem } from '../../validate/problem.js';
import { checkAttributes } from './attributes.js';
import { missingChild, missingInAll, unexpectedChild, unexpectedInAll } from './explain.js';
import { finishIdentity, startIdentity, type IdcFrame } from './identity.js';
import { Run, type RunOptions } from './run.js';
import { checkIdrefs, checkValue } from './values.js';
import { xsiNil, xsiType } from './xsi.js';
import { quote } from '../messages.js';

/** Frame flags. */
const F_LAX = 1; // no type: children are validated only where a global declaration exists
const F_FAILED = 2; // the content model already reported a problem: no more for this parent
const F_TEXT = 4; // a text problem was reported
const F_ALL = 8; // an xs:all model

/** Validate a read document against a compiled schema; returns its problems (empty when valid). */
export function validateTree(rt: RtSchema, doc: XmlDoc, opts: RunOptions = {}): Problem[] {
  const run = new Run(rt, doc, opts);
  const w = new Walker(run);
  w.walk();
  w.release();
  checkIdrefs(run);
  run.release();
  return run.problems;
}

/** Frame arrays of a finished walk, reused by the next (validation is synchronous). */
let spareStacks: Stacks | null = null;

interface Stacks {
  nodes: Int32Array;
  types: Int32Array;
  states: Int32Array;
  flags: Int32Array;
  decls: Int32Array;
  seen: Float64Array;
}

function newStacks(n: number): Stacks {
  return { nodes: new Int32Array(n), types: new Int32Array(n), states: new Int32Array(n), flags: new Int32Array(n), decls: new Int32Array(n), seen: new Float64Array(n) };
}

class Walker {
  private depth = 0;
  private nodes: Int32Array;
  private types: Int32Array;
  private states: Int32Array;
  private flags: Int32Array;
  private decls: Int32Array;
  /** xs:all: members seen (bit i), or an index into `allSets` for models with more than 30 members. */
  private seen: Float64Array;
  private allSets: Uint8Array[] = [];
  private readonly idc: (IdcFrame | null)[] = [];
  private readonly rt: RtSchema;
  private readonly doc: XmlDoc;

  constructor(private readonly run: Run) {
    this.rt = run.rt;
    this.doc = run.doc;
    const s = spareStacks ?? newStacks(64);
    spareStacks = null;
    ({ nodes: this.nodes, types: this.types, states: this.states, flags: this.flags, decls: this.decls, seen: this.seen } = s);
  }

  /** Hand the frame arrays back for the next walk. */
  release(): void {
    spareStacks = { nodes: this.nodes, types: this.types, states: this.states, flags: this.flags, decls: this.decls, seen: this.seen };
  }

  walk(): void {
    const { rt, doc, run } = this;
    const root = doc.root;
    const sym = run.sym(doc.names[root]);
    const decl = sym >= 0 ? rt.globalElem[sym] : -1;
    if (decl < 0) {
      const t = doc.attrLen[root] ? xsiType(run, root, -1, 0) : -1;
      if (t < 0) {
        if (!run.problems.length) this.unknownRoot(root);
        return;
      }
      if (!this.enter(root, -1, t)) return;
    } else if (!this.enter(root, decl, -1)) return;
    this.loop();
  }

  private unknownRoot(root: number): void {
    const { run, rt, doc } = this;
    const local = doc.local(root);
    const ns = doc.ns(root);
    const h = run.hints.unknownRoot?.(local, ns);
    if (h) {
      run.reportText(root, h.messageId, h.message, h.data);
      return;
    }
    const roots: string[] = [];
    for (let s = 0; s < rt.globalElem.length && roots.length < 8; s++) if (rt.globalElem[s] >= 0 && !rt.elems[rt.globalElem[s]].abstract) roots.push(`<${rt.symLocal[s]}>`);
    run.report(root, 'xsd/unknown-root', { element: local, elementNs: run.nsText(ns), roots: roots.length ? roots.join(', ') + (roots.length === 8 ? ', ...' : '') : '(none: the schema declares no global element)' });
  }

  /** The main loop: children of the frame on top, until the root frame is finished. */
  private loop(): void {
    const { doc, run } = this;
    const kinds = doc.kinds;
    const nexts = doc.nexts;
    let cur = doc.firsts[this.nodes[this.depth - 1]];
    while (this.depth > 0) {
      if (cur === -1) {
        const d = this.depth - 1;
        const node = this.nodes[d];
        this.finish(d);
        this.depth--;
        cur = nexts[node];
        continue;
      }
      const k = kinds[cur];
      if (k === NodeKind.Element) {
        const pushed = this.child(cur);
        cur = pushed ? doc.firsts[cur] : nexts[cur];
        if (run.full) return;
        continue;
      }
      if (k === NodeKind.Text || k === NodeKind.CData) {
        const d = this.depth - 1;
        const f = this.flags[d];
        if (!(f & (F_LAX | F_TEXT)) && this.rt.types[this.types[d]].content === Content.Element && !doc.isWhitespace(cur)) {
          this.flags[d] = f | F_TEXT;
          run.report(this.nodes[d], 'xsd/text-not-allowed', { element: run.elementName(this.nodes[d]) });
        }
      }
      cur = nexts[cur];
    }
  }

  /** A child element of the frame on top: match it, then enter it. Returns true when it was pushed. */
  private child(c: number): boolean {
    const { rt, run, doc } = this;
    const d = this.depth - 1;
    const f = this.flags[d];
    const name = doc.names[c];
    const sym = run.sym(name);
    if (f & F_LAX) return this.lax(c, sym);
    const model = rt.models[rt.types[this.types[d]].model];
    if (f & F_FAILED) return this.recover(c, sym, model);
    if (f & F_ALL) {
      const all = model.all!;
      let member = -1;
      let decl = -1;
      if (sym >= 0) {
        for (let i = 0; i < all.members.length && member < 0; i++) {
          const syms = all.members[i].syms!;
          for (let j = 0; j < syms.length; j++) {
            if (syms[j] === sym) {
              member = i;
              decl = all.members[i].decls![j];
              break;
            }
          }
        }
      }
      if (member < 0 || this.isSeen(d, member)) {
        unexpectedInAll(run, this.nodes[d], model, (i) => this.isSeen(d, i), c, member);
        this.flags[d] = f | F_FAILED;
        return this.recover(c, sym, model);
      }
      this.markSeen(d, member, all.members.length);
      return this.enter(c, decl, -1);
    }
    const st = stateAt(model, this.states[d], rt);
    let i = sym >= 0 ? findSym(st, sym) : -1;
    let match: number;
    if (i >= 0) {
      this.states[d] = st.next[i];
      match = st.match[i];
    } else {
      i = findWild(st, run.nsOf(name), rt.wilds);
      if (i < 0) {
        unexpectedChild(run, this.nodes[d], model, this.states[d], c);
        this.flags[d] = f | F_FAILED;
        return this.recover(c, sym, model);
      }
      this.states[d] = st.wnext[i];
      match = ~st.wild[i];
    }
    if (match >= 0) return this.enter(c, match, -1);
    const w = rt.wilds[~match];
    if (w.process === Process.Skip) return false;
    const g = sym >= 0 ? rt.globalElem[sym] : -1;
    if (g >= 0) return this.enter(c, g, -1);
    if (w.process === Process.Strict) {
      const t = doc.attrLen[c] ? xsiType(run, c, -1, 0) : -1;
      if (t >= 0) return this.enter(c, -1, t);
      run.report(c, 'xsd/undeclared-element', { element: doc.local(c), elementNs: run.nsText(doc.ns(c)) });
      return false;
    }
    return this.lax(c, sym);
  }

  /**
   * After a content-model problem the parent's automaton stops, but a child the model declares
   * somewhere is still checked against that declaration, so its own mistakes are reported too.
   */
  private recover(c: number, sym: number, model: RtModel): boolean {
    if (sym >= 0) {
      for (const leaf of model.all ? model.all.members : model.leaves) {
        const i = leaf.syms ? leaf.syms.indexOf(sym) : -1;
        if (i >= 0) return this.enter(c, leaf.decls![i], -1);
      }
    }
    return this.lax(c, sym);
  }

  /** Lax assessment (§3.10.4 lax, and after a content problem): declared elements are validated, others walked laxly. */
  private lax(c: number, sym: number): boolean {
    const g = sym >= 0 ? this.rt.globalElem[sym] : -1;
    if (g >= 0) return this.enter(c, g, -1);
    const t = this.doc.attrLen[c] ? xsiType(this.run, c, -1, 0) : -1;
    if (t >= 0) return this.enter(c, -1, t);
    checkAttributes(this.run, c, -1);
    if (this.doc.firsts[c] === -1) return false;
    this.push(c, -1, -1, F_LAX);
    return true;
  }

  /** Validate an element against a declaration (or a type alone); push it when its children need the walk. */
  private enter(node: number, decl: number, typeIn: number): boolean {
    const { rt, run, doc } = this;
    const e = decl >= 0 ? rt.elems[decl] : null;
    let type = e ? e.type : typeIn;
    if (e && e.abstract) run.report(node, 'xsd/abstract', { element: doc.local(node), hint: run.hints.abstractHint?.(doc.ns(node), doc.local(node)) ?? '' });
    let nil = false;
    if (doc.attrLen[node]) {
      if (e) {
        const x = run.xsiTypeName >= 0 ? xsiType(run, node, type, e.block) : -1;
        if (x >= 0) type = x;
      }
      if (run.xsiNilName >= 0) {
        const n = xsiNil(run, node);
        // cvc-elt.3.1: a declaration that is not nillable allows no xsi:nil at all, not even "false"
        if (n !== null && e && !e.nillable) run.report(node, 'xsd/not-nillable', { element: doc.local(node), value: String(n) });
        else if (n === true && e) {
          nil = true;
          if (e.value?.fixed) run.report(node, 'xsd/nil-fixed', { element: doc.local(node) });
        }
      }
    }
    const t = rt.types[type];
    if (t.abstract) {
      // a host may know what to use instead (a concrete OVF section for ovf:Section)
      const hint = run.hints.abstractHint?.(doc.ns(node), doc.local(node));
      if (hint) run.report(node, 'xsd/abstract', { element: doc.local(node), hint });
      else run.report(node, 'xsd/abstract-type', { element: doc.local(node), type: t.name?.replace(/^\{[^}]*\}/, '') ?? 'anonymous' });
    }
    if (run.nodeType) run.nodeType[node] = type;
    checkAttributes(run, node, type);
    const idc = e?.idcs && run.nodeType ? startIdentity(run, node, e.idcs) : null;
    if (nil) {
      for (let c = doc.firsts[node]; c !== -1; c = doc.nexts[c]) {
        const k = doc.kinds[c];
        if (k === NodeKind.Element || ((k === NodeKind.Text || k === NodeKind.CData) && !doc.isWhitespace(c))) {
          run.report(node, 'xsd/nil-not-empty', { element: doc.local(node) });
          break;
        }
      }
      if (idc) finishIdentity(run, idc, this.parentIdc());
      return false;
    }
    const content = t.content;
    if (content === Content.Simple) {
      if (doc.hasElementChildren(node)) run.report(node, 'xsd/children-not-allowed', { element: doc.local(node) });
      else {
        const text = doc.textContent(node);
        const vc = e?.value;
        if (text === '' && vc) {
          if (run.nodeType) (run.defaults ??= new Map()).set(node, vc.lexical);
        } else checkValue(run, { node, attr: -1 }, rt.simple[t.value], text, vc);
      }
      if (idc) finishIdentity(run, idc, this.parentIdc());
      return false;
    }
    if (content === Content.Empty) {
      for (let c = doc.firsts[node]; c !== -1; c = doc.nexts[c]) {
        const k = doc.kinds[c];
        if (k === NodeKind.Element || ((k === NodeKind.Text || k === NodeKind.CData) && !doc.isWhitespace(c))) {
          run.report(node, 'xsd/must-be-empty', { element: doc.local(node) });
          break;
        }
      }
      if (idc) finishIdentity(run, idc, this.parentIdc());
      return false;
    }
    const model = rt.models[t.model];
    this.push(node, type, decl, model.all ? F_ALL : 0);
    if (idc) this.idc[this.depth - 1] = idc;
    return true;
  }

  private push(node: number, type: number, decl: number, flags: number): void {
    const d = this.depth;
    if (d === this.nodes.length) this.grow();
    this.nodes[d] = node;
    this.types[d] = type;
    this.states[d] = 0;
    this.flags[d] = flags;
    this.decls[d] = decl;
    this.seen[d] = 0;
    if (this.idc.length > d) this.idc[d] = null;
    this.depth = d + 1;
  }

  /** End of an element's children: the content model must accept, fixed mixed values must match. */
  private finish(d: number): void {
    const { rt, run, doc } = this;
    const f = this.flags[d];
    const node = this.nodes[d];
    if (!(f & (F_LAX | F_FAILED))) {
      const t = rt.types[this.types[d]];
      const model = rt.models[t.model];
      if (f & F_ALL) {
        const all = model.all!;
        if (!(all.optional && this.noneSeen(d, all.members.length))) missingInAll(run, node, model, (i) => this.isSeen(d, i));
      } else if (!stateAt(model, this.states[d], rt).accept) missingChild(run, node, model, this.states[d]);
      const decl = this.decls[d];
      const vc = decl >= 0 ? rt.elems[decl].value : undefined;
      if (vc?.fixed && t.content === Content.Mixed) {
        // cvc-elt.5.2.2: with a fixed value, no element children, and the text must be that value
        const text = doc.hasElementChildren(node) ? null : doc.textContent(node);
        if (text === null) run.report(node, 'xsd/fixed-element', { element: doc.local(node), fixed: quote(vc.lexical), value: 'child elements' });
        else if (text !== '' && text !== vc.lexical) run.report(node, 'xsd/fixed-element', { element: doc.local(node), fixed: quote(vc.lexical), value: quote(text) });
      }
    }
    const idc = this.idc[d];
    if (idc) {
      this.idc[d] = null;
      finishIdentity(run, idc, d > 0 ? this.nearestIdc(d - 1) : null);
    }
  }

  private parentIdc(): IdcFrame | null {
    return this.depth > 0 ? this.nearestIdc(this.depth - 1) : null;
  }

  private nearestIdc(d: number): IdcFrame | null {
    for (let i = d; i >= 0; i--) if (this.idc[i]) return this.idc[i];
    return null;
  }

  private isSeen(d: number, i: number): boolean {
    if (this.rt.models[this.rt.types[this.types[d]].model].all!.members.length > 30) return this.allSets[this.seen[d]][i] === 1;
    return (this.seen[d] & (1 << i)) !== 0;
  }

  private noneSeen(d: number, n: number): boolean {
    if (n > 30) return this.allSets[this.seen[d]].every((x) => x === 0);
    return this.seen[d] === 0;
  }

  private markSeen(d: number, i: number, n: number): void {
    if (n > 30) {
      if (this.seen[d] === 0 && !this.allSets.length) this.allSets.push(new Uint8Array(0));
      if (this.seen[d] === 0) {
        this.allSets.push(new Uint8Array(n));
        this.seen[d] = this.allSets.length - 1;
      }
      this.allSets[this.seen[d]][i] = 1;
    } else this.seen[d] = this.seen[d] | (1 << i);
  }

  private grow(): void {
    const n = this.nodes.length * 2;
    const g = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.nodes = g(this.nodes);
    this.types = g(this.types);
    this.states = g(this.states);
    this.flags = g(this.flags);
    this.decls = g(this.decls);
    const s = new Float64Array(n);
    s.set(this.seen);
    this.seen = s;
  }
}
