/**
 * xs:decimal and the integer types (XSD 1.0 Part 2 §3.2.3, §3.3.13-3.3.25): lexical space, value
 * space and order. A value is a JS number when it is an integer that a double holds exactly (the
 * hot path: xs:int, xs:long in range, counts), otherwise an exact `Decimal` (bigint coefficient and
 * a power-of-ten scale), so no precision is lost (`9223372036854775807`, `0.1`, 40-digit values).
 */

/** An exact decimal coef × 10^-scale, normalized: scale > 0 only when the last digit is not 0. */
export class Decimal {
  constructor(
    readonly coef: bigint,
    readonly scale: number,
  ) {}

  /** Canonical lexical form: no leading zeros, no trailing fraction zeros, '-' only when negative. */
  toString(): string {
    const neg = this.coef < 0n;
    const digits = (neg ? -this.coef : this.coef).toString();
    if (this.scale === 0) return (neg ? '-' : '') + digits;
    const padded = digits.padStart(this.scale + 1, '0');
    const cut = padded.length - this.scale;
    return `${neg ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
  }
}

/** A decimal value: a safe integer as a number, anything else as a Decimal. */
export type DecimalValue = number | Decimal;

const SAFE_DIGITS = 15;

/** Build the canonical value from sign, integer digits and fraction digits (both without sign). */
export function makeDecimal(neg: boolean, int: string, frac: string): DecimalValue {
  let a = 0;
  while (a < int.length - 1 && int.charCodeAt(a) === 48) a++;
  let e = frac.length;
  while (e > 0 && frac.charCodeAt(e - 1) === 48) e--;
  const i = a === 0 ? int : int.slice(a);
  const f = e === frac.length ? frac : frac.slice(0, e);
  if (f.length === 0 && i.length <= SAFE_DIGITS) {
    const n = Number(i || '0');
    return neg && n !== 0 ? -n : n;
  }
  const coef = BigInt((i || '0') + f);
  return new Decimal(neg ? -coef : coef, f.length);
}

/**
 * Parse a decimal lexical form `(+|-)?([0-9]+(.[0-9]*)?|.[0-9]+)`; with `integer`, only
 * `(+|-)?[0-9]+` (xs:integer's pattern). Returns undefined when the text is not in the lexical space.
 * Integers of up to 15 digits are computed without allocating.
 */
export function parseDecimal(s: string, integer: boolean): DecimalValue | undefined {
  const n = s.length;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) {
    neg = c0 === 45;
    i = 1;
  }
  const intStart = i;
  let v = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  const intEnd = i;
  if (i === n) {
    if (intEnd === intStart) return undefined;
    if (intEnd - intStart <= SAFE_DIGITS) return neg && v !== 0 ? -v : v;
    return makeDecimal(neg, s.slice(intStart, intEnd), '');
  }
  if (integer || s.charCodeAt(i) !== 46) return undefined;
  i++;
  const fracStart = i;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
  }
  if (intEnd === intStart && i === fracStart) return undefined;
  return makeDecimal(neg, s.slice(intStart, intEnd), s.slice(fracStart, n));
}

function parts(v: DecimalValue): [bigint, number] {
  return typeof v === 'number' ? [BigInt(v), 0] : [v.coef, v.scale];
}

/** Total order of decimal values: -1, 0 or 1. */
export function compareDecimal(a: DecimalValue, b: DecimalValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  let [ca, sa] = parts(a);
  let [cb, sb] = parts(b);
  if (sa < sb) ca *= 10n ** BigInt(sb - sa);
  else if (sb < sa) cb *= 10n ** BigInt(sa - sb);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** Canonical lexical form of a decimal value. */
export function decimalString(v: DecimalValue): string {
  return typeof v === 'number' ? String(v) : v.toString();
}

/** totalDigits of a value: digits of the smallest i with v = i × 10^-n (Part 2 §4.3.11). */
export function totalDigitsOf(v: DecimalValue): number {
  if (typeof v === 'number') {
    const a = Math.abs(v);
    return a === 0 ? 1 : String(a).length;
  }
  return (v.coef < 0n ? -v.coef : v.coef).toString().length;
}

/** fractionDigits of a value: the n of totalDigitsOf (Part 2 §4.3.12). */
export function fractionDigitsOf(v: DecimalValue): number {
  return typeof v === 'number' ? 0 : v.scale;
}

/** The value as an exact pair, for arithmetic elsewhere (durations, date-times). */
export function decimalParts(v: DecimalValue): [bigint, number] {
  return parts(v);
}

/** Normalize coef × 10^-scale to the canonical DecimalValue. */
export function fromParts(coef: bigint, scale: number): DecimalValue {
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale--;
  }
  if (scale === 0 && coef >= -999_999_999_999_999n && coef <= 999_999_999_999_999n) return Number(coef);
  return new Decimal(coef, scale);
}
