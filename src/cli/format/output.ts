/**
 * `-o FILE`: the report goes to a file instead of stdout, written atomically (atomic-write.ts: a
 * temporary file in the same folder, fsync, rename), so a CI step that reads the report never sees
 * half of one.
 */
import { AtomicWriteError, writeFileAtomicSync } from '../atomic-write.js';
import { UsageError } from '../errors.js';

/** Write `text` to `abs` atomically; a failure is one line naming `-o` (exit 2). */
export function writeReportFile(abs: string, text: string, command: string): void {
  try {
    writeFileAtomicSync(abs, text);
  } catch (e) {
    if (e instanceof AtomicWriteError) throw new UsageError(`${command}: -o: ${e.message}`);
    throw e;
  }
}
