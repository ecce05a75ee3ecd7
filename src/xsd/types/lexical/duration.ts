/**
 * xs:duration (XSD 1.0 Part 2 §3.2.6): `-?PnYnMnDTnHnMnS` with at least one field, 'T' only when a
 * time field follows it, only seconds with a fraction. The value is (months, seconds), both exact;
 * the order is partial (§3.2.6.2): P < Q when P added to each of the four reference dateTimes of
 * the spec comes before Q added to it, and P1M and P30D stay incomparable.
 */
import { daysFromCivil } from './datetime.js';

/** A duration: total months and total seconds (seconds × 10^-scale), with a common sign. */
export class DurationValue {
  constructor(
    readonly months: bigint,
    /** Seconds scaled by 10^scale. */
    readonly seconds: bigint,
    readonly scale: number,
  ) {}
}

const FORM = /^(-)?P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)(?:\.([0-9]+))?S)?)?$/;

/** Parse a duration; undefined when invalid. */
export function parseDuration(s: string): DurationValue | undefined {
  const m = FORM.exec(s);
  if (!m) return undefined;
  const [, neg, y, mo, d, h, mi, sec, frac] = m;
  if (y === undefined && mo === undefined && d === undefined && h === undefined && mi === undefined && sec === undefined) return undefined;
  if (s.endsWith('T')) return undefined;
  const f = (frac ?? '').replace(/0+$/, '');
  const scale = f.length;
  const months = BigInt(y ?? 0) * 12n + BigInt(mo ?? 0);
  const whole = ((BigInt(d ?? 0) * 24n + BigInt(h ?? 0)) * 60n + BigInt(mi ?? 0)) * 60n + BigInt(sec ?? 0);
  let seconds = whole * 10n ** BigInt(scale) + (scale > 0 ? BigInt(f) : 0n);
  let mm = months;
  if (neg) {
    mm = -mm;
    seconds = -seconds;
  }
  return new DurationValue(mm, seconds, scale);
}

// §3.2.6.2: 1696-09-01T00:00:00Z, 1697-02-01T00:00:00Z, 1903-03-01T00:00:00Z, 1903-07-01T00:00:00Z
const REFERENCES: readonly [number, number][] = [
  [1696, 9],
  [1697, 2],
  [1903, 3],
  [1903, 7],
];

/** Seconds (scaled) from the epoch to reference (y, m, 1) plus the duration. */
function instant(y: number, m: number, d: DurationValue, scale: number): bigint {
  // every reference is on day 1, so adding months never needs day clamping (Appendix E)
  const total = BigInt(m - 1) + d.months;
  const q = total >= 0n ? total / 12n : -((-total + 11n) / 12n);
  const month = Number(total - q * 12n) + 1;
  const year = BigInt(y) + q;
  const days = BigInt(daysFromCivil(Number(year), month, 1));
  return days * 86400n * 10n ** BigInt(scale) + d.seconds * 10n ** BigInt(scale - d.scale);
}

/** Partial order of durations: -1, 0, 1, or NaN when the four references disagree. */
export function compareDuration(a: DurationValue, b: DurationValue): number {
  if (a.months === b.months) {
    const scale = Math.max(a.scale, b.scale);
    const x = a.seconds * 10n ** BigInt(scale - a.scale);
    const y = b.seconds * 10n ** BigInt(scale - b.scale);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const scale = Math.max(a.scale, b.scale);
  let result: number | undefined;
  for (const [y, m] of REFERENCES) {
    const x = instant(y, m, a, scale);
    const z = instant(y, m, b, scale);
    const r = x < z ? -1 : x > z ? 1 : 0;
    if (result === undefined) result = r;
    else if (result !== r) return NaN;
  }
  return result as number;
}

/** A string equal for equal durations. */
export function durationKey(v: DurationValue): string {
  return `${v.months}:${v.seconds}e-${v.scale}`;
}
