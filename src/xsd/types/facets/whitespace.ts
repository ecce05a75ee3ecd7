/**
 * The whiteSpace facet (Part 2 §4.3.6). Run-time processing lives in ../whitespace.ts; this
 * module checks a restriction: the value is preserve, replace or collapse, and never weaker than
 * the base's (collapse stays collapse, replace cannot become preserve); every non-string atomic
 * type and every list has whiteSpace collapse fixed.
 */
import type { WhiteSpace } from '../whitespace.js';
import { checkFixed, clean, facetError, single, type Step } from './facet.js';

const RANK: Readonly<Record<WhiteSpace, number>> = { preserve: 0, replace: 1, collapse: 2 };

/** Apply a whiteSpace spec of this step. */
export function applyWhiteSpace(step: Step): void {
  const spec = single(step, 'whiteSpace');
  if (!spec) return;
  const value = spec.value.trim() as WhiteSpace;
  if (!(value in RANK)) facetError('whiteSpace', `whiteSpace="${clean(spec.value)}" must be preserve, replace or collapse`);
  const base = step.base.facets;
  checkFixed('whiteSpace', { fixed: base.whiteSpaceFixed }, value === base.whiteSpace, step.typeName);
  if (RANK[value] < RANK[base.whiteSpace]) {
    facetError('whiteSpace', `whiteSpace="${value}" in ${step.typeName} is weaker than its base type's whiteSpace="${base.whiteSpace}"`);
  }
  step.next.whiteSpace = value;
  step.next.whiteSpaceFixed = spec.fixed === true || base.whiteSpaceFixed;
}
