/**
 * writeFileAtomic: the original is replaced whole or not at all. The disk-full case runs on a small
 * tmpfs when the test runs as root (skipped with the reason printed otherwise).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicWriteError, writeFileAtomic, writeFileAtomicSync } from '../../src/cli/atomic-write.js';
import { caseDirs, mountTmpfs } from '../helpers/temp.js';

const { root, fresh: freshDir } = caseDirs('vmparams-atomic-');

/** Everything in the folder: a left-over temporary file would show up here. */
const names = (dir: string) => fs.readdirSync(dir).sort();

function errorOf(f: () => unknown): AtomicWriteError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AtomicWriteError);
    return e as AtomicWriteError;
  }
  throw new Error('expected the write to fail');
}

describe('writeFileAtomic', () => {
  it('creates a new file', async () => {
    const d = freshDir();
    await writeFileAtomic(path.join(d, 'a.xml'), '<a/>\n');
    expect(fs.readFileSync(path.join(d, 'a.xml'), 'utf8')).toBe('<a/>\n');
    expect(names(d)).toEqual(['a.xml']);
  });

  it('replaces an existing file by rename and keeps its mode', () => {
    const d = freshDir();
    const f = path.join(d, 'a.xml');
    fs.writeFileSync(f, 'old');
    fs.chmodSync(f, 0o640);
    const before = fs.statSync(f);
    writeFileAtomicSync(f, new TextEncoder().encode('new content'));
    const after = fs.statSync(f);
    expect(fs.readFileSync(f, 'utf8')).toBe('new content');
    expect(after.mode & 0o7777).toBe(0o640);
    expect(after.ino).not.toBe(before.ino); // a new file renamed over, never a write into the old one
    expect(names(d)).toEqual(['a.xml']);
  });

  it.skipIf(process.getuid?.() !== 0)('keeps the owner when running as root', () => {
    const d = freshDir();
    const f = path.join(d, 'owned.xml');
    fs.writeFileSync(f, 'old');
    fs.chownSync(f, 1234, 2345);
    writeFileAtomicSync(f, 'new');
    const st = fs.statSync(f);
    expect([st.uid, st.gid]).toEqual([1234, 2345]);
  });

  it('writes through a symlink to its target and leaves the link a link', () => {
    const d = freshDir();
    fs.mkdirSync(path.join(d, 'real'));
    const target = path.join(d, 'real', 'doc.xml');
    fs.writeFileSync(target, 'old');
    const link = path.join(d, 'link.xml');
    fs.symlinkSync('real/doc.xml', link);
    writeFileAtomicSync(link, 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(names(path.join(d, 'real'))).toEqual(['doc.xml']);
  });

  it('creates the target of a dangling symlink', () => {
    const d = freshDir();
    const link = path.join(d, 'link.xml');
    fs.symlinkSync('target.xml', link);
    writeFileAtomicSync(link, 'made');
    expect(fs.readFileSync(path.join(d, 'target.xml'), 'utf8')).toBe('made');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('reports a read-only file and does not replace it (even as root)', () => {
    const d = freshDir();
    const f = path.join(d, 'ro.xml');
    fs.writeFileSync(f, 'keep me');
    fs.chmodSync(f, 0o444);
    const e = errorOf(() => writeFileAtomicSync(f, 'overwritten'));
    expect(e.code).toBe('EROFILE');
    expect(e.message).toBe(`cannot write ${f}: the file is read-only (mode 0444); not replaced`);
    expect(fs.readFileSync(f, 'utf8')).toBe('keep me');
    expect(names(d)).toEqual(['ro.xml']);
  });

  it('refuses a directory and a folder that does not exist, in one line', () => {
    const d = freshDir();
    const e1 = errorOf(() => writeFileAtomicSync(d, 'x'));
    expect(e1.message).toBe(`cannot write ${d}: is a directory`);
    const missing = path.join(d, 'no', 'such.xml');
    const e2 = errorOf(() => writeFileAtomicSync(missing, 'x'));
    expect(e2.message).toBe(`cannot write ${missing}: no such file or directory; nothing was written`);
    expect(e2.message).not.toContain('\n');
  });

  it('the async form rejects the same way', async () => {
    const d = freshDir();
    await expect(writeFileAtomic(d, 'x')).rejects.toThrow(AtomicWriteError);
  });
});

const disk = fs.mkdtempSync(path.join(tmpdir(), 'vmparams-full-'));
const noDisk = mountTmpfs(disk, '64k');
if (noDisk) console.log(`skipping the disk-full test: ${noDisk}`);
afterAll(() => {
  if (!noDisk) execFileSync('umount', [disk], { stdio: 'pipe' });
  fs.rmSync(disk, { recursive: true, force: true });
});

describe.skipIf(noDisk !== undefined)('writeFileAtomic on a full disk', () => {
  it('leaves the original intact and no temporary file behind (ENOSPC)', () => {
    const f = path.join(disk, 'doc.xml');
    const original = '<ComposeVAppParams>' + 'x'.repeat(12 * 1024) + '</ComposeVAppParams>\n';
    fs.writeFileSync(f, original);
    const e = errorOf(() => writeFileAtomicSync(f, '<ComposeVAppParams>' + 'y'.repeat(200 * 1024) + '</ComposeVAppParams>\n'));
    expect(e.code).toBe('ENOSPC');
    expect(e.message).toBe(`cannot write ${f}: no space left on device; the file is unchanged`);
    expect(fs.readFileSync(f, 'utf8')).toBe(original);
    expect(names(disk)).toEqual(['doc.xml']);
    // And the disk is usable again: a write that fits succeeds.
    writeFileAtomicSync(f, '<small/>\n');
    expect(fs.readFileSync(f, 'utf8')).toBe('<small/>\n');
  });
});

describe('writeFileAtomic with the content the caller read (expect)', () => {
  it('does not replace a file that was saved meanwhile', () => {
    const dir = fs.mkdtempSync(path.join(root, 'expect-'));
    const f = path.join(dir, 'doc.xml');
    fs.writeFileSync(f, '<saved-by-the-editor/>\n');
    const read = new TextEncoder().encode('<what-fmt-read/>\n');
    const e = errorOf(() => writeFileAtomicSync(f, '<formatted/>\n', { expect: read }));
    expect(e.code).toBe('ECHANGED');
    expect(e.message).toMatch(/changed while vmparams was working on it .*not replaced/);
    expect(fs.readFileSync(f, 'utf8')).toBe('<saved-by-the-editor/>\n');
    expect(names(dir)).toEqual(['doc.xml']);
  });

  it('replaces the file when it still holds what was read', () => {
    const dir = fs.mkdtempSync(path.join(root, 'expect-'));
    const f = path.join(dir, 'doc.xml');
    fs.writeFileSync(f, '<a/>\n');
    writeFileAtomicSync(f, '<b/>\n', { expect: new TextEncoder().encode('<a/>\n') });
    expect(fs.readFileSync(f, 'utf8')).toBe('<b/>\n');
  });
});
