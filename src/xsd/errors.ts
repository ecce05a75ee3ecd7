/**
 * The two ways compiling a schema can fail. Both carry the schema file and line, and print as the
 * one line `vmparams xsd` shows (interface.md: `schema error: FILE:LINE: ...` / `unsupported: ...`).
 */

/** The schema is not a valid XSD 1.0 schema (a broken reference, a forbidden combination, ...). */
export class SchemaError extends Error {
  constructor(
    /** What is wrong, in plain words. */
    readonly reason: string,
    /** Schema file as the user named it ('' when unknown). */
    readonly file = '',
    /** 1-based line in that file (0 when unknown). */
    readonly line = 0,
  ) {
    super(`schema error: ${file ? `${file}:${line > 0 ? `${line}:` : ''} ` : ''}${reason}`);
    this.name = 'SchemaError';
  }
}

/** The schema uses something this engine does not implement; it says so instead of guessing. */
export class UnsupportedError extends Error {
  constructor(
    /** The construct (`xs:override`, `maxOccurs="100000" on a model group inside ...`). */
    readonly reason: string,
    readonly file = '',
    readonly line = 0,
  ) {
    super(`unsupported: ${reason}${file ? ` at ${file}${line > 0 ? `:${line}` : ''}` : ''}`);
    this.name = 'UnsupportedError';
  }
}

/** A schema directory that does not exist, has no entry schema, is too large, or does not compile. */
export class SchemaDirError extends Error {
  /** The directory as given by the caller. */
  readonly dir: string;
  constructor(dir: string, reason: string) {
    super(`schema directory ${dir}: ${reason}`);
    this.name = 'SchemaDirError';
    this.dir = dir;
  }
}
