/**
 * Reading a schema set: the entry document and everything it includes, imports and redefines
 * (XSD 1.0 Part 1 §4.2), each read with the same reader as instance documents. A no-namespace
 * document included into a namespace takes that namespace (chameleon include, §4.2.1); the same
 * document reached twice with the same namespace is read once. xsi:schemaLocation in instances is
 * never looked at: the set is fixed when it is compiled.
 */
import type { XmlDoc } from '../../xml/doc.js';
import { XmlInputError } from '../../xml/errors.js';
import { readDocument } from '../../xml/reader.js';
import { SchemaError, UnsupportedError } from '../errors.js';
import { Flag, XML_NS, XSD_NS } from '../names.js';
import type { SchemaSource } from './source.js';

/** One schema document as the compiler sees it. */
export interface SchemaDoc {
  /** Position in LoadedSet.docs. */
  id: number;
  location: string;
  /** The location as shown in messages. */
  file: string;
  doc: XmlDoc;
  /** The xs:schema element. */
  root: number;
  /** Effective target namespace (a chameleon document takes its includer's). */
  tns: string | null;
  /** No targetNamespace of its own but included into one: unqualified references mean tns. */
  chameleon: boolean;
  elementQualified: boolean;
  attributeQualified: boolean;
  /** blockDefault / finalDefault as Flag bits. */
  blockDefault: number;
  finalDefault: number;
}

/** An xs:redefine: the document it sits in and its element. */
export interface RedefineRef {
  doc: SchemaDoc;
  node: number;
  /** The documents the redefine pulled in (the redefined one and what it includes). */
  targets: SchemaDoc[];
}

/**
 * A schemaLocation that could not be read locally. Not an error by the spec (XSD 1.0 Part 1 §4.2.1-4.2.3:
 * the composition is then skipped), but the definitions it would have brought are missing: the CLI
 * warns, and a reference to one of them fails naming this place.
 */
export interface UnresolvedRef {
  /** The schema document and line of the xs:include / xs:import / xs:redefine. */
  file: string;
  line: number;
  what: 'include' | 'import' | 'redefine';
  /** The schemaLocation as written. */
  ref: string;
  /** The namespace the definitions were to be in. */
  ns: string | null;
}

/** The documents of a schema set. */
export interface LoadedSet {
  docs: SchemaDoc[];
  redefines: RedefineRef[];
  /** Includes, imports and redefines whose schemaLocation could not be read locally (CompiledSchema.unresolved). */
  unresolved: UnresolvedRef[];
  /** True when the set needs the built-in schema for the xml namespace (xml:lang, xml:space, ...). */
  needsXmlNs: boolean;
}

/** Line of a node in its schema document. */
export function lineOf(d: SchemaDoc, node: number): number {
  return d.doc.position(d.doc.starts[node]).line;
}

/** Parse a block/final attribute value (`#all` or a list) into Flag bits. */
export function parseFlags(value: string | undefined, allowed: number, d: SchemaDoc, node: number, what: string): number {
  if (value === undefined) return 0;
  const v = value.trim();
  if (v === '#all') return allowed;
  let bits = 0;
  const names: Record<string, number> = { extension: Flag.Extension, restriction: Flag.Restriction, substitution: Flag.Substitution, list: Flag.List, union: Flag.Union };
  for (const t of v.split(/\s+/).filter(Boolean)) {
    const b = names[t];
    if (b === undefined || !(b & allowed)) throw new SchemaError(`${what}="${value}": '${t}' is not allowed here`, d.file, lineOf(d, node));
    bits |= b;
  }
  return bits;
}

/** XSD 1.1 elements this XSD 1.0 engine refuses with a clear message. */
const XSD11 = new Set(['override', 'assert', 'assertion', 'alternative', 'openContent', 'defaultOpenContent']);

/** Read the schema set rooted at `entry` (a location of `source`). Throws SchemaError / UnsupportedError. */
export function loadSchemaSet(source: SchemaSource, entry: string): LoadedSet {
  const set: LoadedSet = { docs: [], redefines: [], unresolved: [], needsXmlNs: false };
  const seen = new Map<string, SchemaDoc>();

  const open = (location: string, from: { d: SchemaDoc; node: number } | null, tnsFor: string | null | undefined): SchemaDoc => {
    const data = source.read(location);
    const file = source.display(location);
    if (data === undefined) throw new SchemaError(`cannot read schema ${file}`, from?.d.file ?? file, from ? lineOf(from.d, from.node) : 0);
    let doc: XmlDoc;
    try {
      doc = readDocument(data, { maxDepth: 10_000 });
    } catch (e) {
      if (e instanceof XmlInputError) throw new SchemaError(`not well-formed XML: ${e.message}`, file, e.line);
      throw e;
    }
    const root = doc.root;
    if (doc.ns(root) !== XSD_NS || doc.local(root) !== 'schema') {
      throw new SchemaError(`the root element is <${doc.qname(root)}>, not <xs:schema> in ${XSD_NS}`, file, doc.position(doc.starts[root]).line);
    }
    const own = doc.attr(root, 'targetNamespace');
    if (own === '') throw new SchemaError('targetNamespace="" is not allowed; leave the attribute out for no namespace', file, doc.position(doc.starts[root]).line);
    const chameleon = own === undefined && tnsFor !== undefined && tnsFor !== null;
    const tns = own ?? (chameleon ? tnsFor! : null);
    const key = `${location}\u0000${tns ?? ''}`;
    const hit = seen.get(key);
    if (hit) return hit;
    const d: SchemaDoc = {
      id: set.docs.length,
      location,
      file,
      doc,
      root,
      tns,
      chameleon,
      elementQualified: doc.attr(root, 'elementFormDefault')?.trim() === 'qualified',
      attributeQualified: doc.attr(root, 'attributeFormDefault')?.trim() === 'qualified',
      blockDefault: 0,
      finalDefault: 0,
    };
    d.blockDefault = parseFlags(doc.attr(root, 'blockDefault'), Flag.Extension | Flag.Restriction | Flag.Substitution, d, root, 'blockDefault');
    d.finalDefault = parseFlags(doc.attr(root, 'finalDefault'), Flag.Extension | Flag.Restriction | Flag.List | Flag.Union, d, root, 'finalDefault');
    seen.set(key, d);
    set.docs.push(d);
    composition(d);
    return d;
  };

  const composition = (d: SchemaDoc): void => {
    const { doc } = d;
    for (let c = doc.firsts[d.root]; c !== -1; c = doc.nexts[c]) {
      if (!doc.isElement(c) || doc.ns(c) !== XSD_NS) continue;
      const local = doc.local(c);
      if (XSD11.has(local)) throw new UnsupportedError(`xs:${local} (XSD 1.1)`, d.file, lineOf(d, c));
      if (local !== 'include' && local !== 'import' && local !== 'redefine') continue;
      const ref = doc.attr(c, 'schemaLocation');
      if (local === 'import') {
        const ns = doc.attr(c, 'namespace') ?? null;
        if (ns === d.tns) {
          const why = ns === null ? 'an import without namespace= in a schema without a targetNamespace' : `an import of the schema's own namespace ${ns}`;
          throw new SchemaError(`${why} is not allowed (use xs:include)`, d.file, lineOf(d, c));
        }
        if (ref === undefined) {
          if (ns === XML_NS) set.needsXmlNs = true;
          continue;
        }
        const loc = source.resolve(ref, d.location, ns);
        if (loc === undefined) {
          if (ns === XML_NS) set.needsXmlNs = true;
          else set.unresolved.push({ file: d.file, line: lineOf(d, c), what: 'import', ref, ns });
          continue;
        }
        const before = set.docs.length;
        const t = open(loc, { d, node: c }, undefined);
        if (set.docs.length > before && t.tns !== ns) {
          throw new SchemaError(`imported ${t.file} has targetNamespace ${t.tns ?? '(none)'}, but the import asks for ${ns ?? 'no namespace'}`, d.file, lineOf(d, c));
        }
        if (ns === XML_NS && t.tns === XML_NS) continue;
        continue;
      }
      if (ref === undefined) throw new SchemaError(`xs:${local} needs a schemaLocation`, d.file, lineOf(d, c));
      const loc = source.resolve(ref, d.location, d.tns) ?? (d.tns !== null ? source.resolve(ref, d.location, null) : undefined);
      if (loc === undefined) {
        // like an include that cannot be read, not an error in itself (§4.2.2); a redefinition of a
        // component it should have defined fails later, naming the missing definition
        set.unresolved.push({ file: d.file, line: lineOf(d, c), what: local, ref, ns: d.tns });
        continue;
      }
      const before = set.docs.length;
      const t = open(loc, { d, node: c }, d.tns);
      if (t.tns !== d.tns) {
        throw new SchemaError(`${local}d ${t.file} has targetNamespace ${t.tns ?? '(none)'}, not ${d.tns ?? 'none'} like the including schema`, d.file, lineOf(d, c));
      }
      if (local === 'redefine') set.redefines.push({ doc: d, node: c, targets: set.docs.slice(before).length ? set.docs.slice(before) : [t] });
    }
  };

  open(entry, null, undefined);
  return set;
}
