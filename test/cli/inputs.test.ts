/**
 * Files as users name them (issue 12), in process through run(argv, io): quoted globs, .gitignore
 * (nested, negated, above the working directory), --ignore-pattern, the config's `ignore`,
 * --no-ignore, and XML that is not a request skipped when found by walking or a glob but checked
 * when named.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { rootLocalName, skipReason } from '../../src/cli/sniff.js';
import { fakeIo } from './fake-io.js';
import { ROOT, tempDir, type JsonOutput } from './helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const repo = join(tmp.dir, 'repo');

const VALID = readFileSync(join(ROOT, 'fixtures/valid/clone-copy.xml'));
const NIC = readFileSync(join(ROOT, 'fixtures/invalid/semantic/nic-manual-without-ip.xml'));
const POM = '<?xml version="1.0"?>\n<!-- build -->\n<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion></project>\n';
const JUNIT = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="x" tests="0"></testsuite>\n';
const TEMPLATE = '<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY a "b"> ]>\n<vcloud:VAppTemplate xmlns:vcloud="http://www.vmware.com/vcloud/v1.5" name="t"/>\n';

function put(rel: string, content: string | Uint8Array): void {
  mkdirSync(dirname(join(repo, rel)), { recursive: true });
  writeFileSync(join(repo, rel), content);
}

beforeAll(() => {
  mkdirSync(join(repo, '.git'), { recursive: true });
  put('.gitignore', 'generated/\n*.tmp.xml\n');
  put('pom.xml', POM);
  put('templates/a.xml', VALID);
  put('templates/b.xml', NIC);
  put('templates/.hidden/x.xml', VALID);
  put('templates/node_modules/pkg/y.xml', VALID);
  put('templates/generated/g.xml', VALID);
  put('templates/keep.tmp.xml', VALID);
  put('templates/junit-report.xml', JUNIT);
  put('templates/vapp-template.xml', TEMPLATE);
  put('templates/sub/.gitignore', '!keep.tmp.xml\nlocal.xml\n');
  put('templates/sub/keep.tmp.xml', VALID);
  put('templates/sub/local.xml', VALID);
  put('templates/sub/deeper/d.xml', VALID);
  copyFileSync(join(ROOT, 'fixtures/invalid/not-well-formed.xml'), join(repo, 'templates/sub/deeper/broken.xml'));
});

interface WithSkipped extends JsonOutput {
  skipped?: { file: string; reason: string }[];
  summary: JsonOutput['summary'] & { skipped?: number };
}

async function validate(args: string[], cwd = repo): Promise<{ status: number; out: WithSkipped; err: string }> {
  const io = fakeIo({ cwd });
  const status = await run(['validate', '--format', 'json', '--no-config', ...args], io);
  return { status, out: io.out ? (JSON.parse(io.out) as WithSkipped) : (undefined as never), err: io.err };
}

const files = (o: WithSkipped) => o.files.map((f) => f.file);

describe('walking a directory', () => {
  it('respects .gitignore files as git does, skips non-requests and lists them', async () => {
    const { status, out, err } = await validate(['.']);
    expect(err).toBe('');
    expect(status).toBe(1);
    // generated/ and *.tmp.xml by the top .gitignore; sub/ re-includes keep.tmp.xml and ignores local.xml.
    expect(files(out)).toEqual(['templates/a.xml', 'templates/b.xml', 'templates/sub/deeper/broken.xml', 'templates/sub/deeper/d.xml', 'templates/sub/keep.tmp.xml']);
    expect(out.skipped).toEqual([
      { file: 'pom.xml', reason: expect.stringMatching(/^the root element <project> is not a Cloud Director request \(InstantiateVAppTemplateParams, /) },
      { file: 'templates/junit-report.xml', reason: expect.stringContaining('<testsuite>') },
      { file: 'templates/vapp-template.xml', reason: expect.stringContaining('<VAppTemplate>') },
    ]);
    expect(out.summary).toEqual({ files: 5, valid: 3, errors: out.summary.errors, warnings: out.summary.warnings, skipped: 3 });
    // A file whose root cannot be told (not well-formed) is validated, and says why it is wrong.
    expect(out.files.find((f) => f.file.endsWith('broken.xml'))!.problems[0]!.rule).toBe('xml');
  });

  it('applies the .gitignore of the repository root when walking from below it', async () => {
    const { out } = await validate(['.'], join(repo, 'templates'));
    expect(files(out)).toEqual(['a.xml', 'b.xml', 'sub/deeper/broken.xml', 'sub/deeper/d.xml', 'sub/keep.tmp.xml']);
  });

  it('--no-ignore includes what .gitignore leaves out (not hidden folders or node_modules)', async () => {
    const { out } = await validate(['--no-ignore', 'templates']);
    expect(files(out)).toEqual([
      'templates/a.xml',
      'templates/b.xml',
      'templates/generated/g.xml',
      'templates/keep.tmp.xml',
      'templates/sub/deeper/broken.xml',
      'templates/sub/deeper/d.xml',
      'templates/sub/keep.tmp.xml',
      'templates/sub/local.xml',
    ]);
  });

  it('--ignore-pattern GLOB (repeatable) leaves out more, relative to the working directory', async () => {
    const { out } = await validate(['--ignore-pattern', 'templates/sub', '--ignore-pattern', '**/b.xml', 'templates']);
    expect(files(out)).toEqual(['templates/a.xml']);
  });

  it("the config file's ignore is relative to the config file", async () => {
    const dir = join(tmp.dir, 'cfg');
    mkdirSync(join(dir, 'requests/old'), { recursive: true });
    writeFileSync(join(dir, 'vmparams.config.json'), JSON.stringify({ ignore: ['requests/old/', '**/*.draft.xml'] }));
    writeFileSync(join(dir, 'requests/a.xml'), VALID);
    writeFileSync(join(dir, 'requests/b.draft.xml'), VALID);
    writeFileSync(join(dir, 'requests/old/c.xml'), VALID);
    const io = fakeIo({ cwd: join(dir, 'requests') });
    expect(await run(['validate', '--format', 'json', '.'], io)).toBe(0);
    expect(files(JSON.parse(io.out) as WithSkipped)).toEqual(['a.xml']);
    // Named on the command line, an ignored file is checked all the same (interface.md).
    const named = fakeIo({ cwd: join(dir, 'requests') });
    await run(['validate', '--format', 'json', 'old/c.xml', 'b.draft.xml'], named);
    expect(files(JSON.parse(named.out) as WithSkipped)).toEqual(['old/c.xml', 'b.draft.xml']);
    // --no-config drops the config's ignore; --no-ignore too.
    const noConfig = fakeIo({ cwd: join(dir, 'requests') });
    await run(['validate', '--format', 'json', '--no-config', '.'], noConfig);
    expect(files(JSON.parse(noConfig.out) as WithSkipped)).toEqual(['a.xml', 'b.draft.xml', 'old/c.xml']);
  });
});

describe('files named on the command line', () => {
  it('are checked even when not a request, ignored by .gitignore or hidden', async () => {
    const { status, out } = await validate(['pom.xml', 'templates/generated/g.xml', 'templates/.hidden/x.xml']);
    expect(status).toBe(1);
    expect(files(out)).toEqual(['pom.xml', 'templates/generated/g.xml', 'templates/.hidden/x.xml']);
    expect(out.skipped).toBeUndefined();
    expect(out.summary.skipped).toBeUndefined();
    expect(out.files[0]!.valid).toBe(false);
  });
});

describe('quoted globs', () => {
  it('are expanded by vmparams like a walk: sorted, ignore rules and skips applied', async () => {
    const { out } = await validate(['templates/**/*.xml']);
    expect(files(out)).toEqual(['templates/a.xml', 'templates/b.xml', 'templates/sub/deeper/broken.xml', 'templates/sub/deeper/d.xml', 'templates/sub/keep.tmp.xml']);
    expect(out.skipped?.map((s) => s.file)).toEqual(['templates/junit-report.xml', 'templates/vapp-template.xml']);
  });

  it('match only *.xml files, and can name node_modules explicitly', async () => {
    put('templates/notes.txt', 'x');
    expect(files((await validate(['templates/*'])).out)).toEqual(['templates/a.xml', 'templates/b.xml']);
    expect(files((await validate(['templates/node_modules/**/*.xml'])).out)).toEqual(['templates/node_modules/pkg/y.xml']);
    expect(files((await validate(['templates/{a,b}.xml'])).out)).toEqual(['templates/a.xml', 'templates/b.xml']);
  });

  it('exit 2 when nothing matches, or everything matched is ignored', async () => {
    const none = await validate(['nothing/**/*.xml']);
    expect(none.status).toBe(2);
    expect(none.err).toBe("vmparams validate: 'nothing/**/*.xml': no *.xml files match this pattern\n");
    const ignored = await validate(['templates/generated/*.xml']);
    expect(ignored.status).toBe(2);
    expect(ignored.err).toBe("vmparams validate: 'templates/generated/*.xml': every file it matches is ignored (see --no-ignore)\n");
    expect((await validate(['--no-ignore', 'templates/generated/*.xml'])).status).toBe(0);
  });

  it('a directory with nothing left after ignoring is an error too', async () => {
    const r = await validate(['templates/generated']);
    expect(r.status).toBe(2);
    expect(r.err).toBe('vmparams validate: templates/generated: no *.xml files in this directory that are not ignored (see --no-ignore)\n');
  });
});

describe('the text summary', () => {
  it('counts the skipped files', async () => {
    const io = fakeIo({ cwd: repo });
    await run(['validate', '--no-config', 'pom.xml', 'templates/a.xml', 'templates/junit-report.xml', 'templates'], io);
    // pom.xml and junit-report.xml were named: checked. vapp-template.xml came from the walk: skipped.
    expect(io.out.trimEnd().split('\n').at(-1)).toMatch(/ in \d files \(\d files checked\); 1 file skipped \(not Cloud Director requests; --format json lists them\)$/);
  });
});

describe('rootLocalName (the skip check reads only the prolog)', () => {
  it.each([
    ['<?xml version="1.0"?>\n<!-- c -->\n<?pi x?>\n<project xmlns="m">', 'project'],
    ['\uFEFF<vcloud:VAppTemplate xmlns:vcloud="v"/>', 'VAppTemplate'],
    ['<!DOCTYPE r [ <!ENTITY a "b"> <!ELEMENT r ANY> ]>\n<r>', 'r'],
    ['<ComposeVAppParams>', 'ComposeVAppParams'],
  ])('%j -> %s', (text, name) => {
    expect(rootLocalName(text)).toBe(name);
  });

  it.each([
    ['text before the root', 'hello <a/>'],
    ['a comment cut off', '<!-- long'],
    ['a name cut off at the end of what was read', '<?xml version="1.0"?><InstantiateVApp'],
    ['no root', '<?xml version="1.0"?>'],
    ['a control character in the name', '<a\u001b[31m>'],
  ])('cannot tell: %s', (_name, text) => {
    expect(rootLocalName(text)).toBeUndefined();
  });

  it('reads past the first 4 KiB when the prolog is longer, and tells UTF-16 by its BOM', () => {
    const long = join(tmp.dir, 'long-prolog.xml');
    writeFileSync(long, `<!-- ${'x'.repeat(10_000)} -->\n<project/>`);
    expect(skipReason(long)).toMatch(/<project>/);
    const utf16 = join(tmp.dir, 'utf16.xml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><project/>', 'utf16le')]));
    expect(skipReason(utf16)).toMatch(/<project>/);
    const request = join(tmp.dir, 'request.xml');
    writeFileSync(request, VALID);
    expect(skipReason(request)).toBeUndefined();
  });
});
