/**
 * Loader for the OFFICIAL vCloud Director request schemas (vcd-api-schemas 10.2.2) kept outside the project in
 * ../shared/reference. Tests use it as an independent oracle: the project's own bundled XSDs must never be
 * involved, so this module serves only files read from the reference tree, from memory, and maps the absolute
 * schemaLocation URLs (DMTF OVF/CIM, VMware OVF, W3C xml.xsd) to local files exactly as the reference
 * catalog.xml says (the same mapping `XML_CATALOG_FILES=catalog.xml xmllint --nonet` uses).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ParseOption,
  XmlDocument,
  XmlElement,
  XmlValidateError,
  XsdValidator,
  xmlRegisterInputProvider,
  type XmlInputProvider,
} from 'libxml2-wasm';

/** Repository root (this file lives in test/helpers/). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared reference directory, a sibling of the repository root; absent on a fresh clone. */
export const REFERENCE_DIR = resolve(repoRoot, '..', 'shared', 'reference');

/** Root of the unmodified official schema tree (vcd-api-schemas `etc/`). */
const SCHEMA_ROOT = join(REFERENCE_DIR, 'vcd-api-schemas', 'etc');
/** Entry point that includes every vCloud schema, as in the documented xmllint recipe. */
const MASTER_XSD = join(SCHEMA_ROOT, '1.5', 'schemas', 'master', 'master.xsd');
/** OASIS catalog mapping absolute schemaLocation URLs to files under SCHEMA_ROOT. */
const CATALOG = join(REFERENCE_DIR, 'catalog.xml');

/** Why the official schemas cannot be used here, or undefined when they can. */
export function officialSchemaUnavailableReason(): string | undefined {
  for (const p of [MASTER_XSD, CATALOG]) {
    if (!existsSync(p)) return `official schema reference not found (${p} is missing)`;
  }
  return undefined;
}

/** Result of validating one document against the official schema set. */
export type OfficialVerdict = { valid: boolean; errors: string[] };

/** Every .xsd file below `dir`, keyed by absolute path. */
function readSchemaFiles(dir: string, into: Map<string, Uint8Array>): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) readSchemaFiles(full, into);
    else if (name.endsWith('.xsd')) into.set(full, readFileSync(full));
  }
}

/**
 * Absolute URL -> file path pairs from the catalog's `system`/`uri` entries, honouring the group's xml:base.
 * Parsed with libxml2 itself so the mapping follows the catalog file rather than a hard-coded copy of it.
 */
function readCatalog(): Map<string, string> {
  const map = new Map<string, string>();
  const doc = XmlDocument.fromBuffer(readFileSync(CATALOG), { option: ParseOption.XML_PARSE_NONET });
  try {
    const ns = { c: 'urn:oasis:names:tc:entity:xmlns:xml:catalog' };
    for (const node of doc.find('//c:system | //c:uri', ns)) {
      if (!(node instanceof XmlElement)) continue;
      const el = node;
      const key = el.attr('systemId')?.value ?? el.attr('name')?.value;
      const target = el.attr('uri')?.value;
      if (!key || !target) continue;
      // xml:base lives on the enclosing <group>; libxml2 exposes it under the prefixed name.
      const group = el.parent;
      const base = group?.attr('base', 'xml')?.value ?? '';
      map.set(key, resolve(dirname(CATALOG), base, target));
    }
  } finally {
    doc.dispose();
  }
  return map;
}

/** Normalizes the names libxml2 asks for (plain paths, file: URLs, absolute http URLs). */
function normalizeName(name: string): string {
  if (name.startsWith('file://')) name = decodeURIComponent(name.slice('file://'.length));
  if (name.startsWith('/')) return posix.normalize(name);
  return name;
}

/**
 * In-memory input provider serving only the official files. It answers only while `active` is set (during schema
 * compilation), so it never shadows another provider (e.g. the project's bundled XSDs) at other times.
 */
class OfficialFiles implements XmlInputProvider {
  active = false;
  private readonly open_ = new Map<number, { data: Uint8Array; pos: number }>();
  private nextFd = 1;
  constructor(private readonly files: Map<string, Uint8Array>) {}
  match(filename: string): boolean {
    return this.active && this.files.has(normalizeName(filename));
  }
  open(filename: string): number | undefined {
    const data = this.files.get(normalizeName(filename));
    if (!data) return undefined;
    const fd = this.nextFd++;
    this.open_.set(fd, { data, pos: 0 });
    return fd;
  }
  read(fd: number, buffer: Uint8Array): number {
    const f = this.open_.get(fd);
    if (!f) return -1;
    const n = Math.min(buffer.length, f.data.length - f.pos);
    buffer.set(f.data.subarray(f.pos, f.pos + n));
    f.pos += n;
    return n;
  }
  close(fd: number): boolean {
    return this.open_.delete(fd);
  }
}

/** Builds the validator once; the schema document is kept for the validator's (process) lifetime. */
async function build(): Promise<(xml: string) => OfficialVerdict> {
  const reason = officialSchemaUnavailableReason();
  if (reason) throw new Error(reason);

  const files = new Map<string, Uint8Array>();
  readSchemaFiles(SCHEMA_ROOT, files);
  for (const [url, path] of readCatalog()) {
    const data = files.get(path);
    if (!data) throw new Error(`catalog entry ${url} points at ${path}, which is not an official schema file`);
    files.set(url, data);
  }

  const provider = new OfficialFiles(files);
  if (!xmlRegisterInputProvider(provider)) throw new Error('libxml2 refused the input provider');
  provider.active = true;
  let schemaDoc: XmlDocument | undefined;
  let validator: XsdValidator;
  try {
    schemaDoc = XmlDocument.fromBuffer(files.get(MASTER_XSD)!, {
      url: MASTER_XSD,
      option: ParseOption.XML_PARSE_NONET,
    });
    validator = XsdValidator.fromDoc(schemaDoc);
  } catch (e) {
    schemaDoc?.dispose();
    throw e;
  } finally {
    provider.active = false;
  }

  return (xml: string): OfficialVerdict => {
    let doc: XmlDocument;
    try {
      // NONET: never fetch anything for the instance document (external entities, DTDs).
      doc = XmlDocument.fromString(xml, { option: ParseOption.XML_PARSE_NONET });
    } catch (e) {
      return { valid: false, errors: [`not well-formed: ${describe(e)}`] };
    }
    try {
      validator.validate(doc);
      return { valid: true, errors: [] };
    } catch (e) {
      if (e instanceof XmlValidateError) {
        return { valid: false, errors: e.details.map((d) => `L${d.line ?? '?'}: ${d.message.trim()}`) };
      }
      return { valid: false, errors: [describe(e)] };
    } finally {
      doc.dispose();
    }
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message.trim() : String(e);
}

let cached: Promise<(xml: string) => OfficialVerdict> | undefined;

/**
 * Validator against the official vCloud Director 10.2.2 schema set (master.xsd plus its imports), for tests.
 * Rejects when ../shared/reference is missing; call officialSchemaUnavailableReason() first to skip instead.
 */
export function officialValidator(): Promise<(xml: string) => OfficialVerdict> {
  cached ??= build();
  return cached;
}
