/** normalize, build, fmt, rules, --help and --version, run as a user would (the built CLI). */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir, xmlFilesUnder, type JsonOutput } from './helpers.js';

const VALID = xmlFilesUnder('fixtures/valid');
const tmp = tempDir();
afterAll(tmp.cleanup);

const KINDS = ['InstantiateVAppTemplateParams', 'ComposeVAppParams', 'RecomposeVAppParams', 'CloneVAppParams', 'InstantiateOvfParams'];

/** One valid fixture per request type: the child-process round trip runs on these (spawns are slow). */
function onePerKind(): string[] {
  const seen = new Map<string, string>();
  for (const file of VALID) {
    const kind = /<(\w+)[\s>]/.exec(readFileSync(join(ROOT, file), 'utf8').replace(/<\?[^>]*\?>|<!--[\s\S]*?-->/g, ''))?.[1];
    if (kind && !seen.has(kind)) seen.set(kind, file);
  }
  return [...seen.values()];
}

describe('normalize and build', () => {
  it('has a valid fixture of every request type', () => {
    expect(onePerKind()).toHaveLength(KINDS.length);
  });

  it('round-trips one document of each type: normalize -> build -> normalize gives the same JSON, and valid XML', () => {
    const dir = join(tmp.dir, 'built');
    mkdirSync(dir);
    const files = onePerKind();
    for (const file of files) {
      const norm = cli(['normalize', file]);
      expect(norm.stderr).toBe('');
      expect(norm.status).toBe(0);
      const doc = JSON.parse(norm.stdout);
      expect(KINDS).toContain(doc.kind);
      const built = cli(['build', '-'], { input: norm.stdout });
      expect(built.stderr).toBe('');
      expect(built.status).toBe(0);
      expect(built.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n</);
      // Building loses nothing normalize keeps.
      expect(JSON.parse(cli(['normalize', '-'], { input: built.stdout }).stdout), file).toEqual(doc);
      writeFileSync(join(dir, file.replace(/\W/g, '_') + '.xml'), built.stdout);
    }
    // Every built document passes validation (one run for all).
    const out = JSON.parse(cli(['validate', '--format', 'json', dir]).stdout) as JsonOutput;
    expect(out.files).toHaveLength(files.length);
    for (const f of out.files) expect(f.problems.filter((p) => p.severity === 'error'), f.file).toEqual([]);
  });

  it('reads normalize input from stdin', () => {
    const file = VALID[0]!;
    expect(cli(['normalize', '-'], { input: readFileSync(join(ROOT, file)) }).stdout).toBe(cli(['normalize', file]).stdout);
  });

  it('makes booleans and units explicit', () => {
    const xml = `<?xml version="1.0"?>
<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="n" deploy="1"/>`;
    const r = cli(['normalize', '-'], { input: xml });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kind: 'ComposeVAppParams', name: 'n', deploy: true });
  });

  it('exits 1 with file:line:column for a document that is not XML', () => {
    const r = cli(['normalize', '-'], { input: '<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5">\n  <a>\n</ComposeVAppParams>' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: error xml: .+\n$/);
  });

  it('exits 1 for a root that is not a request', () => {
    const r = cli(['normalize', '-'], { input: '<Foo/>' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:1:1: error xml: <Foo> is not a request/);
  });

  it('build exits 1 for JSON that does not parse, with its position', () => {
    const r = cli(['build', '-'], { input: '{\n  "kind": "ComposeVAppParams",\n  "name": \n}' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: error json: not valid JSON: /);
  });

  it('build exits 1 for an unknown kind or a property the model does not have', () => {
    const kind = cli(['build', '-'], { input: '{"kind": "DeployVAppParams"}' });
    expect(kind.status).toBe(1);
    expect(kind.stderr).toMatch(/error build: .*"kind" must be one of/);
    const prop = cli(['build', '-'], { input: '{"kind": "ComposeVAppParams", "name": "x", "Nonsense": 1}' });
    expect(prop.status).toBe(1);
    // The position is the unknown key's, in the JSON text.
    expect(prop.stderr).toMatch(/^<stdin>:1:44: error build: .*Nonsense/);
    const arr = cli(['build', '-'], { input: '[]' });
    expect(arr.status).toBe(1);
  });

  it('normalize and build take exactly one input, and --api-version N.N', () => {
    expect(cli(['normalize']).status).toBe(2);
    expect(cli(['normalize', VALID[0]!, VALID[1]!]).status).toBe(2);
    expect(cli(['build', 'fixtures']).stderr).toMatch(/is a directory/);
    expect(cli(['normalize', '--api-version', '36', VALID[0]!]).status).toBe(2);
    expect(cli(['normalize', '--api-version', '36.0', VALID[0]!]).status).toBe(0);
  });
});

describe('fmt', () => {
  it('--check exits 1 for a document out of schema order; --write repairs it; then --check and validate pass', () => {
    const file = join(tmp.dir, 'rasd.xml');
    copyFileSync(join(ROOT, 'fixtures/invalid/rasd-out-of-order.xml'), file);
    expect(cli(['validate', file]).status).toBe(1);
    const before = cli(['fmt', '--check', 'rasd.xml'], { cwd: tmp.dir });
    expect(before.status).toBe(1);
    expect(before.stdout).toMatch(/^rasd\.xml: not formatted$/m);
    const write = cli(['fmt', '--write', 'rasd.xml'], { cwd: tmp.dir });
    expect(write.status).toBe(0);
    // The fixture explains itself in a comment, which fmt keeps.
    const comment = /<!--[^]*?-->/.exec(readFileSync(join(ROOT, 'fixtures/invalid/rasd-out-of-order.xml'), 'utf8'))![0];
    expect(write.stdout).toMatch(/^rasd\.xml: formatted$/m);
    expect(readFileSync(file, 'utf8')).toContain(comment);
    const after = cli(['fmt', '--check', 'rasd.xml'], { cwd: tmp.dir });
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/^✔ 1 file formatted$/m);
    expect(cli(['validate', file]).status).toBe(0);
    // A second --write changes nothing.
    const content = readFileSync(file, 'utf8');
    expect(cli(['fmt', '--write', 'rasd.xml'], { cwd: tmp.dir }).stdout).toMatch(/0 files rewritten, 1 unchanged/);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('prints the canonical form to stdout without flags, leaving the file alone', () => {
    const file = join(tmp.dir, 'plain.xml');
    copyFileSync(join(ROOT, VALID[0]!), file);
    const original = readFileSync(file, 'utf8');
    const r = cli(['fmt', file]);
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    // The output is formatted already and still valid.
    expect(cli(['fmt', '--check', '-'], { input: r.stdout }).status).toBe(0);
    expect(cli(['validate', '-'], { input: r.stdout }).status).toBe(0);
    expect(cli(['fmt', '-'], { input: original }).stdout).toBe(r.stdout);
    expect(r.stderr).toBe('');
  });

  it('keeps every valid fixture valid (fmt --write over a folder, then validate)', () => {
    const dir = join(tmp.dir, 'fmt-all');
    mkdirSync(dir);
    for (const file of VALID) copyFileSync(join(ROOT, file), join(dir, file.replace(/\//g, '_')));
    const w = cli(['fmt', '--write', dir]);
    expect(w.status).toBe(0);
    expect(w.stdout).toMatch(new RegExp(`^\\d+ files? rewritten, \\d+ unchanged$`, 'm'));
    const check = cli(['fmt', '--check', dir]);
    expect(check.status).toBe(0);
    const r = cli(['validate', '--no-lint', dir]);
    expect(r.stdout).toBe(`✔ ${VALID.length} files checked, no problems\n`);
    expect(r.status).toBe(0);
  });

  it('exits 1 for a document it cannot read, and 2 for bad usage', () => {
    const bad = join(tmp.dir, 'bad.xml');
    writeFileSync(bad, '<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5">');
    const r = cli(['fmt', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.xml:\d+:\d+: error xml: /);
    expect(cli(['fmt', '--write', '--check', bad]).status).toBe(2);
    expect(cli(['fmt', VALID[0]!, VALID[1]!]).status).toBe(2);
    expect(cli(['fmt', '--bogus', bad]).status).toBe(2);
    expect(cli(['fmt', 'nope.xml']).status).toBe(2);
  });
});

describe('rules', () => {
  it('lists every rule with id, severity and one line', () => {
    const r = cli(['rules']);
    expect(r.status).toBe(0);
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout) as { id: string; severity: string; description: string }[];
    const ids = json.map((x) => x.id);
    expect(ids.slice(0, 2)).toEqual(['xml', 'xsd']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of json) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description.length, rule.id).toBeGreaterThan(0);
      expect(r.stdout).toMatch(new RegExp(`^  ${rule.id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} +${rule.severity} +\\S`, 'm'));
    }
    expect(r.stdout).toMatch(new RegExp(`^${json.length} rules\\.`, 'm'));
  });

  it('explains one rule, and exits 2 for an unknown id', () => {
    const r = cli(['rules', 'xsd']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^xsd \(error\)\n/);
    expect(r.stdout).toMatch(/Fix: /);
    const unknown = cli(['rules', 'no/such-rule']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^vmparams rules: no rule 'no\/such-rule'/);
  });

  it('lists every rule id that validate reports on the fixtures', () => {
    const ids = new Set((JSON.parse(cli(['rules', '--format', 'json']).stdout) as { id: string }[]).map((x) => x.id));
    const out = JSON.parse(cli(['validate', '--format', 'json', 'fixtures']).stdout) as JsonOutput;
    for (const p of out.files.flatMap((f) => f.problems)) expect(ids.has(p.rule), p.rule).toBe(true);
  });
});

describe('help and version', () => {
  it('--version prints the package version', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    for (const flag of ['--version', '-v']) {
      const r = cli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('--help lists every command', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['validate', 'normalize', 'build', 'fmt', 'rules', 'instant-clone']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it.each(['validate', 'normalize', 'build', 'fmt', 'rules'])('%s --help, -h and `help <command>` describe the command', (command) => {
    const r = cli([command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: vmparams ${command} `));
    expect(cli(['help', command]).stdout).toBe(r.stdout);
    expect(cli([command, '-h']).stdout).toBe(r.stdout);
  });

  it('validate --help names every option of interface.md', () => {
    const r = cli(['validate', '--help']);
    for (const o of ['--format text|json|sarif', '--no-lint', '--strict', '--api-version N.N', '--schema-dir DIR', '--context FILE']) expect(r.stdout).toContain(o);
  });

  it('instant-clone is dispatched to its own command', () => {
    const r = cli(['instant-clone', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/instant-clone/);
  });

  it('without a command prints usage on stderr and exits 2', () => {
    const r = cli([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: vmparams/);
  });
});
