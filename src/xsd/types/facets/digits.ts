/**
 * totalDigits and fractionDigits (Part 2 §4.3.11-4.3.12) on xs:decimal and its derived types: a
 * value i × 10^-n (i integer, n the fewest fraction digits) has |i| < 10^totalDigits and n <=
 * fractionDigits. Derivation: each only shrinks, and fractionDigits <= totalDigits. xs:integer has
 * fractionDigits 0 fixed.
 */
import { fractionDigitsOf, totalDigitsOf, type DecimalValue } from '../lexical/decimal.js';
import { checkFixed, facetError, facetNumber, failure, quote, single, type Check, type FacetSet, type Step } from './facet.js';

/** Apply totalDigits / fractionDigits specs of this step. */
export function applyDigits(step: Step): void {
  const total = single(step, 'totalDigits');
  const frac = single(step, 'fractionDigits');
  const base = step.base.facets;
  const name = step.typeName;
  if (total) {
    const v = facetNumber(total, true);
    checkFixed('totalDigits', base.totalDigits, base.totalDigits?.value === v, name);
    if (base.totalDigits && v > base.totalDigits.value) facetError('totalDigits', `totalDigits="${v}" in ${name} is above its base type's totalDigits="${base.totalDigits.value}"`);
    step.next.totalDigits = { value: v, fixed: total.fixed === true };
  }
  if (frac) {
    const v = facetNumber(frac, false);
    checkFixed('fractionDigits', base.fractionDigits, base.fractionDigits?.value === v, name);
    if (base.fractionDigits && v > base.fractionDigits.value) facetError('fractionDigits', `fractionDigits="${v}" in ${name} is above its base type's fractionDigits="${base.fractionDigits.value}"`);
    step.next.fractionDigits = { value: v, fixed: frac.fixed === true, native: base.fractionDigits?.native && base.fractionDigits.value === v };
  }
  const t = step.next.totalDigits;
  const f = step.next.fractionDigits;
  if ((total || frac) && t && f && f.value > t.value) facetError('fractionDigits', `fractionDigits="${f.value}" is greater than totalDigits="${t.value}" in ${name}`);
}

/** The run-time digit checks (those a built-in does not check itself). */
export function digitsCheck(fs: FacetSet, typeName: string, all: boolean): Check | undefined {
  const total = fs.totalDigits && (all || !fs.totalDigits.native) ? fs.totalDigits.value : undefined;
  const frac = fs.fractionDigits && (all || !fs.fractionDigits.native) ? fs.fractionDigits.value : undefined;
  if (total === undefined && frac === undefined) return undefined;
  return (v, s) => {
    const d = v as DecimalValue;
    if (total !== undefined) {
      const n = totalDigitsOf(d);
      if (n > total) return failure('xsd/facet-total-digits', { value: quote(s), actual: n, limit: total, facet: 'totalDigits', type: typeName });
    }
    if (frac !== undefined) {
      const n = fractionDigitsOf(d);
      if (n > frac) return failure('xsd/facet-fraction-digits', { value: quote(s), actual: n, limit: frac, facet: 'fractionDigits', type: typeName });
    }
    return undefined;
  };
}
