/**
 * libxml2-wasm as the reference engine (`--engine libxml2`, and the oracle of the differential
 * tests). Loaded only when asked for (dynamic import by its callers). Documents are first read by
 * our reader (well-formedness, DOCTYPE refusal, limits are ours); libxml2 then parses the same text
 * without DTD loading, entities or network and checks the schema. Its messages are passed through
 * as it words them (rule `xsd`, messageId `xsd/libxml2`), with the element path and line it gives.
 *
 * Schema files are served to libxml2 from memory or local disk by one input provider, and only
 * while a schema compiles; absolute http(s) schemaLocations map to files of the set (same rule as
 * our compiler, load/source.ts), never to the network. `inputRequests()` lists what libxml2 asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParseOption, XmlDocument, XmlElement, XmlError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import type { ErrorDetail } from 'libxml2-wasm';
import type { Problem } from '../../validate/problem.js';
import { SchemaDirError, SchemaError } from '../errors.js';
import { dirSource, schemaDirEntry } from '../load/fs.js';
import { isAbsoluteUri } from '../load/source.js';

const SCHEME = 'vmparams-schema:///';
const PARSE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NO_SYS_CATALOG;

/** Files served while one schema compiles: virtual URL -> bytes, or a resolver for disk files. */
interface Serving {
  lookup(url: string): Uint8Array | undefined;
}

let serving: Serving | null = null;
const openFiles = new Map<number, { data: Uint8Array; pos: number }>();
let nextFd = 1;
const requestLog: string[] = [];
let registered = false;
let sets = 0;

function ensureProvider(): void {
  if (registered) return;
  const ok = xmlRegisterInputProvider({
    match: (url: string) => {
      if (requestLog.length < 10_000) requestLog.push(url);
      return serving?.lookup(url) !== undefined;
    },
    open: (url: string) => {
      const data = serving?.lookup(url);
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
  registered = true;
}

/** Every URL libxml2 asked the input layer for since the process started (for tests). */
export function inputRequests(): readonly string[] {
  return requestLog;
}

/** A schema compiled by libxml2. */
export class Libxml2Schema {
  /** Use fromDir / fromFile. */
  constructor(
    private readonly validator: XsdValidator,
    private readonly schemaDoc: XmlDocument,
  ) {}

  /** Compile every *.xsd under `dir` (entry as for --schema-dir, or given). Throws SchemaDirError. */
  static fromDir(dir: string, entry?: string): Libxml2Schema {
    const rel = entry ?? schemaDirEntry(dir);
    const source = dirSource(dir);
    // each set gets its own URL space: libxml2 keys what it has read by URL
    const base = `${SCHEME}set${++sets}/`;
    const absolute = source.absoluteRefs();
    return compile(
      {
        lookup: (url) => {
          const loc = url.startsWith(base) ? decodeURIComponent(url.slice(base.length)) : isAbsoluteUri(url) && !url.startsWith(SCHEME) ? absolute.get(url) : undefined;
          const v = loc === undefined ? undefined : source.read(loc);
          return typeof v === 'string' ? new TextEncoder().encode(v) : v;
        },
      },
      base + rel.split('/').map(encodeURIComponent).join('/'),
      (msg) => new SchemaDirError(dir, `schema does not compile: ${msg}`),
    );
  }

  /** Compile a schema file; its includes/imports are read from local disk only. Throws SchemaError. */
  static fromFile(file: string, shown = file): Libxml2Schema {
    const abs = path.resolve(file);
    return compile(
      {
        lookup: (url) => {
          let p: string | undefined;
          if (url.startsWith('file://')) p = decodeURIComponent(new URL(url).pathname);
          else if (!isAbsoluteUri(url)) p = path.resolve(url);
          if (!p) return undefined;
          try {
            return new Uint8Array(fs.readFileSync(p));
          } catch {
            return undefined;
          }
        },
      },
      abs,
      (msg) => new SchemaError(msg.replaceAll(abs, shown), shown),
    );
  }

  /** Validate a document (already known to be well-formed); its schema problems. */
  validate(xml: string | Uint8Array, maxDepth = 256): Problem[] {
    const option = maxDepth > 256 ? PARSE_OPTIONS | ParseOption.XML_PARSE_HUGE : PARSE_OPTIONS;
    let doc: XmlDocument;
    try {
      doc = typeof xml === 'string' ? XmlDocument.fromString(xml, { option }) : XmlDocument.fromBuffer(xml, { option });
    } catch (e) {
      if (!(e instanceof XmlError)) throw e;
      return [{ severity: 'error', rule: 'xml', line: 0, column: 0, path: '', message: `libxml2: ${e.message.trim()}`, messageId: 'xml/libxml2' }];
    }
    try {
      this.validator.validate(doc);
      return [];
    } catch (e) {
      if (!(e instanceof XmlError)) throw e;
      const details: ErrorDetail[] = (e as { details?: ErrorDetail[] }).details ?? [];
      if (!details.length) return [problem(e.message, 0, '/')];
      return details.map((d) => problem(d.message, d.line, elementPath(resolveNodePath(doc, d.xpath))));
    } finally {
      doc.dispose();
    }
  }

  /** Free the wasm memory of the schema. */
  dispose(): void {
    this.validator.dispose();
    this.schemaDoc.dispose();
  }
}

function compile(files: Serving, entryUrl: string, error: (msg: string) => Error): Libxml2Schema {
  ensureProvider();
  const entry = files.lookup(entryUrl);
  if (!entry) throw error(`cannot read ${entryUrl.replace(SCHEME, '')}`);
  let doc: XmlDocument | null = null;
  serving = files;
  try {
    doc = XmlDocument.fromBuffer(entry, { url: entryUrl });
    const validator = XsdValidator.fromDoc(doc);
    return new Libxml2Schema(validator, doc);
  } catch (e) {
    doc?.dispose();
    if (e instanceof XmlError) {
      const details = ((e as { details?: { message: string }[] }).details ?? []).map((d) => d.message.trim().replace(/vmparams-schema:\/\/\/set\d+\//g, '')).filter(Boolean);
      throw error(details.length ? details.slice(0, 3).join('; ') : e.message);
    }
    throw e;
  } finally {
    serving = null;
  }
}

function problem(message: string, line: number, where: string): Problem {
  return { severity: 'error', rule: 'xsd', line: line > 0 ? line : 0, column: 0, path: where, message: message.trim().replace(/\s+/g, ' '), messageId: 'xsd/libxml2' };
}

function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = el.firstChild; c; c = c.next) if (c instanceof XmlElement) out.push(c);
  return out;
}

/** The element libxml2 means by its node path (xmlGetNodePath: `*[n]` for default-namespace steps). */
function resolveNodePath(doc: XmlDocument, xpath: string | undefined): XmlElement | null {
  if (!xpath || !xpath.startsWith('/')) return null;
  let cur: XmlElement | null = null;
  for (const step of xpath.slice(1).split('/')) {
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) return cur;
    const index = m[2] ? Number(m[2]) : 1;
    const candidates: XmlElement[] = cur === null ? [doc.root] : childElements(cur);
    const name = m[1];
    const matching =
      name === '*'
        ? candidates
        : candidates.filter((c) => {
            const i = name.indexOf(':');
            return i > 0 ? c.prefix === name.slice(0, i) && c.name === name.slice(i + 1) : c.name === name && !c.prefix;
          });
    const next = matching[index - 1];
    if (!next) return cur;
    cur = next;
  }
  return cur;
}

/** `/A/B[2]/C` as validate reports paths. */
function elementPath(el: XmlElement | null): string {
  if (!el) return '/';
  const parts: string[] = [];
  for (let cur: XmlElement | null = el; cur; cur = cur.parent) {
    const parent: XmlElement | null = cur.parent;
    if (!parent) {
      parts.push(cur.name);
      break;
    }
    const same = childElements(parent).filter((c) => c.name === cur!.name && c.namespaceUri === cur!.namespaceUri);
    parts.push(same.length > 1 ? `${cur.name}[${same.findIndex((c) => c.isSameNode(cur!)) + 1}]` : cur.name);
  }
  return '/' + parts.reverse().join('/');
}
