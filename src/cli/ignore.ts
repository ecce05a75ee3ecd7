/**
 * Which files a walk (or a quoted glob) leaves out: `.gitignore` files the way git reads them
 * (one per directory, a deeper file overriding a shallower one, nothing re-included below an
 * excluded directory; the `ignore` package implements the pattern syntax), the config file's
 * `ignore` globs and `--ignore-pattern` globs (picomatch, relative to their base). Files named on the
 * command line never pass through here (interface.md: `ignore` applies to files found by walking).
 * Not read: `.git/info/exclude` and git's global `core.excludesFile`.
 */
import fs from 'node:fs';
import path from 'node:path';
import createIgnore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { IgnoreGlobs } from '../config/settings.js';

/** What to leave out. */
export interface IgnoreOptions {
  /** Read `.gitignore` files (false with `--no-ignore`). */
  gitignore: boolean;
  /** Globs with the directory they are relative to (config `ignore`, `--ignore-pattern`). */
  globs: readonly IgnoreGlobs[];
}

interface CompiledGlobs {
  base: string;
  match: (rel: string) => boolean;
}

const toPosix = (p: string) => (path.sep === '/' ? p : p.split(path.sep).join('/'));

/** Answers "is this path ignored?" for files and directories below any walked root. */
export class IgnoreRules {
  private readonly globs: CompiledGlobs[];
  private readonly gitignores = new Map<string, Ignore | null>();
  private readonly dirVerdicts = new Map<string, boolean>();
  private readonly gitRoots = new Map<string, string | null>();

  constructor(
    private readonly opts: IgnoreOptions,
    /** Where `.gitignore` files are read from when the path is in no git repository. */
    private readonly cwd: string,
  ) {
    this.globs = opts.globs
      .filter((g) => g.patterns.length > 0)
      .map((g) => ({
        base: g.base,
        // `build/` and `./build` mean the folder `build`: a trailing or leading slash is not part of a glob path.
        match: picomatch(g.patterns.map((p) => p.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '')), { dot: true }),
      }));
  }

  /**
   * True when `abs` (a file, or a directory when `isDir`) is left out. `root` is the directory being
   * walked: the top `.gitignore` read when the path is neither in a git work tree nor below cwd.
   */
  ignored(abs: string, isDir = false, root = this.cwd): boolean {
    return this.byGlob(abs) || (this.opts.gitignore && this.byGitignore(abs, isDir, root));
  }

  /** A glob matches the path itself or one of its folders below the glob's base. */
  private byGlob(abs: string): boolean {
    for (const g of this.globs) {
      const rel = toPosix(path.relative(g.base, abs));
      if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) continue;
      for (let p = rel; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') if (g.match(p)) return true;
    }
    return false;
  }

  private byGitignore(abs: string, isDir: boolean, root: string): boolean {
    const base = this.baseOf(path.dirname(abs), root);
    if (abs === base || !isInside(base, abs)) return false;
    const parent = path.dirname(abs);
    if (parent !== base && this.dirIgnored(parent, base)) return true;
    return this.verdict(abs, isDir, base);
  }

  private dirIgnored(dir: string, base: string): boolean {
    if (dir === base || !isInside(base, dir)) return false;
    let v = this.dirVerdicts.get(dir);
    if (v === undefined) {
      v = this.dirIgnored(path.dirname(dir), base) || this.verdict(dir, true, base);
      this.dirVerdicts.set(dir, v);
    }
    return v;
  }

  /** The deepest `.gitignore` with an opinion on `abs` decides (git: "patterns in lower level files override"). */
  private verdict(abs: string, isDir: boolean, base: string): boolean {
    for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
      const ig = this.gitignoreIn(dir);
      if (ig) {
        const r = ig.test(toPosix(path.relative(dir, abs)) + (isDir ? '/' : ''));
        if (r.ignored) return true;
        if (r.unignored) return false;
      }
      if (dir === base || path.dirname(dir) === dir) return false;
    }
  }

  private gitignoreIn(dir: string): Ignore | null {
    let ig = this.gitignores.get(dir);
    if (ig === undefined) {
      ig = null;
      try {
        ig = createIgnore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
      } catch {
        // No .gitignore here (or unreadable): nothing is ignored by this directory.
      }
      this.gitignores.set(dir, ig);
    }
    return ig;
  }

  /** The top directory whose `.gitignore` applies: the git work tree's root, else cwd (when inside it), else the walked root. */
  private baseOf(dir: string, walkRoot: string): string {
    const root = this.gitRoot(dir);
    if (root) return root;
    return isInside(this.cwd, dir) ? this.cwd : walkRoot;
  }

  private gitRoot(dir: string): string | null {
    let root = this.gitRoots.get(dir);
    if (root === undefined) {
      root = fs.existsSync(path.join(dir, '.git')) ? dir : path.dirname(dir) === dir ? null : this.gitRoot(path.dirname(dir));
      this.gitRoots.set(dir, root);
    }
    return root;
  }
}

/** True when `p` is `dir` or below it. */
function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
