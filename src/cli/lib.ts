/**
 * The library functions the CLI uses, in one place. The CLI has no validation logic of its own
 * (issue 4): everything here is the public library (src/index.ts).
 */
export { parse, build, normalize, validate, XmlInputError, UnknownDocumentError, BuildError } from '../index.js';
export type { Report, Problem, Severity } from '../index.js';

/** Options the CLI passes to validate (interface.md: `{ apiVersion?, schemaDir?, lint?, context? }`). */
export interface ValidateSettings {
  apiVersion?: string;
  schemaDir?: string;
  lint?: boolean;
  /** The parsed --context file (or the config's context), checked by validate: a VdcContext when it is one. */
  context?: unknown;
  /** Rule levels (`--rule`, the config's `rules`). */
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Largest document in bytes (--max-size); default the library's 256 MiB. */
  maxBytes?: number;
  /** Deepest element nesting (--max-depth); default the library's 256. */
  maxDepth?: number;
  /** XSD engine (--engine); default vmparams' own. */
  engine?: 'vmparams' | 'libxml2';
}
