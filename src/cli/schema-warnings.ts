/**
 * The warning for an xs:include / xs:import / xs:redefine whose schemaLocation cannot be read
 * locally (CompiledSchema.unresolved): `vmparams xsd --schema` and `validate --schema-dir`. The spec
 * skips such a composition (not an error), but it must never be silent: xmllint refuses the schema.
 */
import type { Io } from './io.js';
import { escapeControls } from './sanitize.js';
import type { CompiledSchema } from '../xsd/schema.js';

/** One line on stderr per unreadable schemaLocation; `where` names the set when file names are relative to it (`--schema-dir DIR: `). */
export function warnUnresolved(schema: CompiledSchema, io: Io, where = ''): void {
  for (const u of schema.unresolved) {
    io.stderr(escapeControls(`warning: ${where}${u.file}:${u.line}: xs:${u.what} schemaLocation="${u.ref}" cannot be read locally (nothing is fetched from the network); validating without its definitions`) + '\n');
  }
}
