/**
 * `-o FILE`: the report goes to a file instead of stdout, written atomically (a temporary file in the
 * same folder, then a rename), so a CI step that reads the report never sees half of one.
 * When src/cli/atomic-write.ts (writeFileAtomic) is on main this becomes a call to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError, UsageError } from '../errors.js';

/** Write `text` to `abs` atomically; `shown` names the file in the one-line error (exit 2). */
export function writeReportFile(abs: string, text: string, command: string, shown: string): void {
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    fs.renameSync(tmp, abs);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing was written, or it is gone already.
    }
    throw new UsageError(`${command}: -o ${shown}: cannot write: ${describeFsError(e)}`);
  }
}
