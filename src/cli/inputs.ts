/**
 * Turning command-line operands into documents: files, directories (walked for `*.xml`, as
 * interface.md says), shell globs (already expanded by the shell, so just files) and `-` (stdin).
 * Everything is checked before any work starts, so a typo exits 2 at once (eslint does the same).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError, UsageError } from './errors.js';
import type { Io } from './io.js';

/** One document to process. */
export interface Input {
  /** How the document is shown: a path relative to the working directory, or `<stdin>`. */
  display: string;
  /** Absolute path; undefined for standard input. */
  abs?: string;
  /** The bytes, when already read (standard input). */
  bytes?: Uint8Array;
}

/** How standard input is shown in output (eslint and tsc also use a pseudo-name). */
export const STDIN_NAME = '<stdin>';

/** Options for collectInputs. */
export interface CollectOptions {
  /** The command, for messages. */
  command: string;
  /** Walk directories for files with this extension (e.g. `.xml`); undefined: directories are an error. */
  walkExtension?: string;
}

/** A path as shown to the user: relative to cwd when that is shorter, with `/` kept as the OS writes it. */
export function displayPath(io: Io, abs: string): string {
  const rel = path.relative(io.cwd, abs);
  if (rel === '') return path.basename(abs);
  return rel.length < abs.length ? rel : abs;
}

/** Read one file, turning fs errors into a one-line UsageError. */
export function readInputFile(command: string, io: Io, abs: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(abs));
  } catch (e) {
    throw new UsageError(`${command}: ${displayPath(io, abs)}: ${describeFsError(e)}`);
  }
}

/** Resolve operands to documents in the order given (directory contents sorted), without duplicates. */
export async function collectInputs(operands: string[], io: Io, opts: CollectOptions): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  let stdinUsed = false;
  for (const operand of operands) {
    if (operand === '-') {
      if (stdinUsed) throw new UsageError(`${opts.command}: '-' (standard input) can be given only once`);
      stdinUsed = true;
      out.push({ display: STDIN_NAME, bytes: await io.readStdin() });
      continue;
    }
    const abs = path.resolve(io.cwd, operand);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      throw new UsageError(`${opts.command}: ${operand}: ${describeFsError(e)}`);
    }
    if (stat.isDirectory()) {
      if (opts.walkExtension === undefined) throw new UsageError(`${opts.command}: ${operand}: is a directory; give a file`);
      const before = out.length;
      for (const file of walk(abs, opts.walkExtension, opts.command, operand)) {
        if (!seen.has(file)) {
          seen.add(file);
          out.push({ display: displayPath(io, file), abs: file });
        }
      }
      if (out.length === before && !anyUnder(seen, abs)) {
        throw new UsageError(`${opts.command}: ${operand}: no *${opts.walkExtension} files in this directory`);
      }
    } else {
      if (seen.has(abs)) continue;
      seen.add(abs);
      try {
        fs.accessSync(abs, fs.constants.R_OK);
      } catch (e) {
        throw new UsageError(`${opts.command}: ${operand}: ${describeFsError(e)}`);
      }
      out.push({ display: displayPath(io, abs), abs });
    }
  }
  return out;
}

function anyUnder(seen: Set<string>, dir: string): boolean {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const f of seen) if (f.startsWith(prefix)) return true;
  return false;
}

/**
 * Files below `dir` ending in `ext` (any case), sorted by name at each level. Hidden entries and
 * node_modules are skipped (as eslint does); symbolic links to files are followed, links to
 * directories are not (no cycles).
 */
function* walk(dir: string, ext: string, command: string, shown: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`${command}: ${shown}: ${describeFsError(e)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lowerExt = ext.toLowerCase();
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(full, ext, command, path.join(shown, entry.name));
    } else if (entry.name.toLowerCase().endsWith(lowerExt)) {
      if (entry.isFile()) yield full;
      else if (entry.isSymbolicLink()) {
        try {
          if (fs.statSync(full).isFile()) yield full;
        } catch {
          // A dangling link in a walked folder is not something the user asked for by name: skip it.
        }
      }
    }
  }
}
