/**
 * Turning command-line operands into documents, as users name them (issue 12): files, directories
 * (walked for `*.xml`, interface.md), quoted globs (`'templates/**\/*.xml'`, expanded here with
 * tinyglobby, since no shell did) and `-` (stdin). Everything is checked before any work starts, so
 * a typo exits 2 at once (eslint does the same).
 *
 * Like eslint, a file named on the command line is always processed; files found by walking a
 * directory or by expanding a glob pass through the ignore rules (ignore.ts: `.gitignore`, the
 * config's `ignore`, `--ignore-pattern`) and, when asked, the skip check (sniff.ts: XML whose root is
 * not a Cloud Director request is skipped, not an error).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError, UsageError } from './errors.js';
import type { IgnoreOptions, IgnoreRules } from './ignore.js';
import type { Io } from './io.js';

/** One document to process. */
export interface Input {
  /** How the document is shown: a path relative to the working directory, or `<stdin>`. */
  display: string;
  /** Absolute path; undefined for standard input. */
  abs?: string;
  /** The bytes, when already read (standard input). */
  bytes?: Uint8Array;
  /** Set when the file was found by walking or a glob and is not processed: why. */
  skipped?: string;
}

/** How standard input is shown in output (eslint and tsc also use a pseudo-name). */
export const STDIN_NAME = '<stdin>';

/** Options for collectInputs. */
export interface CollectOptions {
  /** The command, for messages. */
  command: string;
  /** Walk directories (and filter glob matches) for files with this extension (e.g. `.xml`); undefined: directories are an error. */
  walkExtension?: string;
  /** Ignore rules for files found by walking or globs; undefined ignores nothing. */
  ignore?: IgnoreOptions;
  /** For a file found by walking or a glob: why to skip it, or undefined to keep it. */
  skip?: (abs: string) => string | undefined;
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
  // The ignore rules and the glob library load only when a walk or a quoted glob needs them (start-up time).
  let rules: IgnoreRules | undefined;
  let rulesMade = false;
  const ignoreRules = async (): Promise<IgnoreRules | undefined> => {
    if (!rulesMade && opts.ignore) rules = new (await import('./ignore.js')).IgnoreRules(opts.ignore, io.cwd);
    rulesMade = true;
    return rules;
  };
  let stdinUsed = false;
  /** Add files found by walking or a glob (IGNORED: one the walk left out); counts the new and the ignored. */
  const addFound = (files: Iterable<string>, checkIgnore: boolean): { added: number; ignored: number } => {
    let added = 0;
    let ignored = 0;
    for (const file of files) {
      if (file === IGNORED || (checkIgnore && rules?.ignored(file))) {
        ignored++;
        continue;
      }
      if (seen.has(file)) continue;
      seen.add(file);
      const reason = opts.skip?.(file);
      out.push(reason === undefined ? { display: displayPath(io, file), abs: file } : { display: displayPath(io, file), abs: file, skipped: reason });
      added++;
    }
    return { added, ignored };
  };
  for (const operand of operands) {
    if (operand === '-') {
      if (stdinUsed) throw new UsageError(`${opts.command}: '-' (standard input) can be given only once`);
      stdinUsed = true;
      out.push({ display: STDIN_NAME, bytes: await io.readStdin() });
      continue;
    }
    const abs = path.resolve(io.cwd, operand);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      // Not a path: a quoted glob is expanded here (a file whose name has `*` in it wins, as in a shell).
      const glob = opts.walkExtension !== undefined && MAYBE_GLOB.test(operand) ? await import('tinyglobby') : undefined;
      if (glob && opts.walkExtension !== undefined && glob.isDynamicPattern(operand)) {
        await ignoreRules();
        const files = expandGlob(glob.globSync, operand, io.cwd, opts.walkExtension);
        if (files.length === 0) throw new UsageError(`${opts.command}: '${operand}': no *${opts.walkExtension} files match this pattern`);
        const { added, ignored } = addFound(files, true);
        if (added === 0 && ignored > 0) throw new UsageError(`${opts.command}: '${operand}': every file it matches is ignored (see --no-ignore)`);
        continue;
      }
      throw new UsageError(`${opts.command}: ${operand}: ${describeFsError(e)}`);
    }
    if (stat.isDirectory()) {
      if (opts.walkExtension === undefined) throw new UsageError(`${opts.command}: ${operand}: is a directory; give a file`);
      const { added, ignored } = addFound(walk(abs, abs, opts.walkExtension, opts.command, operand, await ignoreRules()), false);
      if (added === 0 && !anyUnder(seen, abs)) {
        if (ignored > 0) throw new UsageError(`${opts.command}: ${operand}: no *${opts.walkExtension} files in this directory that are not ignored (see --no-ignore)`);
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

/** Compare paths segment by segment, so glob results come in the order a walk visits them. */
function comparePaths(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

/**
 * The files a glob matches (relative to cwd, `/` separators as in any glob), with the extension
 * walks look for, sorted. Like the walk, dot folders and node_modules are left out unless the
 * pattern names them (tinyglobby's `dot: false` keeps `*` from matching a leading dot).
 */
function expandGlob(globSync: typeof import('tinyglobby').globSync, pattern: string, cwd: string, ext: string): string[] {
  const namesNodeModules = pattern.split('/').includes('node_modules');
  const lowerExt = ext.toLowerCase();
  return globSync(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, expandDirectories: false, followSymbolicLinks: false })
    .map((f) => path.resolve(f))
    .filter((f) => f.toLowerCase().endsWith(lowerExt) && (namesNodeModules || !path.relative(cwd, f).split(path.sep).includes('node_modules')))
    .sort(comparePaths);
}

/** Characters without which an operand cannot be a glob (tinyglobby's isDynamicPattern decides for the rest). */
const MAYBE_GLOB = /[*?[\]{}()!+@]/;

/** Marks a directory or file the ignore rules left out of a walk (counted for the "every file is ignored" message). */
const IGNORED = '\0ignored';

/**
 * Files below `dir` ending in `ext` (any case), sorted by name at each level. Hidden entries and
 * node_modules are skipped (as eslint does); symbolic links to files are followed, links to
 * directories are not (no cycles). Ignored directories are not entered (git does the same).
 */
function* walk(root: string, dir: string, ext: string, command: string, shown: string, rules: IgnoreRules | undefined): Generator<string> {
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
      if (rules?.ignored(full, true, root)) yield IGNORED;
      else yield* walk(root, full, ext, command, path.join(shown, entry.name), rules);
    } else if (entry.name.toLowerCase().endsWith(lowerExt)) {
      if (rules?.ignored(full, false, root)) {
        yield IGNORED;
        continue;
      }
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
