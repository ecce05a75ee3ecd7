/**
 * The compiled form of a `--schema-dir` set, kept between runs (Node only). Compiling a server's own
 * set (54 files, 2.6 MB) takes about 350 ms; reading back its compiled tables about 20 ms. The cache
 * is keyed by a hash of every schema file's path and bytes, the entry, and the compiler build
 * (dist/xsd/build-id.txt, written by `npm run build` from the compiler's own code), so a changed file
 * or another vmparams build never reads an old entry.
 *
 * Where: `$VMPARAMS_CACHE_DIR`, else `$XDG_CACHE_HOME/vmparams`, else `~/.cache/vmparams`
 * (`%LOCALAPPDATA%\vmparams\cache` on Windows); `VMPARAMS_NO_CACHE=1` turns it off. A cache that
 * cannot be read or written is skipped without a word: the set is then compiled, as without a cache.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledSet } from '../xsd/compile.js';
import type { UnresolvedRef } from '../xsd/load/loader.js';
import { schemaFromJSON, schemaToJSON, SCHEMA_JSON_VERSION, type SchemaJSON } from '../xsd/json.js';

interface Entry {
  format: number;
  tables: SchemaJSON;
  unresolved: UnresolvedRef[];
}

/** The folder for cache files, or undefined when caching is off or there is no home to put it in. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.VMPARAMS_NO_CACHE && env.VMPARAMS_NO_CACHE !== '0') return undefined;
  if (env.VMPARAMS_CACHE_DIR) return path.resolve(env.VMPARAMS_CACHE_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'vmparams', 'cache');
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'vmparams');
  let home = '';
  try {
    home = os.homedir();
  } catch {
    // no home directory for this user (a bare container user): no cache
  }
  return home ? path.join(home, '.cache', 'vmparams') : undefined;
}

let buildId: string | null | undefined;

/** The compiler build this process runs (null when the build wrote none: then nothing is cached). */
function compilerBuild(): string | null {
  if (buildId === undefined) {
    try {
      buildId = fs.readFileSync(fileURLToPath(new URL('../xsd/build-id.txt', import.meta.url)), 'utf8').trim() || null;
    } catch {
      buildId = null;
    }
  }
  return buildId;
}

/** The cache key of a set: its files (path and bytes, in path order), its entry and the compiler build. */
function keyOf(files: Iterable<[string, string | Uint8Array]>, entry: string, build: string): string {
  const h = createHash('sha256');
  h.update(`vmparams schema cache ${SCHEMA_JSON_VERSION} ${build}\0${entry}\0`);
  for (const [name, data] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    h.update(`${name}\0${typeof data === 'string' ? 's' : 'b'}${data.length}\0`);
    h.update(data);
  }
  return h.digest('hex').slice(0, 40);
}

/**
 * The compiled set from the cache when it holds this exact set, else `compile()`'s result (then
 * stored for the next run). Errors of `compile` (SchemaError, UnsupportedError) pass through.
 */
export function cachedCompile(files: Iterable<[string, string | Uint8Array]>, entry: string, compile: () => CompiledSet, env: NodeJS.ProcessEnv = process.env): CompiledSet {
  const dir = cacheDir(env);
  const build = compilerBuild();
  if (!dir || !build) return compile();
  const file = path.join(dir, `schema-${keyOf(files, entry, build)}.json`);
  try {
    const e = JSON.parse(fs.readFileSync(file, 'utf8')) as Entry;
    if (e.format === SCHEMA_JSON_VERSION && e.tables?.version === SCHEMA_JSON_VERSION) return { tables: schemaFromJSON(e.tables), unresolved: e.unresolved ?? [] };
  } catch {
    // no entry yet, or one that does not read back: compile
  }
  const set = compile();
  // A whole file or none: written beside, then renamed over (another process may be writing the same entry).
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const entryJson: Entry = { format: SCHEMA_JSON_VERSION, tables: schemaToJSON(set.tables), unresolved: set.unresolved };
    fs.writeFileSync(tmp, JSON.stringify(entryJson), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // read-only home, full disk: run without a cache, leaving no partial file behind
    fs.rmSync(tmp, { force: true });
  }
  return set;
}
