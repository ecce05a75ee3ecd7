/**
 * --schema-dir for validate (Node only: reads the directory with node:fs). The set is compiled by
 * the same compiler as the bundled one, once per process and directory, its result kept between runs
 * (schema-cache.ts). Importing this module registers it with xsd.ts; validate() does that itself
 * when it is given a schemaDir.
 */
import path from 'node:path';
import { compileSet } from '../xsd/compile.js';
import { SchemaDirError, SchemaError, UnsupportedError } from '../xsd/errors.js';
import { dirSource, schemaDirEntry } from '../xsd/load/fs.js';
import { CompiledSchema } from '../xsd/schema.js';
import { cachedCompile } from './schema-cache.js';
import { registerSchemaDirLoader } from './xsd.js';

const cache = new Map<string, CompiledSchema>();

/** Compile (once per process) the schema set in `dir`. Throws SchemaDirError. */
export function loadSchemaDir(dir: string): CompiledSchema {
  const abs = path.resolve(dir);
  const hit = cache.get(abs);
  if (hit) return hit;
  const entry = schemaDirEntry(abs, dir);
  const source = dirSource(abs, dir);
  let schema: CompiledSchema;
  try {
    schema = CompiledSchema.from(cachedCompile(source.entries(), entry, () => compileSet(source, entry)));
  } catch (e) {
    if (e instanceof SchemaError || e instanceof UnsupportedError) throw new SchemaDirError(dir, `schema does not compile: ${e.message}`);
    throw e;
  }
  cache.set(abs, schema);
  return schema;
}

registerSchemaDirLoader(loadSchemaDir);
