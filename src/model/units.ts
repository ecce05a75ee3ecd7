/**
 * RASD AllocationUnits (DMTF DSP0004 programmatic units such as `byte * 2^20`, plus the common
 * spellings `MegaBytes`, `MB`, `GB`, `hertz * 10^6`, `MHz`): parsed into a base unit and a factor.
 */

/** A parsed unit: `base` (byte, hertz, ...) times `factor`. */
export interface Unit {
  base: string;
  factor: number;
}

const NAMED: Record<string, Unit> = {
  byte: { base: 'byte', factor: 1 },
  bytes: { base: 'byte', factor: 1 },
  b: { base: 'byte', factor: 1 },
  kilobytes: { base: 'byte', factor: 2 ** 10 },
  kb: { base: 'byte', factor: 2 ** 10 },
  kib: { base: 'byte', factor: 2 ** 10 },
  megabytes: { base: 'byte', factor: 2 ** 20 },
  mb: { base: 'byte', factor: 2 ** 20 },
  mib: { base: 'byte', factor: 2 ** 20 },
  gigabytes: { base: 'byte', factor: 2 ** 30 },
  gb: { base: 'byte', factor: 2 ** 30 },
  gib: { base: 'byte', factor: 2 ** 30 },
  terabytes: { base: 'byte', factor: 2 ** 40 },
  tb: { base: 'byte', factor: 2 ** 40 },
  tib: { base: 'byte', factor: 2 ** 40 },
  hertz: { base: 'hertz', factor: 1 },
  hz: { base: 'hertz', factor: 1 },
  mhz: { base: 'hertz', factor: 1e6 },
  ghz: { base: 'hertz', factor: 1e9 },
};

/** Parse an AllocationUnits string; undefined when it is not a unit vmparams understands. */
export function parseUnits(text: string): Unit | undefined {
  const s = text.trim().toLowerCase();
  if (NAMED[s]) return NAMED[s];
  // base [* multiplier^exponent] [* number], e.g. "byte * 2^20", "hertz*10^6", "byte * 1024"
  const m = /^(byte|bytes|bit|hertz|hz)\s*(?:\*\s*(\d+)\s*\^\s*(\d+))?\s*(?:\*\s*(\d+))?$/.exec(s);
  if (!m) return undefined;
  const base = m[1] === 'bytes' ? 'byte' : m[1] === 'hz' ? 'hertz' : m[1];
  const factor = (m[2] ? Number(m[2]) ** Number(m[3]) : 1) * (m[4] ? Number(m[4]) : 1);
  return { base, factor };
}

/** The canonical spelling of MB, as Cloud Director writes it. */
export const MEGABYTES = 'byte * 2^20';

/** Convert a quantity in `units` to mebibytes (MB as Cloud Director counts them); undefined if not a byte unit. */
export function toMegabytes(quantity: number, units: string | undefined): number | undefined {
  // Cloud Director's memory and disk items default to MB when AllocationUnits is absent.
  const u = units === undefined ? NAMED.mb : parseUnits(units);
  if (!u || u.base !== 'byte') return undefined;
  return (quantity * u.factor) / 2 ** 20;
}

/** Convert megabytes to a quantity in `units` (the other direction); undefined if not a byte unit. */
export function fromMegabytes(mb: number, units: string): number | undefined {
  const u = parseUnits(units);
  if (!u || u.base !== 'byte') return undefined;
  return (mb * 2 ** 20) / u.factor;
}
