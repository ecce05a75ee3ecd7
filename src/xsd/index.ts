/**
 * vmparams/xsd: a pure TypeScript XSD 1.0 validator. `compileSchema({ entry, files? | dir? })`
 * compiles a schema set once (includes and imports resolved only from the given files or local
 * disk, never the network) and returns a CompiledSchema whose `validate(xml)` gives
 * `{ valid, problems }`.
 */
import path from 'node:path';
import { compileFiles, compileSet } from './compile.js';
import { absoluteLocation, dirSource, FileSource } from './load/fs.js';
import { CompiledSchema } from './schema.js';

/** What to compile: the entry schema and where its includes/imports come from. */
export interface CompileSchemaOptions {
  /** The entry schema: a path (on disk, or relative to `dir`), or a key of `files`. */
  entry: string;
  /** In-memory schema files (path -> text or bytes); no disk access at all. */
  files?: Record<string, string | Uint8Array> | Map<string, string | Uint8Array>;
  /** A directory whose *.xsd are all read first (absolute schemaLocations map to files found there). */
  dir?: string;
}

/** Compile a schema set. Throws SchemaError or UnsupportedError (and a plain Error for a missing entry). */
export function compileSchema(opts: CompileSchemaOptions): CompiledSchema {
  if (opts.files) return CompiledSchema.from(compileFiles(opts.files, opts.entry));
  if (opts.dir !== undefined) {
    const source = dirSource(opts.dir);
    const rel = path.relative(opts.dir, path.resolve(opts.dir, opts.entry)).split(path.sep).join('/');
    const loc = source.resolve(rel, '', null);
    if (loc === undefined) throw new Error(`compileSchema: ${opts.entry} is not a .xsd file under ${opts.dir}`);
    return CompiledSchema.from(compileSet(source, loc));
  }
  const source = new FileSource();
  const loc = absoluteLocation(opts.entry);
  if (source.read(loc) === undefined) throw new Error(`compileSchema: cannot read ${opts.entry}`);
  return CompiledSchema.from(compileSet(source, loc));
}

export { CompiledSchema } from './schema.js';
export type { XsdResult, XsdValidateOptions } from './schema.js';
export type { AllowedElement, NodeInfo } from './info.js';
export type { UnresolvedRef } from './load/loader.js';
export { SchemaError, UnsupportedError } from './errors.js';
export type { SchemaHints, HintedMessage } from './hints.js';
export { MESSAGES } from './messages.js';
