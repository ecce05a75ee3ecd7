/** run(argv, io) in process with a fake Io: streams, environment, terminal and working directory are the test's. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { fakeIo } from './fake-io.js';
import { ROOT, tempDir, xmlFilesUnder } from './helpers.js';

const VALID = xmlFilesUnder('fixtures/valid');
const NOT_XML = 'fixtures/invalid/not-well-formed.xml';
const tmp = tempDir();
afterAll(tmp.cleanup);

describe('run(argv, io)', () => {
  it('resolves to the exit status and writes only through io', async () => {
    const io = fakeIo();
    expect(await run(['validate', NOT_XML], io)).toBe(1);
    expect(io.out).toMatch(/^fixtures\/invalid\/not-well-formed\.xml:\d+:\d+: error xml: /);
    expect(io.err).toBe('');
  });

  it('shows paths relative to io.cwd', async () => {
    const dir = join(tmp.dir, 'proj', 'requests');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(ROOT, NOT_XML), join(dir, 'broken.xml'));
    const io = fakeIo({ cwd: join(tmp.dir, 'proj') });
    expect(await run(['validate', 'requests'], io)).toBe(1);
    expect(io.out).toMatch(/^requests\/broken\.xml:\d+:\d+: error xml: /m);
  });

  it('reads standard input through io.readStdin', async () => {
    const io = fakeIo({ stdin: '<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="x"/>' });
    expect(await run(['validate', '--format', 'json', '-'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.files[0]).toMatchObject({ file: '<stdin>', kind: 'ComposeVAppParams', valid: true });
  });

  it('returns 2 with one line for usage errors, and never throws', async () => {
    for (const argv of [['validate', '--format'], ['validate', '--nope', 'x'], ['nope'], ['validate', 'missing.xml'], ['rules', 'a', 'b']]) {
      const io = fakeIo();
      await expect(run(argv, io)).resolves.toBe(2);
      expect(io.err.trimEnd().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(io.out).toBe('');
    }
  });

  it('colours text on a terminal, not with NO_COLOR, and always with FORCE_COLOR', async () => {
    const tty = fakeIo({ isTTY: true });
    await run(['validate', NOT_XML], tty);
    expect(tty.out).toMatch(/\x1b\[31merror\x1b\[39m/);
    const noColor = fakeIo({ isTTY: true, env: { NO_COLOR: '1' } });
    await run(['validate', NOT_XML], noColor);
    expect(noColor.out).not.toMatch(/\x1b\[/);
    const forced = fakeIo({ isTTY: false, env: { FORCE_COLOR: '1' } });
    await run(['validate', NOT_XML], forced);
    expect(forced.out).toMatch(/\x1b\[/);
    const flag = fakeIo({ isTTY: true });
    await run(['validate', '--no-color', NOT_XML], flag);
    expect(flag.out).not.toMatch(/\x1b\[/);
  });

  it('draws a ~ code frame under the problem on a terminal only', async () => {
    const tty = fakeIo({ isTTY: true, env: { NO_COLOR: '1' } });
    await run(['validate', NOT_XML], tty);
    const [first, source, marker] = tty.out.split('\n');
    const col = Number(/:(\d+):(\d+): /.exec(first!)![2]);
    expect(source).toMatch(/^ {2}\d+ /);
    const gutter = /^ {2}\d+ /.exec(source!)![0].length;
    // The ~ starts under the reported column.
    expect(marker!.indexOf('~')).toBe(gutter + col - 1);
    const pipe = fakeIo({ isTTY: false });
    await run(['validate', NOT_XML], pipe);
    expect(pipe.out).not.toMatch(/~/);
  });

  it('keeps json and sarif plain and stderr empty, even on a terminal', async () => {
    for (const format of ['json', 'sarif']) {
      const io = fakeIo({ isTTY: true, env: { FORCE_COLOR: '1' } });
      await run(['validate', '--format', format, ...VALID, NOT_XML], io);
      expect(io.out).not.toMatch(/\x1b\[/);
      expect(io.err).toBe('');
      expect(() => JSON.parse(io.out)).not.toThrow();
    }
  });

  it('--strict turns warnings into exit 1', async () => {
    const io = fakeIo({ stdin: '' });
    await run(['validate', '--format', 'json', ...VALID], io);
    const warned = (JSON.parse(io.out).files as { file: string; valid: boolean; problems: { severity: string }[] }[])
      .filter((f) => f.valid && f.problems.some((p) => p.severity === 'warning'))
      .map((f) => f.file);
    if (warned.length === 0) {
      console.warn('no valid fixture has a warning: --strict not exercised here');
      return;
    }
    expect(await run(['validate', ...warned], fakeIo())).toBe(0);
    expect(await run(['validate', '--strict', ...warned], fakeIo())).toBe(1);
  });

  it('prints the version and help', async () => {
    const v = fakeIo();
    expect(await run(['--version'], v)).toBe(0);
    expect(v.out).toMatch(/^\d+\.\d+\.\d+/);
    const h = fakeIo();
    expect(await run(['help', 'fmt'], h)).toBe(0);
    expect(h.out).toMatch(/^Usage: vmparams fmt/);
  });
});

describe('normalize and build in process, over every valid fixture', () => {
  it.each(VALID)('%s: build(normalize) normalizes to the same JSON', async (file) => {
    const norm = fakeIo();
    expect(await run(['normalize', file], norm)).toBe(0);
    const built = fakeIo({ stdin: norm.out });
    expect(await run(['build', '-'], built)).toBe(0);
    const again = fakeIo({ stdin: built.out });
    expect(await run(['normalize', '-'], again)).toBe(0);
    expect(JSON.parse(again.out)).toEqual(JSON.parse(norm.out));
    const check = fakeIo({ stdin: built.out });
    await run(['validate', '--format', 'json', '-'], check);
    expect(JSON.parse(check.out).files[0].valid).toBe(true);
  });
});
