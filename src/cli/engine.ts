/**
 * Validating one document as a unit of work: the same function runs on the main thread and in the
 * worker threads (worker.ts), so both give identical reports.
 */
import fs from 'node:fs';
import { describeFsError, UsageError } from './errors.js';
import type { Report, ValidateSettings } from './lib.js';
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
      bytes = readAtMost(task.abs!, limit);
    } catch (e) {
      throw new UsageError(`validate: ${task.display}: ${describeFsError(e)}`);
    }
    if (bytes === null) return tooLarge(limit);
  }
  // settings.context is the parsed file, unchecked: validate checks it (ContextError) like any context.
  return validate(bytes, settings as ValidateOptions);
}

/**
 * The file's bytes, or null when it has more than `limit`: memory stays bounded by the limit even
 * for a huge file or an endless device or pipe (`/dev/zero`), which are never read past it.
 */
function readAtMost(file: string, limit: number): Uint8Array | null {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile()) {
      if (stat.size > limit) return null;
      return new Uint8Array(fs.readFileSync(fd));
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) return null;
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    fs.closeSync(fd);
  }
}

/** The report for a file over --max-size (the reader's wording, without reading the file). */
function tooLarge(limit: number): Report {
  return {
    kind: null,
    valid: false,
    problems: [{ severity: 'error', rule: 'xml', line: 0, column: 0, path: '', message: `the document is larger than the limit of ${limit} bytes (raise it with --max-size)`, messageId: 'too-large' }],
  };
}
