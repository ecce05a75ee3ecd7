/**
 * The CI integrations (issue 12): action.yml and .pre-commit-hooks.yaml parse as YAML and name
 * commands that exist (each vmparams command line in them is run here with the same options), and the
 * README's CI recipes are valid YAML that call real options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cli, ROOT, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const VALID = 'fixtures/valid/clone-copy.xml';
const INVALID = 'fixtures/invalid/rasd-out-of-order.xml';

/** `vmparams a b c` -> ['a', 'b', 'c'] with shell variables replaced. */
function words(line: string, vars: Record<string, string>): string[] {
  return line
    .replace(/"?\$(\w+)"?/g, (_, v: string) => vars[v] ?? `$${v}`)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(read('.pre-commit-hooks.yaml')) as { id: string; name: string; entry: string; language: string; files: string }[];

  it('defines the validate and fmt hooks as node hooks for *.xml', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language])).toEqual([
      ['vmparams-validate', 'vmparams validate', 'node'],
      ['vmparams-fmt', 'vmparams fmt --check', 'node'],
    ]);
    for (const h of hooks) {
      const files = new RegExp(h.files);
      expect(files.test('templates/web.xml')).toBe(true);
      expect(files.test('templates/web.json')).toBe(false);
      expect(h.name.length).toBeGreaterThan(0);
    }
    // `vmparams` is the package's binary, which pre-commit installs from the hook repository.
    expect(Object.keys(JSON.parse(read('package.json')).bin)).toEqual(['vmparams']);
  });

  it('entries run as pre-commit runs them: with the file names appended', () => {
    const [validate, fmt] = hooks.map((h) => h.entry.split(' ').slice(1));
    expect(cli([...validate!, VALID]).status).toBe(0);
    expect(cli([...validate!, VALID, INVALID]).status).toBe(1);
    const check = cli([...fmt!, VALID, INVALID]);
    // 0 or 1 (formatted or not), never 2: the options exist.
    expect(check.status === 0 || check.status === 1, check.stderr).toBe(true);
    expect(check.stderr).not.toMatch(/unknown option/);
  });
});

describe('action.yml', () => {
  const action = parseYaml(read('action.yml')) as {
    name: string;
    description: string;
    inputs: Record<string, { description: string; default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: { name?: string; id?: string; uses?: string; run?: string; shell?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
  };

  it('is a composite action that validates to SARIF and uploads it', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.description.length).toBeGreaterThan(0);
    const validate = action.runs.steps.find((s) => s.id === 'validate')!;
    expect(validate.run).toContain('vmparams validate --format sarif -o "$SARIF"');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with?.sarif_file).toBe('${{ inputs.sarif-file }}');
    for (const s of action.runs.steps) if (s.run) expect(s.shell, s.name).toBe('bash');
  });

  it('uses only inputs it declares, and none inside a script (passed through env instead)', () => {
    const text = read('action.yml');
    for (const m of text.matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g)) expect(Object.keys(action.inputs), m[1]).toContain(m[1]);
    for (const s of action.runs.steps) expect(s.run ?? '', s.name).not.toMatch(/\$\{\{/);
  });

  it('every vmparams command in its scripts runs with those options', () => {
    const sarif = join(tmp.dir, 'results.sarif');
    const lines = action.runs.steps.flatMap((s) => (s.run ?? '').split('\n')).map((l) => l.trim().replace(/^if .*?; then /, '').replace(/; fi$/, ''));
    const commands = lines.filter((l) => l.startsWith('vmparams '));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const line of commands) {
      const args = words(line, { SARIF: sarif, ARGS: '--max-warnings 100', PATHS: 'fixtures/valid' }).slice(1);
      const r = cli(args);
      expect(r.status, `${line}: ${r.stderr}`).toBe(0);
    }
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
  });
});

describe('README: In CI and pre-commit', () => {
  const readme = read('README.md');
  const start = readme.indexOf('### In CI and pre-commit');
  const section = readme.slice(start, readme.indexOf('\n### ', start + 10));

  it('exists, with GitHub, GitLab, Jenkins and pre-commit recipes', () => {
    expect(start).toBeGreaterThan(0);
    for (const s of ['GitHub Actions', 'GitLab CI', 'Jenkins', 'pre-commit', 'upload-sarif', '--format github', 'reports:', "junit 'vmparams-junit.xml'"]) expect(section).toContain(s);
  });

  it('has YAML blocks that parse, and vmparams commands with options that exist', () => {
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const b of blocks) expect(() => parseYaml(b)).not.toThrow();
    const code = [...section.matchAll(/```(?:yaml|groovy)\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
    const commands = [...code.matchAll(/(?:npx --yes )?vmparams (validate [^\n'`]*)/g)].map((m) => m[1]!.replace(/\s*\|\|.*$/, '').trim());
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const c of commands) {
      const args = c
        .split(/\s+/)
        .map((w) => (w === 'templates' ? 'fixtures/valid' : w.endsWith('.xml') || w.endsWith('.sarif') ? join(tmp.dir, w) : w));
      // A pre-commit entry gets the file names appended.
      if (args.length === 1) args.push('fixtures/valid');
      const r = cli(args);
      expect(r.status, `${c}: ${r.stderr}`).toBe(0);
    }
  });
});
