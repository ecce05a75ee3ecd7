/**
 * The instance validator: one iterative walk over the document tree (an explicit frame stack,
 * frames.ts, so nesting depth costs no JavaScript stack), stepping each parent's automaton with the
 * child's schema symbol (an integer from the per-document name table), checking attributes against
 * the type's uses and simple values with their types. On the valid path nothing is allocated per
 * element; problems, positions and paths are made only for what is wrong.
 */
import { NodeKind, type XmlDoc } from '../../xml/doc.js';
import { findSym, findWild, stateAt } from '../content/automaton.js';
import { Content, Process, type RtModel, type RtSchema } from '../compiled.js';
import type { Problem } from '../../validate/problem.js';
import { quote } from '../messages.js';
import { checkAttributes } from './attributes.js';
import { missingChild, missingInAll, unexpectedChild, unexpectedInAll } from './explain.js';
import { F_ALL, F_FAILED, F_LAX, F_TEXT, Frames } from './frames.js';
import { finishIdentity, startIdentity, type IdcFrame } from './identity.js';
import { checkAbstract, checkEmpty, checkNilled, checkSimple, elementType } from './leaf.js';
import { Run, type RunOptions } from './run.js';
import { checkIdrefs } from './values.js';
import { xsiType } from './xsi.js';

/** Validate a read document against a compiled schema; returns its problems (empty when valid). */
export function validateTree(rt: RtSchema, doc: XmlDoc, opts: RunOptions = {}): Problem[] {
  const run = new Run(rt, doc, opts);
  const frames = Frames.take();
  new Walker(run, frames).walk();
  frames.release();
  checkIdrefs(run);
  run.release();
  return run.problems;
}

class Walker {
  private readonly idc: (IdcFrame | null)[] = [];
  private readonly rt: RtSchema;
  private readonly doc: XmlDoc;

  constructor(
    private readonly run: Run,
    private readonly f: Frames,
  ) {
    this.rt = run.rt;
    this.doc = run.doc;
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
    const { doc, run, f } = this;
    const kinds = doc.kinds;
    const nexts = doc.nexts;
    let cur = doc.firsts[f.nodes[f.depth - 1]];
    while (f.depth > 0) {
      if (cur === -1) {
        const d = f.depth - 1;
        const node = f.nodes[d];
        this.finish(d);
        f.depth--;
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
        const d = f.depth - 1;
        const fl = f.flags[d];
        if (!(fl & (F_LAX | F_TEXT)) && this.rt.types[f.types[d]].content === Content.Element && !doc.isWhitespace(cur)) {
          f.flags[d] = fl | F_TEXT;
          run.report(f.nodes[d], 'xsd/text-not-allowed', { element: run.elementName(f.nodes[d]) });
        }
      }
      cur = nexts[cur];
    }
  }

  /** A child element of the frame on top: match it, then enter it. Returns true when it was pushed. */
  private child(c: number): boolean {
    const { rt, run, doc, f } = this;
    const d = f.depth - 1;
    const fl = f.flags[d];
    const name = doc.names[c];
    const sym = run.sym(name);
    if (fl & F_LAX) return this.lax(c, sym);
    const model = rt.models[rt.types[f.types[d]].model];
    if (fl & F_FAILED) return this.recover(c, sym, model);
    if (fl & F_ALL) return this.allChild(d, c, sym, model);
    const st = stateAt(model, f.states[d], rt);
    let i = sym >= 0 ? findSym(st, sym) : -1;
    let match: number;
    if (i >= 0) {
      f.states[d] = st.next[i];
      match = st.match[i];
    } else {
      i = findWild(st, run.nsOf(name), rt.wilds);
      if (i < 0) {
        unexpectedChild(run, f.nodes[d], model, f.states[d], c);
        f.flags[d] = fl | F_FAILED;
        return this.recover(c, sym, model);
      }
      f.states[d] = st.wnext[i];
      match = ~st.wild[i];
    }
    if (match >= 0) return this.enter(c, match, -1);
    // matched by a wildcard: processContents says what to do (§3.10.4)
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

  /** A child of an xs:all model: a member not seen before. */
  private allChild(d: number, c: number, sym: number, model: RtModel): boolean {
    const { run, f } = this;
    const all = model.all!;
    const n = all.members.length;
    let member = -1;
    let decl = -1;
    if (sym >= 0) {
      for (let i = 0; i < n && member < 0; i++) {
        const j = all.members[i].syms!.indexOf(sym);
        if (j >= 0) [member, decl] = [i, all.members[i].decls![j]];
      }
    }
    if (member < 0 || f.isSeen(d, member, n)) {
      unexpectedInAll(run, f.nodes[d], model, (i) => f.isSeen(d, i, n), c, member);
      f.flags[d] |= F_FAILED;
      return this.recover(c, sym, model);
    }
    f.markSeen(d, member, n);
    return this.enter(c, decl, -1);
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
    this.f.push(c, -1, -1, F_LAX);
    return true;
  }

  /** Validate an element against a declaration (or a type alone); push it when its children need the walk. */
  private enter(node: number, decl: number, typeIn: number): boolean {
    const { rt, run, f } = this;
    const e = decl >= 0 ? rt.elems[decl] : null;
    const { type, nil } = elementType(run, node, e, typeIn);
    const t = rt.types[type];
    if ((e && e.abstract) || t.abstract) checkAbstract(run, node, e, t);
    if (run.nodeType) run.nodeType[node] = type;
    checkAttributes(run, node, type);
    const idc = e?.idcs && run.nodeType ? startIdentity(run, node, e.idcs) : null;
    const content = t.content;
    if (nil || content === Content.Simple || content === Content.Empty) {
      if (nil) checkNilled(run, node);
      else if (content === Content.Simple) checkSimple(run, node, e, t);
      else checkEmpty(run, node);
      if (idc) finishIdentity(run, idc, this.nearestIdc(f.depth - 1));
      return false;
    }
    f.push(node, type, decl, rt.models[t.model].all ? F_ALL : 0);
    if (this.idc.length > f.depth - 1 || idc) this.idc[f.depth - 1] = idc;
    return true;
  }

  /** End of an element's children: the content model must accept, fixed mixed values must match. */
  private finish(d: number): void {
    const { rt, run, doc, f } = this;
    const fl = f.flags[d];
    const node = f.nodes[d];
    if (!(fl & (F_LAX | F_FAILED))) {
      const t = rt.types[f.types[d]];
      const model = rt.models[t.model];
      if (fl & F_ALL) {
        const n = model.all!.members.length;
        if (!(model.all!.optional && f.noneSeen(d, n))) missingInAll(run, node, model, (i) => f.isSeen(d, i, n));
      } else if (!stateAt(model, f.states[d], rt).accept) missingChild(run, node, model, f.states[d]);
      const decl = f.decls[d];
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
      finishIdentity(run, idc, this.nearestIdc(d - 1));
    }
  }

  private nearestIdc(d: number): IdcFrame | null {
    for (let i = d; i >= 0; i--) if (this.idc[i]) return this.idc[i];
    return null;
  }
}
