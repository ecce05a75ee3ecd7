/**
 * The schema step of validate: which compiled schema checks a request (the bundled set, compiled at
 * build time, or a --schema-dir set compiled on first use by xsd-dir.ts, the Node-only part), and
 * the reference engine (libxml2-wasm) behind `engine: 'libxml2'`, loaded only when asked for.
 */
import type { Problem } from './problem.js';
import type { XmlDoc } from '../xml/doc.js';
import { bundledSchema } from '../xsd/bundled.js';
import type { CompiledSchema } from '../xsd/schema.js';
import { VCD_HINTS } from './xsd-hints.js';

export { SchemaDirError } from '../xsd/errors.js';
export { NAMESPACE_LABELS, REQUEST_ROOTS, HINT_MESSAGES, VCD_HINTS } from './xsd-hints.js';

/** Which XSD engine checks documents: vmparams' own (default) or libxml2-wasm (the reference). */
export type XsdEngine = 'vmparams' | 'libxml2';

/** Compiles a schema directory (registered by xsd-dir.ts, which needs node:fs). */
type DirLoader = (dir: string) => CompiledSchema;
let dirLoader: DirLoader | null = null;

/** Reference-engine checker of a document's bytes for a schema directory (registered by xsd-libxml2.ts). */
type Reference = (xml: string | Uint8Array, schemaDir: string | undefined, maxDepth: number | undefined) => Problem[];
let reference: Reference | null = null;

/** Used by xsd-dir.ts when it is imported. */
export function registerSchemaDirLoader(fn: DirLoader): void {
  dirLoader = fn;
}

/** Used by xsd-libxml2.ts when it is imported. */
export function registerReferenceEngine(fn: Reference): void {
  reference = fn;
}

/** Load what the options need that is not on the default path (async: dynamic imports). */
export async function prepareSchema(opts: { schemaDir?: string; engine?: XsdEngine }): Promise<void> {
  if (opts.schemaDir !== undefined && !dirLoader) await import('./xsd-dir.js');
  if (opts.engine === 'libxml2' && !reference) await import('./xsd-libxml2.js');
}

/** The compiled schema for the options (the bundled set unless schemaDir). Throws SchemaDirError. */
export function schemaFor(schemaDir: string | undefined): CompiledSchema {
  if (schemaDir === undefined) return bundledSchema();
  if (!dirLoader) throw new Error('schemaDir needs the Node.js part of vmparams: use validate() (async), or import vmparams');
  return dirLoader(schemaDir);
}

/** Schema problems of a document already read into `tree` (its bytes/text `xml` for the reference engine). */
export function checkSchemaTree(tree: XmlDoc, xml: string | Uint8Array, opts: { schemaDir?: string; engine?: XsdEngine; maxDepth?: number }): Problem[] {
  if (opts.engine === 'libxml2') {
    if (!reference) throw new Error("engine 'libxml2' is loaded on demand: use validate() (async), or await prepareSchema({ engine: 'libxml2' }) first");
    return placed(tree, reference(xml, opts.schemaDir, opts.maxDepth));
  }
  return schemaFor(opts.schemaDir).validateTree(tree, { hints: VCD_HINTS });
}

/** libxml2 gives a line and an element path: put such a problem at the element's start tag in our tree. */
function placed(tree: XmlDoc, problems: Problem[]): Problem[] {
  const wanted = problems.filter((p) => p.column === 0 && p.path.length > 1);
  if (!wanted.length) return problems;
  const byPath = new Map<string, number>();
  for (let n = 1; n < tree.count; n++) if (tree.isElement(n)) byPath.set(tree.path(n), n);
  for (const p of wanted) {
    const n = byPath.get(p.path);
    if (n === undefined) continue;
    const { line, column } = tree.position(tree.starts[n]);
    p.line = line;
    p.column = column;
  }
  return problems;
}
