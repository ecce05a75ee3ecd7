/**
 * Schema sources on disk (the only part of the engine that touches node:fs). A schema file is read
 * with the files it names by relative path; a schema directory (`--schema-dir`, laid out as Cloud
 * Director publishes it) is read whole into memory first, so absolute schemaLocations can be
 * mapped to files found under it (load/source.ts MapSource). Nothing is ever fetched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SchemaDirError } from '../errors.js';
import { isAbsoluteUri, joinRelative, MapSource, normalizePath, type SchemaSource } from './source.js';

/** Refuse absurd directories rather than reading a whole disk. */
const MAX_SCHEMA_FILES = 2000;
const MAX_SCHEMA_BYTES = 64 * 1024 * 1024;

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Files read on demand, by absolute path; shown relative to the working directory. */
export class FileSource implements SchemaSource {
  constructor(
    /** The directory paths are shown relative to. */
    private readonly cwd = process.cwd(),
  ) {}

  read(location: string): Uint8Array | undefined {
    try {
      return new Uint8Array(fs.readFileSync(path.normalize(location)));
    } catch {
      return undefined;
    }
  }

  resolve(ref: string, base: string, _ns: string | null): string | undefined {
    const r = ref.trim();
    let p: string;
    if (/^file:/i.test(r)) {
      try {
        p = toPosix(fileURLToPath(r));
      } catch {
        return undefined;
      }
    } else if (isAbsoluteUri(r)) return undefined;
    else p = joinRelative(base, r);
    return fs.existsSync(path.normalize(p)) ? normalizePath(p) : undefined;
  }

  display(location: string): string {
    const rel = path.relative(this.cwd, location);
    return toPosix(rel && !rel.startsWith('..') ? rel : location);
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every *.xsd under a directory (symlink loops skipped), sorted. */
function walkXsd(root: string, shown: string): string[] {
  const out: string[] = [];
  const stack = [root];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && isDir(p))) stack.push(p);
      else if (e.name.toLowerCase().endsWith('.xsd')) {
        out.push(p);
        if (out.length > MAX_SCHEMA_FILES) throw new SchemaDirError(shown, `more than ${MAX_SCHEMA_FILES} .xsd files`);
      }
    }
  }
  return out.sort();
}

/** Read every *.xsd under `dir` into memory, keyed by path relative to `dir`. */
export function dirSource(dir: string, shown = dir): MapSource {
  const files: [string, Uint8Array][] = [];
  let total = 0;
  for (const file of walkXsd(dir, shown)) {
    const data = new Uint8Array(fs.readFileSync(file));
    total += data.byteLength;
    if (total > MAX_SCHEMA_BYTES) throw new SchemaDirError(shown, 'more than 64 MB of schema files');
    files.push([toPosix(path.relative(dir, file)), data]);
  }
  return new MapSource(files);
}

/** The entry schema of a directory laid out like a Cloud Director schema drop, or ours. */
export function entryOf(dir: string): string | null {
  for (const rel of ['1.5/schemas/master/master.xsd', 'master.xsd']) if (fs.existsSync(path.join(dir, rel))) return rel;
  return null;
}

/** Check a --schema-dir and find its entry; throws SchemaDirError. */
export function schemaDirEntry(dir: string, shown = dir): string {
  if (!isDir(dir)) throw new SchemaDirError(shown, 'not found or not a directory');
  const entry = entryOf(dir);
  if (!entry) throw new SchemaDirError(shown, 'no entry schema (expected 1.5/schemas/master/master.xsd or master.xsd)');
  return entry;
}

export { SchemaDirError };

/** Absolute POSIX path of a file (for FileSource locations). */
export function absoluteLocation(file: string): string {
  return toPosix(path.resolve(file));
}
