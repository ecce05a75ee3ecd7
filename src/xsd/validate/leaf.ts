/**
 * Elements whose content the walk does not descend into (Part 1 §3.4.4 cvc-complex-type.2.1-2.2,
 * §3.3.4 cvc-elt.3.2 and 5): simple content (a value, no child elements), empty content (no child
 * element or text other than whitespace), and nilled elements (empty); plus the element-level
 * checks of xsi:type, xsi:nil and abstract types that come before any content.
 */
import { NodeKind } from '../../xml/doc.js';
import type { RtElement, RtType } from '../compiled.js';
import type { Run } from './run.js';
import { checkValue } from './values.js';
import { xsiNil, xsiType } from './xsi.js';

/** The type an element is validated with (xsi:type applied) and whether it is nilled. */
export function elementType(run: Run, node: number, e: RtElement | null, typeIn: number): { type: number; nil: boolean } {
  const { doc } = run;
  let type = e ? e.type : typeIn;
  let nil = false;
  if (doc.attrLen[node]) {
    if (e && run.xsiTypeName >= 0) {
      const x = xsiType(run, node, type, e.block);
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
  return { type, nil };
}

/** An abstract element or type used directly (§3.3.4 cvc-elt.2, cvc-elt.4.3 / 5.1.1). */
export function checkAbstract(run: Run, node: number, e: RtElement | null, t: RtType): void {
  const { doc } = run;
  const hint = e?.abstract || t.abstract ? run.hints.abstractHint?.(doc.ns(node), doc.local(node)) : undefined;
  if (e?.abstract) run.report(node, 'xsd/abstract', { element: doc.local(node), hint: hint ?? '' });
  else if (t.abstract) {
    // a host may know what to use instead (a concrete OVF section for ovf:Section)
    if (hint) run.report(node, 'xsd/abstract', { element: doc.local(node), hint });
    else run.report(node, 'xsd/abstract-type', { element: doc.local(node), type: t.name?.replace(/^\{[^}]*\}/, '') ?? 'anonymous' });
  }
}

/** True when the element has a child element or non-whitespace text. */
function hasContent(run: Run, node: number): boolean {
  const { doc } = run;
  for (let c = doc.firsts[node]; c !== -1; c = doc.nexts[c]) {
    const k = doc.kinds[c];
    if (k === NodeKind.Element || ((k === NodeKind.Text || k === NodeKind.CData) && !doc.isWhitespace(c))) return true;
  }
  return false;
}

/** A nilled element must be empty (cvc-elt.3.2.1). */
export function checkNilled(run: Run, node: number): void {
  if (hasContent(run, node)) run.report(node, 'xsd/nil-not-empty', { element: run.doc.local(node) });
}

/** Empty content: nothing but whitespace, comments and processing instructions. */
export function checkEmpty(run: Run, node: number): void {
  if (hasContent(run, node)) run.report(node, 'xsd/must-be-empty', { element: run.doc.local(node) });
}

/** Simple content: no child elements, and the text is a value of the type (or the default applies). */
export function checkSimple(run: Run, node: number, e: RtElement | null, t: RtType): void {
  const { doc } = run;
  if (doc.hasElementChildren(node)) {
    run.report(node, 'xsd/children-not-allowed', { element: doc.local(node) });
    return;
  }
  const text = doc.textContent(node);
  const vc = e?.value;
  // an empty element takes the default or fixed value, which the schema check made sure is valid
  if (text === '' && vc) {
    if (run.nodeType) (run.defaults ??= new Map()).set(node, vc.lexical);
  } else checkValue(run, { node, attr: -1 }, run.rt.simple[t.value], text, vc);
}
