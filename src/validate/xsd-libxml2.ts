/**
 * `engine: 'libxml2'` for validate: the reference engine (src/xsd/reference/libxml2.ts) on the
 * bundled set or a --schema-dir, compiled once per process. Importing this module loads
 * libxml2-wasm and registers it with xsd.ts; validate() does that itself when asked.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Libxml2Schema } from '../xsd/reference/libxml2.js';
import { registerReferenceEngine } from './xsd.js';

const cache = new Map<string, Libxml2Schema>();

/** The bundled xsd/ folder (two levels above src/validate or dist/validate). */
export function bundledSchemaDir(): string {
  return fileURLToPath(new URL('../../xsd/', import.meta.url));
}

/** The libxml2-compiled set for a directory (bundled when undefined). Throws SchemaDirError. */
export function libxml2Schema(schemaDir: string | undefined): Libxml2Schema {
  const dir = path.resolve(schemaDir ?? bundledSchemaDir());
  let s = cache.get(dir);
  if (!s) {
    s = Libxml2Schema.fromDir(dir);
    cache.set(dir, s);
  }
  return s;
}

registerReferenceEngine((xml, schemaDir, maxDepth) => libxml2Schema(schemaDir).validate(xml, maxDepth));
