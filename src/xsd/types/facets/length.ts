/**
 * length, minLength, maxLength (Part 2 §4.3.1-4.3.3): characters for strings and anyURI, octets
 * for hexBinary and base64Binary, items for lists; ignored for QName and NOTATION (1.0 errata
 * E2-36). Derivation rules: length is not given with minLength or maxLength in one step (a
 * restatement of the base's own minLength/maxLength excepted: length 5 with minLength 1 on IDREFS,
 * which the W3C suite says the WG allows), across steps minLength <= length <= maxLength, a
 * restated length is unchanged, minLength only grows, maxLength only shrinks, minLength <= maxLength.
 */
import { checkFixed, facetError, facetNumber, failure, quote, single, type Check, type FacetSet, type NumFacet, type Step } from './facet.js';

/** Apply the length-family specs of this step. */
export function applyLength(step: Step): void {
  const len = single(step, 'length');
  const min = single(step, 'minLength');
  const max = single(step, 'maxLength');
  if (!len && !min && !max) return;
  const base = step.base.facets;
  const name = step.typeName;
  if (len) {
    for (const [spec, inherited] of [[min, base.minLength], [max, base.maxLength]] as const) {
      if (spec && !(inherited && inherited.value === facetNumber(spec, false))) {
        facetError('length', `length cannot be combined with ${spec.name} in one restriction (${name})`);
      }
    }
    const v = facetNumber(len, false);
    checkFixed('length', base.length, base.length?.value === v, name);
    if (base.length && base.length.value !== v) facetError('length', `length="${v}" in ${name} differs from its base type's length="${base.length.value}"`);
    if (base.minLength && base.minLength.value > v) facetError('length', `length="${v}" in ${name} is below its base type's minLength="${base.minLength.value}"`);
    if (base.maxLength && base.maxLength.value < v) facetError('length', `length="${v}" in ${name} is above its base type's maxLength="${base.maxLength.value}"`);
    step.next.length = { value: v, fixed: len.fixed === true };
  }
  if (min) {
    const v = facetNumber(min, false);
    checkFixed('minLength', base.minLength, base.minLength?.value === v, name);
    if (base.minLength && v < base.minLength.value) facetError('minLength', `minLength="${v}" in ${name} is below its base type's minLength="${base.minLength.value}"`);
    if (base.length && v > base.length.value) facetError('minLength', `minLength="${v}" in ${name} is above its base type's length="${base.length.value}"`);
    step.next.minLength = { value: v, fixed: min.fixed === true };
  }
  if (max) {
    const v = facetNumber(max, false);
    checkFixed('maxLength', base.maxLength, base.maxLength?.value === v, name);
    if (base.maxLength && v > base.maxLength.value) facetError('maxLength', `maxLength="${v}" in ${name} is above its base type's maxLength="${base.maxLength.value}"`);
    if (base.length && v < base.length.value) facetError('maxLength', `maxLength="${v}" in ${name} is below its base type's length="${base.length.value}"`);
    step.next.maxLength = { value: v, fixed: max.fixed === true };
  }
  const lo = step.next.minLength;
  const hi = step.next.maxLength;
  const exact = step.next.length;
  if (lo && hi && lo.value > hi.value) facetError('minLength', `minLength="${lo.value}" is greater than maxLength="${hi.value}" in ${name}`);
  if (exact && lo && lo.value > exact.value) facetError('length', `length="${exact.value}" is below minLength="${lo.value}" in ${name}`);
  if (exact && hi && hi.value < exact.value) facetError('length', `length="${exact.value}" is above maxLength="${hi.value}" in ${name}`);
}

function one(f: NumFacet | undefined, all: boolean): NumFacet | undefined {
  return f && (all || !f.native) ? f : undefined;
}

/**
 * The run-time check of the length facets, or undefined when there are none to check.
 * `lengthOf` measures a value in `unit`s; `all` includes facets a built-in checks natively.
 */
export function lengthCheck(fs: FacetSet, lengthOf: ((v: never, s: string) => number) | undefined, unit: string, typeName: string, all: boolean): Check | undefined {
  const len = one(fs.length, all);
  const min = one(fs.minLength, all);
  const max = one(fs.maxLength, all);
  if (!lengthOf || (!len && !min && !max)) return undefined;
  const measure = lengthOf as (v: unknown, s: string) => number;
  const lenV = len?.value ?? -1;
  const minV = min?.value ?? -1;
  const maxV = max?.value ?? Infinity;
  return (v, s) => {
    // a string is never longer in characters than in UTF-16 units: skip counting when it cannot fail
    if (unit === 'characters' && lenV < 0 && minV <= 0 && s.length <= maxV) return undefined;
    const n = measure(v, s);
    if (lenV >= 0 && n !== lenV) return failure('xsd/facet-length', { value: quote(s), actual: n, limit: lenV, unit, facet: 'length', type: typeName });
    if (n < minV) return failure('xsd/facet-min-length', { value: quote(s), actual: n, limit: minV, unit, facet: 'minLength', type: typeName });
    if (n > maxV) return failure('xsd/facet-max-length', { value: quote(s), actual: n, limit: maxV, unit, facet: 'maxLength', type: typeName });
    return undefined;
  };
}
