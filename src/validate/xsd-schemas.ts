/**
 * Loading and caching of compiled XSD schema sets for libxml2-wasm.
 *
 * Security model: libxml2 never touches the file system or the network on our behalf. All schema
 * files of a set are read by us (Node fs) into memory up front, and the input provider we register
 * with libxml2 serves them from memory while that set is being compiled (by virtual URL, or by an
 * absolute schemaLocation mapped to a file of the set). At any other time - in particular while
 * documents are parsed and validated - it claims nothing, and libxml2's own loaders (in the wasm
 * build: an empty in-memory file system and no network client) fail. Every URL libxml2 asks for
 * is recorded (`inputRequests()`), which is how the tests show that a document with
 * xsi:schemaLocation or another external reference makes the validator read nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';

/** A schema directory that does not exist, has no entry schema, or does not compile. */
export class SchemaDirError extends Error {
  /** The directory as given by the caller. */
  readonly dir: string;
  constructor(dir: string, reason: string) {
    super(`schema directory ${dir}: ${reason}`);
    this.name = 'SchemaDirError';
    this.dir = dir;
  }
}

/** Where the bundled schema set lives: <package>/xsd (two levels above src/validate or dist/validate). */
export function bundledSchemaDir(): string {
  return fileURLToPath(new URL('../../xsd/', import.meta.url));
}

/** Virtual URL scheme under which schema files are handed to libxml2 (never a real location). */
const SCHEME = 'vmparams-schema:///';
/** Refuse absurd directories rather than reading a whole disk. */
const MAX_SCHEMA_FILES = 2000;
const MAX_SCHEMA_BYTES = 64 * 1024 * 1024;

interface SchemaFiles {
  /** virtual URL -> bytes */
  byUrl: Map<string, Uint8Array>;
  /** absolute schemaLocation (http://...) -> virtual URL of the file chosen for it */
  absolute: Map<string, string>;
}

/** A compiled schema set, kept for the life of the process. */
export interface CompiledSchemaSet {
  /** Absolute directory the set was loaded from. */
  dir: string;
  /** Entry file, relative to dir. */
  entry: string;
  validator: XsdValidator;
  schemaDoc: XmlDocument;
}

// ---------------------------------------------------------------------------------------------
// The one input provider.

let serving: SchemaFiles | null = null;
const openFiles = new Map<number, { data: Uint8Array; pos: number }>();
let nextFd = 1;
const requestLog: string[] = [];
let providerRegistered = false;

function ensureProvider(): void {
  if (providerRegistered) return;
  const ok = xmlRegisterInputProvider({
    // Claim only the files of the set being compiled. Anything else falls through to the other
    // registered providers and finally to libxml2's built-in loaders, which in the wasm build only
    // see an empty in-memory file system and have no network client (checked in test/xsd), so an
    // unclaimed URL simply fails to load.
    match: (url: string) => {
      if (requestLog.length < 10_000) requestLog.push(url);
      return lookup(url) !== undefined;
    },
    open: (url: string) => {
      const data = lookup(url);
      if (!data) return undefined;
      const fd = nextFd++;
      openFiles.set(fd, { data, pos: 0 });
      return fd;
    },
    read: (fd: number, buf: Uint8Array) => {
      const f = openFiles.get(fd);
      if (!f) return -1;
      const n = Math.min(buf.byteLength, f.data.byteLength - f.pos);
      buf.set(f.data.subarray(f.pos, f.pos + n));
      f.pos += n;
      return n;
    },
    close: (fd: number) => openFiles.delete(fd),
  });
  if (!ok) throw new Error('libxml2 refused the schema input provider (callback table full)');
  providerRegistered = true;
}

function lookup(url: string): Uint8Array | undefined {
  if (!serving) return undefined; // outside schema compilation nothing is ever served
  const direct = serving.byUrl.get(url);
  if (direct) return direct;
  const mapped = serving.absolute.get(url);
  return mapped ? serving.byUrl.get(mapped) : undefined;
}

/** Every URL libxml2 asked the input layer for since the process started (for tests). */
export function inputRequests(): readonly string[] {
  return requestLog;
}

// ---------------------------------------------------------------------------------------------
// Reading a schema directory.

function walkXsd(root: string): string[] {
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
    if (seen.has(real)) continue; // symlink loops
    seen.add(real);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && isDir(p))) stack.push(p);
      else if (e.name.toLowerCase().endsWith('.xsd')) {
        out.push(p);
        if (out.length > MAX_SCHEMA_FILES) throw new SchemaDirError(root, `more than ${MAX_SCHEMA_FILES} .xsd files`);
      }
    }
  }
  return out.sort();
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** targetNamespace of a schema text ('' for none). */
function targetNamespace(text: string): string {
  const m = /<(?:[\w.-]+:)?schema\b[^>]*?\btargetNamespace\s*=\s*(["'])(.*?)\1/s.exec(text);
  return m ? m[2] : '';
}

interface SchemaRef {
  kind: string;
  namespace: string | null;
  location: string;
}

/** import/include/redefine references of a schema text. */
function schemaRefs(text: string): SchemaRef[] {
  const refs: SchemaRef[] = [];
  const tag = /<(?:[\w.-]+:)?(import|include|redefine|override)\b([^>]*)>/g;
  for (const m of text.matchAll(tag)) {
    const attrs = m[2];
    const loc = /\bschemaLocation\s*=\s*(["'])(.*?)\1/s.exec(attrs);
    if (!loc) continue;
    const ns = /\bnamespace\s*=\s*(["'])(.*?)\1/s.exec(attrs);
    refs.push({ kind: m[1], namespace: ns ? ns[2] : null, location: loc[2].trim() });
  }
  return refs;
}

/** Number of trailing path segments two slash-separated paths share. */
function commonTail(a: string, b: string): number {
  const x = a.split('/').reverse();
  const y = b.split('/').reverse();
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function readSchemaFiles(dir: string, setId: string): SchemaFiles {
  const base = `${SCHEME}${setId}/`;
  const byUrl = new Map<string, Uint8Array>();
  const texts = new Map<string, { rel: string; text: string; tns: string }>();
  let total = 0;
  for (const file of walkXsd(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const data = new Uint8Array(fs.readFileSync(file));
    total += data.byteLength;
    if (total > MAX_SCHEMA_BYTES) throw new SchemaDirError(dir, 'more than 64 MB of schema files');
    const url = base + rel.split('/').map(encodeURIComponent).join('/');
    byUrl.set(url, data);
    const text = decoder.decode(data);
    texts.set(url, { rel, text, tns: targetNamespace(text) });
  }
  // Map each absolute schemaLocation to the file of this set that most plausibly is that
  // schema: same file name, the namespace the import asks for, longest shared path tail.
  const absolute = new Map<string, string>();
  for (const { text, tns } of texts.values()) {
    for (const ref of schemaRefs(text)) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(ref.location) || absolute.has(ref.location)) continue;
      const wantNs = ref.kind === 'import' ? (ref.namespace ?? '') : tns;
      let urlPath: string;
      try {
        urlPath = decodeURIComponent(new URL(ref.location).pathname);
      } catch {
        continue;
      }
      const name = urlPath.split('/').pop() ?? '';
      let best: { url: string; score: number } | null = null;
      for (const [url, info] of texts) {
        if (info.tns !== wantNs) continue;
        const sameName = info.rel.split('/').pop() === name;
        const score = (sameName ? 1000 : 0) + commonTail(urlPath, info.rel);
        if (!best || score > best.score) best = { url, score };
      }
      // Without a file-name match only accept a namespace match when it is unambiguous.
      const sameNs = [...texts.values()].filter((t) => t.tns === wantNs).length;
      if (best && (best.score >= 1000 || sameNs === 1)) absolute.set(ref.location, best.url);
    }
  }
  return { byUrl, absolute };
}

// ---------------------------------------------------------------------------------------------
// Compilation and cache.

const cache = new Map<string, CompiledSchemaSet>();
let setCounter = 0;

/** Find the entry schema of a directory laid out like a Cloud Director schema drop, or ours. */
function entryOf(dir: string): string | null {
  for (const rel of ['1.5/schemas/master/master.xsd', 'master.xsd']) {
    if (fs.existsSync(path.join(dir, rel))) return rel;
  }
  return null;
}

/**
 * Compile (once per process and directory) and return the schema set in `schemaDir`, or the
 * bundled set when no directory is given. Throws SchemaDirError for a bad directory.
 */
export function loadSchemaSet(schemaDir?: string): CompiledSchemaSet {
  const bundled = schemaDir === undefined;
  const dir = path.resolve(schemaDir ?? bundledSchemaDir());
  const hit = cache.get(dir);
  if (hit) return hit;
  const shown = schemaDir ?? dir;
  if (!isDir(dir)) throw new SchemaDirError(shown, 'not found or not a directory');
  const entry = entryOf(dir);
  if (!entry) throw new SchemaDirError(shown, 'no entry schema (expected 1.5/schemas/master/master.xsd or master.xsd)');
  const files = readSchemaFiles(dir, `set${++setCounter}`);
  const entryUrl = `${SCHEME}set${setCounter}/${entry}`;
  ensureProvider();
  let validator: XsdValidator;
  let doc: XmlDocument | null = null;
  serving = files;
  try {
    doc = XmlDocument.fromBuffer(files.byUrl.get(entryUrl)!, { url: entryUrl });
    validator = XsdValidator.fromDoc(doc);
  } catch (e) {
    doc?.dispose();
    const reason = describeCompileError(e, files);
    if (bundled) throw new Error(`bundled schema set does not compile: ${reason}`);
    throw new SchemaDirError(shown, `schema does not compile: ${reason}`);
  } finally {
    serving = null;
  }
  // The schema document stays alive with the validator: libxml2 may keep pointers into it.
  const set: CompiledSchemaSet = { dir, entry, validator, schemaDoc: doc! };
  cache.set(dir, set);
  return set;
}

function describeCompileError(e: unknown, files: SchemaFiles): string {
  const unmapped = (msg: string) =>
    msg.replace(new RegExp(SCHEME.replace(/[/.*+?^${}()|[\]\\]/g, '\\$&') + 'set\\d+/', 'g'), '');
  if (e instanceof XmlError) {
    const details = (e as { details?: { message: string }[] }).details ?? [];
    const lines = details.map((d) => unmapped(d.message.trim())).filter(Boolean);
    if (lines.length > 0) return lines.slice(0, 3).join('; ') + (lines.length > 3 ? ` (+${lines.length - 3} more)` : '');
    return unmapped(e.message);
  }
  void files;
  return e instanceof Error ? e.message : String(e);
}
