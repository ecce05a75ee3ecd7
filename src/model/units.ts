/**
 * RASD AllocationUnits (DMTF DSP0004 programmatic units such as `byte * 2^20`, plus the common
 * spellings `MegaBytes`, `MB`, `GB`, `hertz * 10^6`, `MHz`): parsed into a base unit and a factor.
 */

/** A parsed unit: `base` (byte, hertz, ...) times `factor`. */
export interface Unit {
  base: string;
  factor: number;
}

const NAMED: Record<string, { base: string; exp2: number; exp10: number }> = {
  byte: { base: 'byte', exp2: 0, exp10: 0 },
  bytes: { base: 'byte', exp2: 0, exp10: 0 },
  b: { base: 'byte', exp2: 0, exp10: 0 },
  kilobytes: { base: 'byte', exp2: 10, exp10: 0 },
  kb: { base: 'byte', exp2: 10, exp10: 0 },
  kib: { base: 'byte', exp2: 10, exp10: 0 },
  megabytes: { base: 'byte', exp2: 20, exp10: 0 },
  mb: { base: 'byte', exp2: 20, exp10: 0 },
  mib: { base: 'byte', exp2: 20, exp10: 0 },
  gigabytes: { base: 'byte', exp2: 30, exp10: 0 },
  gb: { base: 'byte', exp2: 30, exp10: 0 },
  gib: { base: 'byte', exp2: 30, exp10: 0 },
  terabytes: { base: 'byte', exp2: 40, exp10: 0 },
  tb: { base: 'byte', exp2: 40, exp10: 0 },
  tib: { base: 'byte', exp2: 40, exp10: 0 },
  hertz: { base: 'hertz', exp2: 0, exp10: 0 },
  hz: { base: 'hertz', exp2: 0, exp10: 0 },
  mhz: { base: 'hertz', exp2: 0, exp10: 6 },
  ghz: { base: 'hertz', exp2: 0, exp10: 9 },
};

/** A unit with its factor as an exact integer (DSP0004 multipliers are whole numbers). */
function parseExact(text: string): { base: string; factor: bigint } | undefined {
  const s = text.trim().toLowerCase();
  const named = NAMED[s];
  if (named) return { base: named.base, factor: 2n ** BigInt(named.exp2) * 10n ** BigInt(named.exp10) };
  // base [* multiplier^exponent] [* number], e.g. "byte * 2^20", "hertz*10^6", "byte * 1024"
  const m = /^(byte|bytes|bit|hertz|hz)\s*(?:\*\s*(\d{1,6})\s*\^\s*(\d{1,3}))?\s*(?:\*\s*(\d{1,20}))?$/.exec(s);
  if (!m) return undefined;
  const base = m[1] === 'bytes' ? 'byte' : m[1] === 'hz' ? 'hertz' : m[1];
  const factor = (m[2] ? BigInt(m[2]) ** BigInt(m[3]) : 1n) * (m[4] ? BigInt(m[4]) : 1n);
  return { base, factor };
}

/** Parse an AllocationUnits string; undefined when it is not a unit vmparams understands. */
export function parseUnits(text: string): Unit | undefined {
  const u = parseExact(text);
  return u && { base: u.base, factor: Number(u.factor) };
}

/** The canonical spelling of MB, as Cloud Director writes it. */
export const MEGABYTES = 'byte * 2^20';

const MIB = 2n ** 20n;

/** Convert a quantity in `units` to mebibytes (MB as Cloud Director counts them); undefined if not a byte unit. */
export function toMegabytes(quantity: number, units: string | undefined): number | undefined {
  // Cloud Director's memory and disk items default to MB when AllocationUnits is absent.
  const u = units === undefined ? NAMED_MB : parseUnits(units);
  if (!u || u.base !== 'byte') return undefined;
  return (quantity * u.factor) / 2 ** 20;
}

const NAMED_MB: Unit = { base: 'byte', factor: 2 ** 20 };

/**
 * The quantity in MB when that is a whole number (computed exactly, in integers), else undefined:
 * 40 x `byte * 10^9` is 38146.97265625 MB and stays as written (issue 11, "Exact units"). Also
 * undefined for a unit that is not a byte unit, or a quantity that is not a whole number.
 */
export function exactMegabytes(quantity: number, units: string | undefined): number | undefined {
  if (!Number.isSafeInteger(quantity) || quantity < 0) return undefined;
  const u = units === undefined ? { base: 'byte', factor: MIB } : parseExact(units);
  if (!u || u.base !== 'byte') return undefined;
  const bytes = BigInt(quantity) * u.factor;
  if (bytes % MIB !== 0n) return undefined;
  const mb = bytes / MIB;
  return mb <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(mb) : undefined;
}

/** Convert megabytes to a quantity in `units` (the other direction); undefined if not a byte unit. */
export function fromMegabytes(mb: number, units: string): number | undefined {
  const u = parseUnits(units);
  if (!u || u.base !== 'byte') return undefined;
  return (mb * 2 ** 20) / u.factor;
}
