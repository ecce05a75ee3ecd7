/**
 * minInclusive, minExclusive, maxInclusive, maxExclusive (Part 2 §4.3.7-4.3.10) on the ordered
 * types. A bound must be a value of the base's built-in type (a base bound itself may be restated:
 * minExclusive="0" under minExclusive="0" is allowed), at most one of each min pair and max pair
 * per step, a bound only narrows the base's range (the four *-valid-restriction rules), and the
 * effective min is not above the max. Where the order is partial (dates with and without a
 * timezone, durations in months and days) an incomparable pair is not a schema error.
 */
import { checkFixed, clean, facetError, failure, quote, single, type BoundFacet, type Check, type FacetSet, type Step } from './facet.js';

type BoundName = 'minInclusive' | 'minExclusive' | 'maxInclusive' | 'maxExclusive';

/** Base-bound rules: [new facet, base facet, allowed comparison results of new vs base]. */
const NARROWING: readonly [BoundName, BoundName, readonly number[]][] = [
  ['maxInclusive', 'maxInclusive', [-1, 0]],
  ['maxInclusive', 'maxExclusive', [-1]],
  ['maxInclusive', 'minInclusive', [0, 1]],
  ['maxInclusive', 'minExclusive', [1]],
  ['maxExclusive', 'maxExclusive', [-1, 0]],
  ['maxExclusive', 'maxInclusive', [-1, 0]],
  ['maxExclusive', 'minInclusive', [1]],
  ['maxExclusive', 'minExclusive', [1]],
  ['minInclusive', 'minInclusive', [0, 1]],
  ['minInclusive', 'minExclusive', [1]],
  ['minInclusive', 'maxInclusive', [-1, 0]],
  ['minInclusive', 'maxExclusive', [-1]],
  ['minExclusive', 'minExclusive', [0, 1]],
  ['minExclusive', 'minInclusive', [0, 1]],
  ['minExclusive', 'maxInclusive', [-1]],
  ['minExclusive', 'maxExclusive', [-1]],
];

const WORD: Readonly<Record<string, string>> = { '-1': 'below', '0': 'equal to', '1': 'above' };

/** Apply the bound specs of this step. */
export function applyBounds(step: Step): void {
  const specs = {
    minInclusive: single(step, 'minInclusive'),
    minExclusive: single(step, 'minExclusive'),
    maxInclusive: single(step, 'maxInclusive'),
    maxExclusive: single(step, 'maxExclusive'),
  };
  if (!specs.minInclusive && !specs.minExclusive && !specs.maxInclusive && !specs.maxExclusive) return;
  const name = step.typeName;
  if (specs.maxInclusive && specs.maxExclusive) facetError('maxInclusive', `maxInclusive and maxExclusive cannot both be given in one restriction (${name})`);
  if (specs.minInclusive && specs.minExclusive) facetError('minInclusive', `minInclusive and minExclusive cannot both be given in one restriction (${name})`);
  const base = step.base.facets;
  const made: Partial<Record<BoundName, BoundFacet>> = {};
  for (const key of ['minInclusive', 'minExclusive', 'maxInclusive', 'maxExclusive'] as const) {
    const spec = specs[key];
    if (!spec) continue;
    const r = step.base.validateBuiltin(spec.value, spec.nsContext);
    if (!r.ok) facetError(key, `${key}=${quote(spec.value)} of ${name} is not a valid value of its base type`);
    checkFixed(key, base[key], base[key] !== undefined && step.base.compare(r.value, base[key].value) === 0, name);
    made[key] = { value: r.value, literal: r.normalized, fixed: spec.fixed === true };
  }
  for (const [mine, theirs, allowed] of NARROWING) {
    const f = made[mine];
    const b = base[theirs];
    if (!f || !b) continue;
    const c = step.base.compare(f.value, b.value);
    if (!Number.isNaN(c) && !allowed.includes(c)) {
      facetError(mine, `${mine}=${quote(f.literal)} of ${name} is ${WORD[String(c)]} its base type's ${theirs}=${quote(b.literal)}`);
    }
  }
  // a bound given here replaces the base's bound of the same kind and of its pair
  const next = step.next;
  if (made.minInclusive) [next.minInclusive, next.minExclusive] = [made.minInclusive, undefined];
  if (made.minExclusive) [next.minExclusive, next.minInclusive] = [made.minExclusive, undefined];
  if (made.maxInclusive) [next.maxInclusive, next.maxExclusive] = [made.maxInclusive, undefined];
  if (made.maxExclusive) [next.maxExclusive, next.maxInclusive] = [made.maxExclusive, undefined];
  const lo = next.minInclusive ?? next.minExclusive;
  const hi = next.maxInclusive ?? next.maxExclusive;
  if (lo && hi) {
    const c = step.base.compare(lo.value, hi.value);
    // minInclusive <= maxInclusive, minExclusive <= maxExclusive; strict when one side is exclusive
    // and the other inclusive (minInclusive < maxExclusive, minExclusive < maxInclusive)
    const strict = (next.minInclusive !== undefined) !== (next.maxInclusive !== undefined);
    if (c === 1 || (strict && c === 0)) {
      const loName = next.minInclusive ? 'minInclusive' : 'minExclusive';
      const hiName = next.maxInclusive ? 'maxInclusive' : 'maxExclusive';
      facetError(loName, `${loName}=${quote(lo.literal)} is not below ${hiName}=${quote(hi.literal)} in ${name}`);
    }
  }
}

/** The run-time bound checks (those a built-in does not check itself). */
export function boundsCheck(fs: FacetSet, compare: (a: never, b: never) => number, typeName: string, all: boolean): Check | undefined {
  const pick = (f: BoundFacet | undefined) => (f && (all || !f.native) ? f : undefined);
  const minI = pick(fs.minInclusive);
  const minE = pick(fs.minExclusive);
  const maxI = pick(fs.maxInclusive);
  const maxE = pick(fs.maxExclusive);
  if (!minI && !minE && !maxI && !maxE) return undefined;
  const cmp = compare as (a: unknown, b: unknown) => number;
  return (v, s) => {
    // an incomparable value (NaN) satisfies no bound
    if (minI && !(cmp(v, minI.value) >= 0)) return failure('xsd/facet-min-inclusive', { value: quote(s), limit: clean(minI.literal), facet: 'minInclusive', type: typeName });
    if (minE && !(cmp(v, minE.value) > 0)) return failure('xsd/facet-min-exclusive', { value: quote(s), limit: clean(minE.literal), facet: 'minExclusive', type: typeName });
    if (maxI && !(cmp(v, maxI.value) <= 0)) return failure('xsd/facet-max-inclusive', { value: quote(s), limit: clean(maxI.literal), facet: 'maxInclusive', type: typeName });
    if (maxE && !(cmp(v, maxE.value) < 0)) return failure('xsd/facet-max-exclusive', { value: quote(s), limit: clean(maxE.literal), facet: 'maxExclusive', type: typeName });
    return undefined;
  };
}
