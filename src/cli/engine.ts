/**
 * Validating one document as a unit of work: the same function runs on the main thread and in the
 * worker threads (worker.ts), so both give identical reports.
 */
import fs from 'node:fs';
import { describeFsError, UsageError } from './errors.js';
import type { Report, ValidateSettings } from './lib.js';
import { readBounded } from './limits.js';
// The module itself rather than the package entry: workers start ~70 ms sooner without the
// instant-clone half of the library (zod). Same function as the `validate` export.
import { validate, type ValidateOptions } from '../validate/index.js';
import { DEFAULT_LIMITS } from '../xml/reader.js';

/** One document to validate; `index` is its place in the input order. */
export interface Task {
  index: number;
  /** Shown in messages. */
  display: string;
  /** Absolute path to read, or... */
  abs?: string;
  /** ...the bytes themselves (standard input). */
  bytes?: Uint8Array;
}

/** Read (if needed) and validate one document. Throws UsageError when the file cannot be read. */
export async function validateTask(task: Task, settings: ValidateSettings): Promise<Report> {
  let bytes: Uint8Array | null | undefined = task.bytes;
  if (!bytes) {
    const limit = settings.maxBytes ?? DEFAULT_LIMITS.maxBytes;
    try {
      bytes = readBounded(task.abs!, limit);
    } catch (e) {
      throw new UsageError(`validate: ${task.display}: ${describeFsError(e)}`);
    }
    if (bytes === null) return tooLarge(limit);
  }
  // settings.context is the parsed file, unchecked: validate checks it (ContextError) like any context.
  return validate(bytes, settings as ValidateOptions);
}

/** The report for a file over --max-size (the reader's wording, without reading the file). */
function tooLarge(limit: number): Report {
  return {
    kind: null,
    valid: false,
    problems: [{ severity: 'error', rule: 'xml', line: 0, column: 0, path: '', message: `the document is larger than the limit of ${limit} bytes (raise it with --max-size)`, messageId: 'too-large' }],
  };
}
