/**
 * Validating one document as a unit of work: the same function runs on the main thread and in the
 * worker threads (worker.ts), so both give identical reports.
 */
import fs from 'node:fs';
import { describeFsError, UsageError } from './errors.js';
import type { Report, ValidateSettings } from './lib.js';
// The module itself rather than the package entry: workers start ~70 ms sooner without the
// instant-clone half of the library (zod). Same function as the `validate` export.
import { validate } from '../validate/index.js';

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
  let bytes = task.bytes;
  if (!bytes) {
    try {
      bytes = new Uint8Array(fs.readFileSync(task.abs!));
    } catch (e) {
      throw new UsageError(`validate: ${task.display}: ${describeFsError(e)}`);
    }
  }
  return validate(bytes, settings);
}
