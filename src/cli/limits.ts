/**
 * `--max-size` and `--max-depth` for the commands that read one document (normalize, build): the
 * same flags, spellings and defaults as validate (interface.md; issue 11, "Depth"), and a read that
 * stops at the limit, so a huge file or an endless device is never read whole.
 */
import fs from 'node:fs';
import { stringOpt, type OptionSpec, type ParsedArgs } from './args.js';
import { describeFsError, UsageError } from './errors.js';
import { DEFAULT_LIMITS } from '../xml/reader.js';

/** The option declarations to merge into a command's parseCommandArgs spec. */
export const LIMIT_OPTIONS: OptionSpec = { 'max-size': { type: 'string' }, 'max-depth': { type: 'string' } };

/** The limits a command runs with. */
export interface Limits {
  maxBytes: number;
  maxDepth: number;
}

/** A size flag (`--max-size`): bytes, or with a binary suffix (`512k`, `64M`, `1G`; `KiB`/`MB`-style spellings accepted). */
export function sizeOpt(command: string, v: string, flag = '--max-size'): number {
  const m = /^(\d{1,15})\s*(?:([kmg])i?b?)?$/i.exec(v.trim());
  const n = m ? Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] ?? ' ').toLowerCase()) : NaN;
  if (!m || !(n >= 1) || n > Number.MAX_SAFE_INTEGER) throw new UsageError(`${command}: ${flag} must be a size in bytes such as 1048576, 512k, 64M or 1G, got '${v}'`);
  return n;
}

/** A count flag (`--max-depth`, `--print-width`): a whole number of at least 1. */
export function countOpt(command: string, flag: string, v: string): number {
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1) throw new UsageError(`${command}: ${flag} must be a whole number of at least 1, got '${v}'`);
  return Number(v);
}

/** The limits given on the command line, else the library's defaults (256 MiB, 256 levels). */
export function limitsOpt(command: string, args: ParsedArgs): Limits {
  const size = stringOpt(args, 'max-size');
  const depth = stringOpt(args, 'max-depth');
  return {
    maxBytes: size === undefined ? DEFAULT_LIMITS.maxBytes : sizeOpt(command, size),
    maxDepth: depth === undefined ? DEFAULT_LIMITS.maxDepth : countOpt(command, '--max-depth', depth),
  };
}

/** The one-line message for input over --max-size (the reader's wording). */
export function tooLargeMessage(limit: number): string {
  return `the document is larger than the limit of ${limit} bytes (raise it with --max-size)`;
}

/** A file's bytes, or null when it has more than `limit` (never read past it). Throws UsageError when unreadable. */
export function readAtMost(command: string, display: string, file: string, limit: number): Uint8Array | null {
  try {
    return readBounded(file, limit);
  } catch (e) {
    throw new UsageError(`${command}: ${display}: ${describeFsError(e)}`);
  }
}

/**
 * The file's bytes, or null when it has more than `limit`: memory stays bounded by the limit even
 * for a huge file or an endless device or pipe (`/dev/zero`), which are never read past it. Throws fs errors.
 */
export function readBounded(file: string, limit: number): Uint8Array | null {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile()) {
      if (stat.size > limit) return null;
      return new Uint8Array(fs.readFileSync(fd));
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) return null;
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    fs.closeSync(fd);
  }
}
