/**
 * Run W3C instance tests through the engine: each group's schema documents compiled once (from
 * local files only), each instance read with our reader and validated; a schema the engine refuses
 * (schema error or unsupported) fails every instance test of its group.
 *
 * The suite's expectations assume a processor that follows xsi:schemaLocation hints (some schema
 * documents are named only there). The engine never does (a compiled schema is fixed); this harness
 * reads the hints of each instance and adds the local files they name to the schema documents it
 * compiles, as a test driver of such a processor would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NodeKind } from '../../../src/xml/doc.js';
import { readDocument } from '../../../src/xml/reader.js';
import { compileSet } from '../../../src/xsd/compile.js';
import { absoluteLocation, FileSource } from '../../../src/xsd/load/fs.js';
import { CompiledSchema } from '../../../src/xsd/schema.js';
import type { InstanceTest } from './suite.js';

/** What the engine said about one test. */
export interface Outcome {
  test: InstanceTest;
  /** The verdict, or 'refused' when the schema did not compile. */
  got: 'valid' | 'invalid' | 'refused';
  /** The first problem, or why the schema was refused. */
  reason: string;
}

/** libxml2's score per test set (xmllint 2.9.14 here; ../shared/reference/xsdtests/README.md). */
export const LIBXML2: Readonly<Record<string, [number, number]>> = {
  Particles: [495, 514],
  Wildcards: [99, 119],
  AttributeGroup: [27, 33],
  SimpleType: [89, 99],
  DataTypes: [1172, 1180],
  Regex: [1376, 1386],
  Schema: [23, 28],
  Group: [121, 126],
  Additional: [152, 158],
  Attribute: [109, 113],
  ComplexType: [257, 261],
  Element: [168, 169],
  IdentityConstraint: [217, 219],
  ModelGroups: [206, 207],
  Notations: [2, 3],
  Errata10: [11, 11],
};

/** Run the tests (in order); compiled schemas are shared between the tests of a group. */
export function runTests(tests: readonly InstanceTest[]): Outcome[] {
  const source = new FileSource();
  const schemas = new Map<string, CompiledSchema | string>();
  const compile = (docs: string[]): CompiledSchema | string => {
    const key = docs.join('\n');
    let schema = schemas.get(key);
    if (schema === undefined) {
      try {
        schema = CompiledSchema.from(compileSet(source, docs.map(absoluteLocation)));
      } catch (e) {
        schema = e instanceof Error ? e.message : String(e);
      }
      schemas.set(key, schema);
    }
    return schema;
  };
  return tests.map((test) => {
    let schema = compile(test.schemas);
    // hints count only for namespaces the group's own schema says nothing about
    if (typeof schema !== 'string') {
      const covered = coveredNamespaces(schema);
      const extra = hints(test.instance).filter((h) => !covered.has(h.ns) && !test.schemas.includes(h.file));
      if (extra.length) schema = compile([...test.schemas, ...extra.map((h) => h.file)]);
    }
    if (typeof schema === 'string') return { test, got: 'refused', reason: schema };
    const r = schema.validate(fs.readFileSync(test.instance), { maxDepth: 10_000 });
    return { test, got: r.valid ? 'valid' : 'invalid', reason: r.problems[0] ? `${r.problems[0].line}:${r.problems[0].column} ${r.problems[0].message}` : '' };
  });
}

/** Score per set: [passed, total], in LIBXML2's order then any other set. */
export function scores(outcomes: readonly Outcome[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>(Object.keys(LIBXML2).map((k) => [k, [0, 0]]));
  for (const o of outcomes) {
    const s = out.get(o.test.set) ?? [0, 0];
    s[1]++;
    if (o.got === o.test.expected) s[0]++;
    out.set(o.test.set, s);
  }
  return out;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Namespaces in which a compiled schema has global elements, attributes or types. */
function coveredNamespaces(s: CompiledSchema): Set<string | null> {
  const rt = s.tables;
  const out = new Set<string | null>();
  rt.globalElem.forEach((e, sym) => e >= 0 && out.add(rt.ns[rt.symNs[sym]]));
  rt.globalAttr.forEach((a, sym) => a >= 0 && out.add(rt.ns[rt.symNs[sym]]));
  for (const [key] of rt.globalType) if (!key.startsWith('{http://www.w3.org/2001/XMLSchema}')) out.add(key.startsWith('{') ? key.slice(1, key.indexOf('}')) : null);
  return out;
}

/** Local schema files named by xsi:schemaLocation / xsi:noNamespaceSchemaLocation in an instance, with the namespace each is for. */
function hints(instance: string): { ns: string | null; file: string }[] {
  let doc;
  try {
    doc = readDocument(fs.readFileSync(instance), { maxDepth: 10_000 });
  } catch {
    return [];
  }
  const out: { ns: string | null; file: string }[] = [];
  for (let n = 1; n < doc.count; n++) {
    if (doc.kinds[n] !== NodeKind.Element || !doc.attrLen[n]) continue;
    const pairs = doc.attr(n, 'schemaLocation', XSI)?.trim().split(/\s+/) ?? [];
    const locations: [string | null, string][] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) locations.push([pairs[i], pairs[i + 1]]);
    const none = doc.attr(n, 'noNamespaceSchemaLocation', XSI)?.trim();
    if (none) locations.push([null, none]);
    for (const [ns, loc] of locations) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(loc)) continue;
      const file = path.resolve(path.dirname(instance), decodeURIComponent(loc));
      if (fs.existsSync(file) && fs.statSync(file).isFile() && /<(\w+:)?schema\b/.test(fs.readFileSync(file, 'utf8').slice(0, 4096)) && !out.some((o) => o.file === file)) out.push({ ns, file });
    }
  }
  return out;
}
