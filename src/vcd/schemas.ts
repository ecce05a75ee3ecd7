/**
 * Downloading a server's schema set for offline `validate --schema-dir` (vcd-api-facts.md §7):
 * `GET /api/v1.5/schema/master.xsd`, then every `xs:include`/`xs:import`/`xs:redefine` schemaLocation
 * (the real elements only: xml.xsd quotes `<import ...>` inside its documentation) resolved against
 * the file's URL and fetched from the same server. Files keep their URL paths below DIR, so relative
 * locations still resolve; when master.xsd does not land on DIR/master.xsd, a one-line entry schema
 * that includes it is written there. Imports that point off the server (the DMTF OVF/CIM schemas,
 * w3.org's xml.xsd) are filled from the bundled `xsd/` files of those namespaces, under DIR/bundled/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtomicWriteError, writeFileAtomic } from '../cli/atomic-write.js';
import { VcdError } from './errors.js';
import { attr, kids, readAnswer } from './xml.js';

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const ENTRY = '/api/v1.5/schema/master.xsd';
const MAX_FILES = 500;

/**
 * The bundled schema for each namespace a cell imports from elsewhere, and the official location of
 * that schema (the URLs the Cloud Director schemas import; the OASIS catalog in xsd/catalog.xml).
 */
const BUNDLED: Record<string, { file: string; url: string }> = {
  'http://schemas.dmtf.org/ovf/envelope/1': { file: 'ovf.xsd', url: 'http://schemas.dmtf.org/ovf/envelope/1/dsp8023_1.1.0.xsd' },
  'http://schemas.dmtf.org/ovf/environment/1': { file: 'ovfenv.xsd', url: 'http://schemas.dmtf.org/ovf/environment/1/dsp8027_1.1.0.xsd' },
  'http://schemas.dmtf.org/wbem/wscim/1/common': { file: 'cim-common.xsd', url: 'http://schemas.dmtf.org/wbem/wscim/1/common.xsd' },
  'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData': { file: 'rasd.xsd', url: 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2.22.0/CIM_ResourceAllocationSettingData.xsd' },
  'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData': { file: 'vssd.xsd', url: 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2.22.0/CIM_VirtualSystemSettingData.xsd' },
  'http://www.w3.org/XML/1998/namespace': { file: 'xml.xsd', url: 'http://www.w3.org/2001/xml.xsd' },
};
const BUNDLED_BY_FILE = new Map(Object.values(BUNDLED).map((b) => [b.file, b.url]));
/** Where a bundled file goes in DIR: its official file name under bundled/, so validate maps the official URL to it by name. */
const placeOfBundled = (file: string) => `bundled/${BUNDLED_BY_FILE.get(file)!.split('/').pop()!}`;

/** What `schemas` did. */
export interface SchemasReport {
  /** The directory written. */
  dir: string;
  /** The entry to pass to validate: DIR/master.xsd. */
  entry: string;
  /** Files downloaded: URL -> path relative to DIR. */
  downloaded: { url: string; file: string }[];
  /** Off-server imports filled from the bundled set: the URL asked for, its namespace, the file written (relative to DIR), the bundled file it came from. */
  bundled: { url: string; namespace: string; file: string; from: string }[];
}

/** A schema reference of an XSD: kind, namespace (imports), location. */
function references(text: string, from: string): { namespace?: string; location: string }[] {
  const root = readAnswer(text);
  if (!root || root.name !== 'schema' || root.ns !== XSD_NS) throw new VcdError('protocol', `${from} is not an XML Schema document`);
  return kids(root)
    .filter((el) => el.ns === XSD_NS && (el.name === 'include' || el.name === 'import' || el.name === 'redefine' || el.name === 'override'))
    .flatMap((el) => {
      const location = attr(el, 'schemaLocation')?.trim();
      const namespace = attr(el, 'namespace');
      return location ? [{ location, ...(namespace !== undefined ? { namespace } : {}) }] : [];
    });
}

/** The bundled xsd/ folder of the package. */
function bundledDir(): string {
  return fileURLToPath(new URL('../../xsd/', import.meta.url));
}

/** The directory part of a URL path ('/a/b/c.xsd' -> '/a/b/'). */
const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);

/** Longest common directory of URL paths. */
function commonDir(paths: string[]): string {
  let common = dirOf(paths[0] ?? '/');
  for (const p of paths) while (!p.startsWith(common)) common = dirOf(common.slice(0, -1));
  return common;
}

/** The bundled files `file` needs (its relative imports), transitively. */
function bundledClosure(file: string, dir: string, into: Set<string>): void {
  if (into.has(file)) return;
  into.add(file);
  for (const ref of references(fs.readFileSync(path.join(dir, file), 'utf8'), `xsd/${file}`)) {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(ref.location)) bundledClosure(path.posix.normalize(ref.location), dir, into);
  }
}

/** Reads a URL on the server: status and body. */
export type Fetch = (href: string) => Promise<{ status: number; body: string }>;

/** Download the schema set of `server` into `outDir`. Throws VcdError. */
export async function downloadSchemas(get: Fetch, server: URL, outDir: string, loggedIn = true): Promise<SchemasReport> {
  const files = new Map<string, string>(); // URL path -> text
  const bundled = new Map<string, { url: string; namespace: string; file: string }>();
  const queue = [new URL(ENTRY, server.origin)];
  const queued = new Set([queue[0]!.pathname]);
  while (queue.length > 0) {
    const url = queue.shift()!;
    const res = await get(url.pathname);
    if (res.status !== 200) {
      const hint = res.status === 401 && !loggedIn ? ' (the server wants a login for it: give --org with --user or --token)' : '';
      throw new VcdError('http', `GET ${url.pathname}: HTTP ${res.status}${hint}`, { status: res.status });
    }
    files.set(url.pathname, res.body);
    for (const ref of references(res.body, url.pathname)) {
      const target = new URL(ref.location, url);
      if (target.origin === server.origin || !/^[a-z][a-z0-9+.-]*:/i.test(ref.location)) {
        if (!target.pathname.toLowerCase().endsWith('.xsd')) throw new VcdError('protocol', `${url.pathname} refers to ${ref.location}, which is not an .xsd file`);
        if (queued.has(target.pathname)) continue;
        if (queued.size >= MAX_FILES) throw new VcdError('protocol', `the schema set has more than ${MAX_FILES} files`);
        queued.add(target.pathname);
        queue.push(target);
      } else if (!bundled.has(target.href)) {
        const b = ref.namespace !== undefined ? BUNDLED[ref.namespace] : undefined;
        if (!b) throw new VcdError('protocol', `${url.pathname} imports ${target.href}${ref.namespace ? ` (namespace ${ref.namespace})` : ''}, which is neither on the server nor bundled with vmparams`);
        bundled.set(target.href, { url: target.href, namespace: ref.namespace!, file: b.file });
      }
    }
  }

  const root = commonDir([...files.keys()]);
  const downloaded = [...files.keys()].map((p) => ({ url: new URL(p, server.origin).href, file: decodeURIComponent(p.slice(root.length)) }));
  for (const d of downloaded) if (d.file.split('/').some((s) => s === '..' || s === '') || path.isAbsolute(d.file)) throw new VcdError('protocol', `unsafe schema path ${d.url}`);
  const write = async (rel: string, text: string | Buffer) => {
    const abs = path.join(outDir, ...rel.split('/'));
    try {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      await writeFileAtomic(abs, text);
    } catch (e) {
      if (e instanceof AtomicWriteError) throw new VcdError('usage', e.message, { cause: e });
      throw new VcdError('usage', `cannot write ${abs}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  };
  for (const d of downloaded) await write(d.file, files.get(new URL(d.url).pathname)!);

  if (bundled.size > 0) {
    const from = bundledDir();
    const needed = new Set<string>();
    for (const b of bundled.values()) bundledClosure(b.file, from, needed);
    for (const f of needed) {
      // The copy is loaded under its official URL (the one the server's files import), so its own
      // relative imports would resolve against dmtf.org: they are pointed at the official URLs too.
      const text = fs.readFileSync(path.join(from, f), 'utf8').replace(/(schemaLocation\s*=\s*")([\w.-]+\.xsd)(")/g, (m, a: string, loc: string, z: string) => (BUNDLED_BY_FILE.has(loc) ? `${a}${BUNDLED_BY_FILE.get(loc)}${z}` : m));
      await write(placeOfBundled(f), text);
    }
  }
  const entryRel = decodeURIComponent(ENTRY.slice(root.length));
  if (entryRel !== 'master.xsd') {
    // validate --schema-dir looks for DIR/master.xsd: include the server's entry from there (same namespace).
    const tns = readAnswer(files.get(ENTRY)!)?.attrs.find((a) => a.name === 'targetNamespace')?.value;
    await write('master.xsd', `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Written by vmparams vcd schemas: the entry of the set, ${entryRel} as downloaded. -->\n<xs:schema xmlns:xs="${XSD_NS}"${tns ? ` targetNamespace="${tns}"` : ''} elementFormDefault="qualified">\n  <xs:include schemaLocation="${entryRel}"/>\n</xs:schema>\n`);
  }
  return { dir: outDir, entry: path.join(outDir, 'master.xsd'), downloaded, bundled: [...bundled.values()].map((b) => ({ ...b, file: placeOfBundled(b.file), from: `xsd/${b.file}` })) };
}
