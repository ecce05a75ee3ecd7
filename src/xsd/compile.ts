/**
 * The schema compiler, without any file access: a SchemaSource (in-memory files, or load/fs.ts on
 * Node) -> loaded documents -> components -> compiled tables. Throws SchemaError (not a valid XSD
 * 1.0 schema) or UnsupportedError (a construct this engine does not implement).
 */
import type { RtSchema } from './compiled.js';
import { loadSchemaSet } from './load/loader.js';
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

/** Compile the schema set whose entry document is `entry` in `source`. */
export function compileSource(source: SchemaSource, entry: string): RtSchema {
  const src = new WithXmlNs(source);
  const set = loadSchemaSet(src, entry);
  if (set.needsXmlNs && !set.docs.some((d) => d.tns === XML_NS)) {
    // an import of the xml namespace without a readable schemaLocation: use the built-in one
    const extra = loadSchemaSet(src, XML_NS_LOCATION);
    for (const d of extra.docs) {
      d.id = set.docs.length;
      set.docs.push(d);
    }
  }
  return lower(buildComponents(set));
}

/** Compile from in-memory files (path -> text or bytes); `entry` is one of the paths. */
export function compileFiles(files: Record<string, string | Uint8Array> | Map<string, string | Uint8Array>, entry: string): RtSchema {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const source = new MapSource(entries);
  const loc = source.resolve(entry, '', null);
  if (loc === undefined) throw new Error(`compileSchema: the entry '${entry}' is not one of the files given`);
  return compileSource(source, loc);
}
