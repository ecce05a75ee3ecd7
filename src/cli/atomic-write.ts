/**
 * Safe file writes (issue 11 item 1; interface.md "fmt keeps what the user wrote"): the new content
 * goes to a temporary file in the same folder, is flushed to disk, and is renamed over the target, so
 * a full disk, a crash or a kill leaves either the old file or the new one, never a fragment. A
 * read-only file is reported, not replaced (rename would succeed in a writable folder and silently
 * defeat the protection). A symlink is followed, so the link stays a link. Mode, and the owner when
 * running as root, are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from './errors.js';

/** Options of writeFileAtomic. */
export interface AtomicWriteOptions {
  /** Mode of a file that does not exist yet (default 0o666, less the umask). An existing file keeps its mode. */
  mode?: number;
  /**
   * The content the caller read and transformed: when the file no longer holds exactly these bytes
   * just before the rename (someone saved it meanwhile), nothing is replaced and AtomicWriteError
   * (code `ECHANGED`) is thrown, so that save is not lost.
   */
  expect?: Uint8Array;
}

/** The write failed; `message` is one line for the user, and the original file is unchanged. */
export class AtomicWriteError extends Error {
  constructor(
    message: string,
    /** Node's error code (`ENOSPC`, `EACCES`, ...), or `EROFILE` for a read-only file. */
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AtomicWriteError';
  }
}

/** Follow `file` through symlinks (also a dangling one, whose target is then created). */
function resolveTarget(file: string): string {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(current);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw e;
    }
    if (!st.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'no space left on device';
  if (code === 'EDQUOT') return 'disk quota exceeded';
  if (code === 'EROFS') return 'read-only file system';
  return describeFsError(e);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Write `data` to `file` atomically (sync). Throws AtomicWriteError; then the original is untouched and no temporary file is left. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  const shown = file;
  const fail = (why: string, code: string | undefined, cause?: unknown): never => {
    throw new AtomicWriteError(`cannot write ${shown}: ${why}`, code, { cause });
  };
  let target: string;
  let existing: fs.Stats | undefined;
  try {
    target = resolveTarget(file);
    existing = fs.statSync(target, { throwIfNoEntry: false });
  } catch (e) {
    return fail(describe(e), (e as NodeJS.ErrnoException).code, e);
  }
  if (existing) {
    if (existing.isDirectory()) fail('is a directory', 'EISDIR');
    if (!existing.isFile()) fail('not a regular file', 'EINVAL');
    // Mode bits first: root passes access(W_OK) on a 0444 file, but the user marked it read-only.
    if ((existing.mode & 0o222) === 0) fail(`the file is read-only (mode ${(existing.mode & 0o7777).toString(8).padStart(4, '0')}); not replaced`, 'EROFILE');
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (e) {
      fail(`${describe(e)}; not replaced`, (e as NodeJS.ErrnoException).code, e);
    }
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(tmp, 'wx', existing ? 0o600 : (opts.mode ?? 0o666));
    created = true;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    if (existing) {
      fs.fchmodSync(fd, existing.mode & 0o7777);
      if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) fs.fchownSync(fd, existing.uid, existing.gid);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (opts.expect && existing && !sameBytes(fs.readFileSync(target), opts.expect)) {
      throw Object.assign(new Error('changed while vmparams was working on it'), { code: 'ECHANGED' });
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    if (created) fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const where = !created && (code === 'EACCES' || code === 'EPERM') ? ` (cannot create a file in ${dir})` : '';
    if (code === 'ECHANGED') return fail('it changed while vmparams was working on it (saved meanwhile?); not replaced, run the command again', code, e);
    return fail(`${describe(e)}${where}; ${existing ? 'the file is unchanged' : 'nothing was written'}`, code, e);
  }
  // Make the rename itself durable; some file systems refuse fsync on a directory, which is harmless.
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* best effort */
  }
}

/** Write `data` to `file` atomically: temp file in the same folder, fsync, rename; mode (and owner as root) kept, symlinks followed. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  writeFileAtomicSync(file, data, opts);
}
