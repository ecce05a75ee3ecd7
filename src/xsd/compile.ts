/**
 * The schema compiler, without any file access: a SchemaSource (in-memory files, or load/fs.ts on
 * Node) -> loaded documents -> components -> compiled tables. Throws SchemaError (not a valid XSD
 * 1.0 schema) or UnsupportedError (a construct this engine does not implement).
 */
import type { RtSchema } from './compiled.js';
import { loadSchemaSet, type LoadedSet, type SchemaDoc, type UnresolvedRef } from './load/loader.js';
import { MapSource, type SchemaSource } from './load/source.js';
import { XML_NS_LOCATION, XML_NS_SCHEMA } from './load/xml-ns.js';
import { lower } from './lower.js';
import { XML_NS } from './names.js';
import { buildComponents } from './parse/index.js';

/** A source that adds the built-in xml namespace schema. */
class WithXmlNs implements SchemaSource {
  constructor(private readonly inner: SchemaSource) {}
  read(location: string) {
    return location === XML_NS_LOCATION ? XML_NS_SCHEMA : this.inner.read(location);
  }
  resolve(ref: string, base: string, ns: string | null) {
    return this.inner.resolve(ref, base, ns) ?? (ns === XML_NS ? XML_NS_LOCATION : undefined);
  }
  display(location: string) {
    return location === XML_NS_LOCATION ? 'xml.xsd (built in)' : this.inner.display(location);
  }
}

/** A compiled schema set: its tables, and the schemaLocations that could not be read (CompiledSchema.from keeps both). */
export interface CompiledSet {
  tables: RtSchema;
  unresolved: UnresolvedRef[];
}

/** Compile the schema set whose entry document is `entry` in `source` (several entries: one set of all of them). */
export function compileSet(source: SchemaSource, entry: string | readonly string[]): CompiledSet {
  const src = new WithXmlNs(source);
  const entries = typeof entry === 'string' ? [entry] : entry;
  const set = loadSchemaSet(src, entries[0]);
  for (const more of entries.slice(1)) mergeInto(set, loadSchemaSet(src, more));
  if (set.needsXmlNs && !set.docs.some((d) => d.tns === XML_NS)) {
    // an import of the xml namespace without a readable schemaLocation: use the built-in one
    mergeInto(set, loadSchemaSet(src, XML_NS_LOCATION));
  }
  return { tables: lower(buildComponents(set)), unresolved: set.unresolved };
}

/** Add the documents of `more` that `set` does not have yet. */
function mergeInto(set: LoadedSet, more: LoadedSet): void {
  const have = new Set(set.docs.map((d) => `${d.location}\u0000${d.tns ?? ''}`));
  const map = new Map<SchemaDoc, SchemaDoc>();
  for (const d of more.docs) {
    const key = `${d.location}\u0000${d.tns ?? ''}`;
    if (have.has(key)) {
      map.set(d, set.docs.find((x) => `${x.location}\u0000${x.tns ?? ''}` === key)!);
      continue;
    }
    have.add(key);
    d.id = set.docs.length;
    set.docs.push(d);
    map.set(d, d);
  }
  for (const r of more.redefines) if (map.get(r.doc) === r.doc) set.redefines.push(r);
  set.unresolved.push(...more.unresolved);
  set.needsXmlNs ||= more.needsXmlNs;
}

/** Compile from in-memory files (path -> text or bytes); `entry` is one of the paths. */
export function compileFiles(files: Record<string, string | Uint8Array> | Map<string, string | Uint8Array>, entry: string): CompiledSet {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const source = new MapSource(entries);
  const loc = source.resolve(entry, '', null);
  if (loc === undefined) throw new Error(`compileSchema: the entry '${entry}' is not one of the files given`);
  return compileSet(source, loc);
}
