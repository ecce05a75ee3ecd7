/**
 * `vmparams fmt` as a user runs it (in process through run(argv, io), and the built CLI where the
 * process's own streams matter): --write replaces files atomically and safely (issue 11 item 1),
 * keeps comments and PIs (item 2), takes --max-size/--max-depth and never overflows the stack
 * (item 9), and `fmt --check fixtures/valid` passes (issue 12 point 1).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { readDocument } from '../../src/xml/reader.js';
import { ROOT, SOURCE, V, fakeIo, kept } from './helpers.js';
import { caseDirs, mountTmpfs } from '../helpers/temp.js';

const freshDir = caseDirs('vmparams-fmt-').fresh;

/** A document out of schema order, with a comment, a PI and a same-line comment. */
const UNSORTED = `<?xml version="1.0" encoding="UTF-8"?>
<!-- web01: the shop's front end -->
<InstantiateVAppTemplateParams xmlns="${V}" name="web01">
    ${SOURCE} <!-- golden image -->
    <?review ok?>
    <Description>Web server</Description>
</InstantiateVAppTemplateParams>
`;
const SORTED = `<?xml version="1.0" encoding="UTF-8"?>
<!-- web01: the shop's front end -->
<InstantiateVAppTemplateParams xmlns="${V}" name="web01">
  <?review ok?>
  <Description>Web server</Description>
  ${SOURCE} <!-- golden image -->
</InstantiateVAppTemplateParams>
`;

async function fmt(args: string[], cwd: string, opts: { binary?: boolean; stdin?: string | Uint8Array } = {}) {
  const io = fakeIo({ cwd, ...opts });
  const status = await run(['fmt', ...args], io);
  return { status, out: io.out, err: io.err, bytes: io.bytes };
}

const write = (dir: string, name: string, text: string | Uint8Array) => {
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};
const names = (dir: string) => fs.readdirSync(dir).sort();

describe('fmt --check on our own fixtures (issue 12 point 1: fmt as a CI gate)', () => {
  it('fixtures/valid is in canonical form', async () => {
    const r = await fmt(['--check', 'fixtures/valid'], ROOT);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^✔ \d+ files formatted\n$/);
    expect(r.status).toBe(0);
  });
});

describe('fmt without flags', () => {
  it('prints the canonical form and leaves the file alone', async () => {
    const d = freshDir();
    const f = write(d, 'web01.xml', UNSORTED);
    const r = await fmt(['web01.xml'], d);
    expect(r).toMatchObject({ status: 0, out: SORTED, err: '' });
    expect(fs.readFileSync(f, 'utf8')).toBe(UNSORTED);
  });

  it('prints the document in its own encoding where standard output takes bytes', async () => {
    const d = freshDir();
    const latin = Uint8Array.from(`<?xml version="1.0" encoding="ISO-8859-1"?><InstantiateVAppTemplateParams xmlns="${V}" name="caf\u00e9"/>`, (c) => c.charCodeAt(0));
    write(d, 'latin.xml', latin);
    const r = await fmt(['latin.xml'], d, { binary: true });
    expect(r.status).toBe(0);
    expect(r.out).toBe('');
    const bytes = Buffer.concat(r.bytes);
    expect(bytes.includes(0xe9)).toBe(true);
    expect(readDocument(new Uint8Array(bytes)).encoding.name).toBe('ISO-8859-1');
  });

  it('reads standard input', async () => {
    const r = await fmt(['-'], ROOT, { stdin: UNSORTED });
    expect(r).toMatchObject({ status: 0, out: SORTED });
  });
});

describe('fmt --write (issue 11 items 1 and 2)', () => {
  it('keeps every comment and PI, and replaces the file by a rename (a new inode), keeping its mode', async () => {
    const d = freshDir();
    const f = write(d, 'web01.xml', UNSORTED);
    fs.chmodSync(f, 0o640);
    const before = fs.statSync(f);
    const r = await fmt(['--write', '.'], d);
    expect(r).toMatchObject({ status: 0, out: 'web01.xml: formatted\n1 file rewritten, 0 unchanged\n', err: '' });
    expect(fs.readFileSync(f, 'utf8')).toBe(SORTED);
    expect(kept(readDocument(SORTED))).toEqual(kept(readDocument(UNSORTED)));
    const after = fs.statSync(f);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o7777).toBe(0o640);
    expect(names(d)).toEqual(['web01.xml']);
  });

  it('keeps the comments of a UTF-16 file, and its encoding', async () => {
    const d = freshDir();
    const text = `\ufeff<?xml version="1.0" encoding="UTF-16"?>\n<InstantiateVAppTemplateParams xmlns="${V}">${SOURCE}\n<!-- a comment -->\n<Description>d</Description></InstantiateVAppTemplateParams>\n`;
    const f = write(d, 'u16.xml', Buffer.from(text, 'utf16le'));
    expect((await fmt(['--write', 'u16.xml'], d)).status).toBe(0);
    const back = readDocument(new Uint8Array(fs.readFileSync(f)));
    expect(back.encoding).toEqual({ name: 'UTF-16LE', bom: true });
    expect(back.text).toContain('\n  <!-- a comment -->\n  <Description>d</Description>\n');
  });

  it('does not rewrite a file that is already canonical', async () => {
    const d = freshDir();
    const f = write(d, 'web01.xml', SORTED);
    const old = new Date('2001-02-03T04:05:06Z');
    fs.utimesSync(f, old, old);
    const before = fs.statSync(f);
    const r = await fmt(['--write', 'web01.xml'], d);
    expect(r).toMatchObject({ status: 0, out: '0 files rewritten, 1 unchanged\n' });
    const after = fs.statSync(f);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('writes through a symlink to its target; the link stays a link', async () => {
    const d = freshDir();
    fs.mkdirSync(path.join(d, 'real'));
    const target = write(path.join(d, 'real'), 'web01.xml', UNSORTED);
    fs.symlinkSync('real/web01.xml', path.join(d, 'link.xml'));
    const r = await fmt(['--write', 'link.xml'], d);
    expect(r.status).toBe(0);
    expect(fs.lstatSync(path.join(d, 'link.xml')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe(SORTED);
    expect(names(path.join(d, 'real'))).toEqual(['web01.xml']);
  });

  it('leaves a document it cannot read as a request untouched: exit 1, one line on stderr', async () => {
    const d = freshDir();
    const broken = `<InstantiateVAppTemplateParams xmlns="${V}"><Source href="h">`;
    const f = write(d, 'broken.xml', broken);
    const r = await fmt(['--write', 'broken.xml'], d);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^broken\.xml:1:\d+: error xml: [^\n]+\n$/);
    expect(r.out).toBe('0 files rewritten, 0 unchanged, 1 not readable as a request\n');
    expect(fs.readFileSync(f, 'utf8')).toBe(broken);
  });

  it('reports a read-only file and skips it; the batch goes on and ends with its summary (exit 1, not 2)', async () => {
    const d = freshDir();
    const a = write(d, 'a.xml', UNSORTED);
    const ro = write(d, 'b-readonly.xml', UNSORTED);
    const c = write(d, 'c.xml', UNSORTED);
    write(d, 'd-broken.xml', `<InstantiateVAppTemplateParams xmlns="${V}">`);
    fs.chmodSync(ro, 0o444);
    const r = await fmt(['--write', '.'], d);
    expect(r.status).toBe(1);
    expect(r.err.split('\n')).toEqual([
      'vmparams fmt: cannot write b-readonly.xml: the file is read-only (mode 0444); not replaced',
      expect.stringMatching(/^d-broken\.xml:1:\d+: error xml: not well-formed XML: the document ends before <InstantiateVAppTemplateParams>/),
      '',
    ]);
    expect(r.out).toBe('a.xml: formatted\nc.xml: formatted\n2 files rewritten, 0 unchanged, 1 not readable as a request, 1 could not be written\n');
    expect(fs.readFileSync(a, 'utf8')).toBe(SORTED);
    expect(fs.readFileSync(c, 'utf8')).toBe(SORTED);
    expect(fs.readFileSync(ro, 'utf8')).toBe(UNSORTED);
    expect(names(d)).toEqual(['a.xml', 'b-readonly.xml', 'c.xml', 'd-broken.xml']);
  });

  it('--check counts what it could not read in its summary', async () => {
    const d = freshDir();
    write(d, 'a.xml', UNSORTED);
    write(d, 'b.xml', `<InstantiateVAppTemplateParams xmlns="${V}"><Source>`);
    write(d, 'c.xml', SORTED);
    const r = await fmt(['--check', '.'], d);
    expect(r.status).toBe(1);
    expect(r.out).toBe("a.xml: not formatted\n✖ 1 of 3 files not formatted, 1 not readable as a request; run 'vmparams fmt --write' on it\n");
    fs.rmSync(path.join(d, 'a.xml'));
    expect((await fmt(['--check', '.'], d)).out).toBe('✖ 1 of 2 files not readable as a request\n');
  });
});

describe('fmt --write where the file system says no', () => {
  const disk = fs.mkdtempSync(path.join(tmpdir(), 'vmparams-fmt-disk-'));
  const noDisk = mountTmpfs(disk, '64k');
  if (noDisk) console.log(`skipping the fmt disk-full and read-only folder tests: ${noDisk}`);
  afterAll(() => {
    if (!noDisk) execFileSync('umount', [disk], { stdio: 'pipe' });
    fs.rmSync(disk, { recursive: true, force: true });
  });

  it.skipIf(noDisk !== undefined)('a full disk: the original stays whole, no temporary file is left, the batch goes on', async () => {
    // The case: an 11.6 KB document on a full disk became a 12 KB fragment.
    const big = UNSORTED.replace('<Description>Web server</Description>', `<Description>${'x'.repeat(11_600)}</Description>`);
    const f = write(disk, 'big.xml', big);
    const g = write(disk, 'small.xml', SORTED);
    const filler = fs.openSync(path.join(disk, 'filler'), 'w');
    try {
      for (;;) fs.writeSync(filler, Buffer.alloc(1024));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(filler);
    }
    const r = await fmt(['--write', 'big.xml', 'small.xml'], disk);
    expect(r.status).toBe(1);
    expect(r.err).toBe('vmparams fmt: cannot write big.xml: no space left on device; the file is unchanged\n');
    expect(r.out).toBe('0 files rewritten, 1 unchanged, 1 could not be written\n');
    expect(fs.readFileSync(f, 'utf8')).toBe(big);
    expect(fs.readFileSync(g, 'utf8')).toBe(SORTED);
    expect(names(disk)).toEqual(['big.xml', 'filler', 'small.xml']);
    fs.rmSync(path.join(disk, 'filler'));
  });

  it('an unwritable folder: the file is reported and left as it was', async () => {
    const d = noDisk ? freshDir() : disk;
    const f = write(d, 'web01.xml', UNSORTED);
    const before = names(d);
    // Root passes permission checks, so as root the folder is made unwritable by remounting it read-only.
    if (noDisk) fs.chmodSync(d, 0o555);
    else execFileSync('mount', ['-o', 'remount,ro', disk], { stdio: 'pipe' });
    try {
      const r = await fmt(['--write', 'web01.xml'], d);
      expect(r.status).toBe(1);
      expect(r.err).toMatch(noDisk ? /^vmparams fmt: cannot write web01\.xml: permission denied/ : /^vmparams fmt: cannot write web01\.xml: read-only file system; not replaced\n$/);
      expect(fs.readFileSync(f, 'utf8')).toBe(UNSORTED);
      expect(names(d)).toEqual(before);
    } finally {
      if (noDisk) fs.chmodSync(d, 0o755);
      else execFileSync('mount', ['-o', 'remount,rw', disk], { stdio: 'pipe' });
    }
  });
});

describe('fmt in a repository (issue 12: config file, ignore rules, other XML)', () => {
  it('skips XML that is not a request when walking, and says so; a file named explicitly is still an error', async () => {
    const d = freshDir();
    write(d, 'web01.xml', UNSORTED);
    write(d, 'pom.xml', '<project><modelVersion>4.0.0</modelVersion></project>');
    const r = await fmt(['--check', '.'], d);
    expect(r.out).toBe("web01.xml: not formatted\n✖ 1 of 1 file not formatted; run 'vmparams fmt --write' on it; 1 file skipped (not Cloud Director requests)\n");
    expect((await fmt(['--write', '.'], d)).out).toBe('web01.xml: formatted\n1 file rewritten, 0 unchanged; 1 file skipped (not Cloud Director requests)\n');
    expect(fs.readFileSync(path.join(d, 'pom.xml'), 'utf8')).toBe('<project><modelVersion>4.0.0</modelVersion></project>');
    const named = await fmt(['--check', 'pom.xml'], d);
    expect(named.status).toBe(1);
    expect(named.err).toMatch(/^pom\.xml:1:1: error xml: <project> is not a request vmparams knows/);
  });

  it('honours .gitignore, the config file\'s ignore and --ignore-pattern when walking (--no-ignore turns them off)', async () => {
    const d = freshDir();
    fs.mkdirSync(path.join(d, 'build'));
    fs.mkdirSync(path.join(d, 'gen'));
    write(d, '.gitignore', 'build/\n');
    write(d, 'vmparams.config.json', '{ "ignore": ["gen/**"] }');
    write(d, 'web01.xml', SORTED);
    write(path.join(d, 'build'), 'out.xml', UNSORTED);
    write(path.join(d, 'gen'), 'out.xml', UNSORTED);
    write(d, 'tmp.xml', UNSORTED);
    expect(await fmt(['--check', '--ignore-pattern', 'tmp.xml', '.'], d)).toMatchObject({ status: 0, out: '✔ 1 file formatted\n' });
    const all = await fmt(['--check', '--no-ignore', '.'], d);
    expect(all.out).toMatch(/^✖ 3 of 4 files not formatted/m);
  });

  it('takes printWidth from vmparams.config.json; --print-width wins; a bad value exits 2 naming the field', async () => {
    const d = freshDir();
    write(d, 'web01.xml', SORTED);
    write(d, 'vmparams.config.json', '{ "printWidth": 40 }');
    const wrapped = '<InstantiateVAppTemplateParams\n    xmlns="http://www.vmware.com/vcloud/v1.5"\n    name="web01">';
    expect((await fmt(['web01.xml'], d)).out).toContain(wrapped);
    expect((await fmt(['--check', 'web01.xml'], d)).status).toBe(1);
    expect((await fmt(['--print-width', '100', 'web01.xml'], d)).out).toBe(SORTED);
    expect((await fmt(['--no-config', 'web01.xml'], d)).out).toBe(SORTED);
    fs.mkdirSync(path.join(d, 'sub'));
    write(path.join(d, 'sub'), 'wide.json', '{ "printWidth": 200 }');
    expect((await fmt(['--config', 'sub/wide.json', 'web01.xml'], d)).out).toBe(SORTED);
    write(d, 'vmparams.config.json', '{ "printWidth": "wide" }');
    const bad = await fmt(['web01.xml'], d);
    expect(bad.status).toBe(2);
    expect(bad.err).toBe('vmparams fmt: vmparams.config.json:1:3: printWidth: must be a whole number of at least 1 (columns), not the string "wide"\n');
  });
});

describe('fmt options', () => {
  it('--print-width N sets where start tags wrap; a bad value is a usage error (exit 2)', async () => {
    const d = freshDir();
    write(d, 'web01.xml', SORTED);
    const r = await fmt(['--print-width', '40', 'web01.xml'], d);
    expect(r.out).toContain('<InstantiateVAppTemplateParams\n    xmlns="http://www.vmware.com/vcloud/v1.5"\n    name="web01">');
    const bad = await fmt(['--print-width', 'wide', 'web01.xml'], d);
    expect(bad).toMatchObject({ status: 2, err: "vmparams fmt: --print-width must be a whole number of at least 1, got 'wide'\n" });
  });

  it('--max-size: a larger document is one error line, exit 1, the file not read or changed', async () => {
    const d = freshDir();
    write(d, 'web01.xml', UNSORTED);
    const r = await fmt(['--write', '--max-size', '100', 'web01.xml'], d);
    expect(r.status).toBe(1);
    expect(r.err).toBe(`web01.xml:0:0: error xml: the document is ${Buffer.byteLength(UNSORTED)} bytes, over the limit of 100 (raise it with --max-size)\n`);
    expect((await fmt(['--max-size', '1k', 'web01.xml'], d)).status).toBe(0);
    expect((await fmt(['--max-size', 'big', 'web01.xml'], d)).status).toBe(2);
  });

  it('--max-depth: a 100,000-deep document is refused by default and formatted with --max-depth 100000 (no stack overflow)', async () => {
    const d = freshDir();
    const depth = 100_000 - 2; // under the root and its VCloudExtension
    write(d, 'deep.xml', `<InstantiateVAppTemplateParams xmlns="${V}"><VCloudExtension>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</VCloudExtension></InstantiateVAppTemplateParams>`);
    const refused = await fmt(['--check', 'deep.xml'], d);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/^deep\.xml:1:\d+: error xml: elements are nested more than 256 deep \(raise the limit with --max-depth\)\n$/);
    const r = await fmt(['--write', '--max-depth', '100000', 'deep.xml'], d);
    expect(r).toMatchObject({ status: 0, err: '' });
    expect((await fmt(['--check', '--max-depth', '100000', 'deep.xml'], d)).status).toBe(0);
    expect((await fmt(['--max-depth', '0', 'deep.xml'], d)).status).toBe(2);
  });

  it('usage errors exit 2 with one line', async () => {
    const d = freshDir();
    write(d, 'a.xml', SORTED);
    write(d, 'b.xml', SORTED);
    expect(await fmt(['--write', '--check', 'a.xml'], d)).toMatchObject({ status: 2, err: 'vmparams fmt: use --write or --check, not both\n' });
    expect((await fmt(['a.xml', 'b.xml'], d)).status).toBe(2);
    expect((await fmt(['--frobnicate', 'a.xml'], d)).err).toBe("vmparams fmt: unknown option '--frobnicate' (see 'vmparams fmt --help')\n");
    expect((await fmt([], d)).status).toBe(2);
  });
});

describe('the built CLI', () => {
  it('writes the document to standard output as bytes in its own encoding', () => {
    const d = freshDir();
    const text = `\ufeff<?xml version="1.0" encoding="UTF-16"?>\n<InstantiateVAppTemplateParams xmlns="${V}">\n<!-- ü -->\n${SOURCE}</InstantiateVAppTemplateParams>\n`;
    write(d, 'u16.xml', Buffer.from(text, 'utf16le'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/vmparams.js'), 'fmt', 'u16.xml'], { cwd: d });
    expect(r.status).toBe(0);
    const doc = readDocument(new Uint8Array(r.stdout));
    expect(doc.encoding).toEqual({ name: 'UTF-16LE', bom: true });
    expect(doc.text).toContain('  <!-- ü -->\n');
  });
});
