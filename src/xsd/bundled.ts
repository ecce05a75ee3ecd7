/**
 * The bundled xsd/ set, compiled at build time (scripts/xsd-bundle.mjs wrote bundled.generated.ts):
 * loading it reads no XSD, touches no file and loads no wasm.
 */
import { BUNDLED_SCHEMA } from './bundled.generated.js';
import { schemaFromJSON } from './json.js';
import { CompiledSchema } from './schema.js';

let cached: CompiledSchema | undefined;

/** The compiled bundled schema set (built from the generated module on first use). */
export function bundledSchema(): CompiledSchema {
  return (cached ??= new CompiledSchema(schemaFromJSON(BUNDLED_SCHEMA)));
}
