/**
 * The date/time types of XSD 1.0 Part 2 (§3.2.7-3.2.14): dateTime, time, date, gYearMonth, gYear,
 * gMonthDay, gDay, gMonth. Lexical rules of 1.0: a year has at least four digits, no leading zero
 * beyond four, may be negative, and is never 0000; `24:00:00` is the first instant of the next day;
 * a timezone is Z or ±hh:mm within ±14:00; a day must exist in its month (February 29 only in leap
 * years, Appendix E's maximumDayInMonthFor on the year as written). A value with a timezone is
 * normalized to UTC; order is the partial order of §3.2.7.4 (a value without timezone is compared
 * to one with a timezone at ±14:00, and is incomparable inside that window).
 */

/** Which of the eight date/time types a value belongs to (their value spaces are disjoint). */
export type DateKind = 'dateTime' | 'time' | 'date' | 'gYearMonth' | 'gYear' | 'gMonthDay' | 'gDay' | 'gMonth';

/** A date/time value as a point on a line: UTC day number and second of that day when `tz` is set. */
export class DateTimeValue {
  constructor(
    readonly kind: DateKind,
    /** Days since 1970-01-01 (proleptic Gregorian, the year as written), normalized to UTC when tz is set. */
    readonly day: number,
    /** Whole seconds into the day, 0..86399. */
    readonly second: number,
    /** Fraction of the second: decimal digits without trailing zeros ('' for none). */
    readonly frac: string,
    /** Timezone offset in minutes as written, or null when the value has none. */
    readonly tz: number | null,
  ) {}
}

/** Appendix E: 28..31 for a month of a year (the year as written: -0004 is a leap year). */
export function maxDay(year: number, month: number): number {
  if (month === 2) return year % 400 === 0 || (year % 100 !== 0 && year % 4 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to y-m-d (H. Hinnant's days_from_civil; any integer year). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Reference year for the types without one: 1972 is a leap year, so --02-29 has a place.
const REF_YEAR = 1972;

function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function digit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Parse one of the date/time lexical forms (a hand scanner: no RegExp, no match arrays); undefined when invalid. */
export function parseDateTime(s: string, kind: DateKind): DateTimeValue | undefined {
  const n = s.length;
  let i = 0;
  let year = REF_YEAR;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let frac = '';
  const dated = kind === 'dateTime' || kind === 'date';
  if (dated || kind === 'gYearMonth' || kind === 'gYear') {
    // -?yyyy: four digits or more, no leading zero beyond four, never 0000 (1.0 has no year zero)
    const neg = s.charCodeAt(0) === 45;
    if (neg) i = 1;
    const start = i;
    year = 0;
    for (let c = s.charCodeAt(i); i < n && digit(c); c = s.charCodeAt(++i)) year = year * 10 + (c - 48);
    const len = i - start;
    if (len < 4 || len > 15 || (len > 4 && s.charCodeAt(start) === 48)) return undefined;
    if (year === 0) return undefined;
    if (neg) year = -year;
    if (kind !== 'gYear') {
      if (s.charCodeAt(i) !== 45 || (month = two(s, i + 1)) < 0) return undefined;
      i += 3;
    }
    if (dated) {
      if (s.charCodeAt(i) !== 45 || (day = two(s, i + 1)) < 0) return undefined;
      i += 3;
    }
  } else if (kind !== 'time') {
    // --MM-DD, ---DD, --MM
    if (s.charCodeAt(0) !== 45 || s.charCodeAt(1) !== 45) return undefined;
    i = 2;
    if (kind === 'gDay') {
      if (s.charCodeAt(2) !== 45 || (day = two(s, 3)) < 0) return undefined;
      month = 12;
      i = 5;
    } else {
      if ((month = two(s, 2)) < 0) return undefined;
      i = 4;
      if (kind === 'gMonthDay') {
        if (s.charCodeAt(4) !== 45 || (day = two(s, 5)) < 0) return undefined;
        i = 7;
      }
    }
  }
  if (kind === 'dateTime' && s.charCodeAt(i++) !== 84) return undefined;
  if (kind === 'dateTime' || kind === 'time') {
    hour = two(s, i);
    minute = s.charCodeAt(i + 2) === 58 ? two(s, i + 3) : -1;
    second = s.charCodeAt(i + 5) === 58 ? two(s, i + 6) : -1;
    if (hour < 0 || minute < 0 || second < 0) return undefined;
    i += 8;
    if (s.charCodeAt(i) === 46) {
      const start = ++i;
      while (i < n && digit(s.charCodeAt(i))) i++;
      if (i === start) return undefined;
      let end = i;
      while (end > start && s.charCodeAt(end - 1) === 48) end--;
      frac = s.slice(start, end);
    }
  }
  let tz: number | null = null;
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c === 90 && i + 1 === n) tz = 0;
    else if ((c === 43 || c === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
      const th = two(s, i + 1);
      const tm = two(s, i + 4);
      if (th < 0 || tm < 0 || tm > 59 || th > 14 || (th === 14 && tm !== 0)) return undefined;
      tz = (c === 45 ? -1 : 1) * (th * 60 + tm);
    } else return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > maxDay(year, month)) return undefined;
  if (minute > 59 || second > 59 || hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || frac !== ''))) return undefined;
  // a time of day recurs: 24:00:00 is 00:00:00 of the same (reference) day, while a timezone may
  // still carry it to the next or previous day (12:00:00-14:00 is after 12:00:00-10:00)
  if (kind === 'time' && hour === 24) hour = 0;
  let dayNo = daysFromCivil(year, month, day);
  let secs = hour * 3600 + minute * 60 + second - (tz ?? 0) * 60;
  // 24:00:00 and timezone normalization can move the value to a neighbouring day
  while (secs >= 86400) {
    secs -= 86400;
    dayNo++;
  }
  while (secs < 0) {
    secs += 86400;
    dayNo--;
  }
  return new DateTimeValue(kind, dayNo, secs, frac, tz);
}

function compareFrac(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i) || 48;
    const y = b.charCodeAt(i) || 48;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Compare two points given as (day, second, fraction), shifted by `shift` seconds for b. */
function compareAt(a: DateTimeValue, b: DateTimeValue, shift: number): number {
  const da = a.day * 86400 + a.second;
  const db = b.day * 86400 + b.second + shift;
  if (da !== db) return da < db ? -1 : 1;
  return compareFrac(a.frac, b.frac);
}

/** §3.2.7.4 order of two values of the same kind: -1, 0, 1, or NaN when incomparable. */
export function compareDateTime(a: DateTimeValue, b: DateTimeValue): number {
  if ((a.tz === null) === (b.tz === null)) return compareAt(a, b, 0);
  const W = 14 * 3600;
  if (a.tz !== null) {
    // b is local: a < b if a < b at +14:00 (b - 14h); a > b if a > b at -14:00 (b + 14h)
    if (compareAt(a, b, -W) < 0) return -1;
    if (compareAt(a, b, W) > 0) return 1;
    return NaN;
  }
  const r = compareDateTime(b, a);
  return Number.isNaN(r) ? NaN : -r;
}

/** A string that is equal for equal values (timezone presence included). */
export function dateTimeKey(v: DateTimeValue): string {
  return `${v.kind}:${v.tz === null ? 'L' : 'Z'}${v.day}:${v.second}${v.frac ? `.${v.frac}` : ''}`;
}
