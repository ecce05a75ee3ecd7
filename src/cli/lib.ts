/**
 * The library functions the CLI uses, in one place. The CLI has no validation logic of its own
 * (issue 4): everything here is the public library (src/index.ts).
 */
export { parse, build, normalize, validate, XmlInputError, UnknownDocumentError, BuildError } from '../index.js';
export type { Report, Problem, Severity } from '../index.js';
import type { ContextInput } from '../validate/context.js';

/** Options the CLI passes to validate (interface.md: `{ apiVersion?, schemaDir?, lint?, context? }`). */
export interface ValidateSettings {
  apiVersion?: string;
  schemaDir?: string;
  lint?: boolean;
  /** A VdcContext (parsed from --context FILE; checked by validate). */
  context?: ContextInput;
  /** Largest document in bytes (--max-size); default the library's 256 MiB. */
  maxBytes?: number;
  /** Deepest element nesting (--max-depth); default the library's 256. */
  maxDepth?: number;
}
