/** loadSettings: every way a config is found or refused, and how flags win over it (in process). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadSettings, readConfigFile, validateOptions } from '../../src/config/index.js';
import { tempDir } from '../cli/helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

let n = 0;
/** A fresh project folder with the given files (paths relative to it). */
function project(files: Record<string, string>): string {
  const dir = join(tmp.dir, `p${n++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const VDC = JSON.stringify({ vdc: { name: 'dev' } });

describe('finding the config file', () => {
  it('takes the nearest vmparams.config.json from the working directory upward', () => {
    const dir = project({
      'vmparams.config.json': JSON.stringify({ strict: true, rules: { 'nic/adapter-type': 'off' } }),
      'a/vmparams.config.json': JSON.stringify({ rules: { 'nic/ip-ignored': 'error' } }),
      'a/b/c/.keep': '',
    });
    const deep = loadSettings({ cwd: join(dir, 'a/b/c') });
    expect(deep.config?.file).toBe(join(dir, 'a/vmparams.config.json'));
    // The nearest one only: settings do not cascade (eslint flat config does not either).
    expect(deep.rules).toEqual({ 'nic/ip-ignored': 'error' });
    expect(deep.strict).toBe(false);
    const top = loadSettings({ cwd: dir });
    expect(top.config?.file).toBe(join(dir, 'vmparams.config.json'));
    expect(top).toMatchObject({ strict: true, rules: { 'nic/adapter-type': 'off' } });
  });

  it('uses defaults when there is none', () => {
    const dir = project({ 'x/.keep': '' });
    // tmpdir has no config above it (a test that found one would say so here).
    const s = loadSettings({ cwd: join(dir, 'x') });
    expect(s.config).toBeUndefined();
    expect(s).toEqual({ strict: false, rules: {}, ignore: [] });
  });

  it('--config FILE is used instead of the lookup, relative to the working directory', () => {
    const dir = project({ 'vmparams.config.json': '{ "strict": true }', 'ci/strict-off.json': '{ "rules": { "name/length": "off" } }' });
    const s = loadSettings({ cwd: dir, configPath: 'ci/strict-off.json' });
    expect(s.config?.file).toBe(join(dir, 'ci/strict-off.json'));
    expect(s.strict).toBe(false);
    expect(s.rules).toEqual({ 'name/length': 'off' });
  });

  it('--no-config ignores the file that would be found', () => {
    const dir = project({ 'vmparams.config.json': '{ "strict": true, "rules": { "name/length": "off" } }' });
    expect(loadSettings({ cwd: dir, noConfig: true })).toEqual({ strict: false, rules: {}, ignore: [] });
  });

  it('--config and --no-config together are refused', () => {
    const dir = project({ 'c.json': '{}' });
    expect(() => loadSettings({ cwd: dir, configPath: 'c.json', noConfig: true })).toThrow(/--config and --no-config cannot be used together/);
  });
});

describe('paths in the config file are relative to it', () => {
  it('reads context from beside the config, whatever the working directory', () => {
    const dir = project({ 'vmparams.config.json': '{ "context": "vdc/dev.json" }', 'vdc/dev.json': VDC, 'requests/deep/.keep': '' });
    const s = loadSettings({ cwd: join(dir, 'requests/deep') });
    expect(s.contextFile).toBe(join(dir, 'vdc/dev.json'));
    expect(s.context).toEqual({ vdc: { name: 'dev' } });
    expect(validateOptions(s)).toEqual({ context: { vdc: { name: 'dev' } } });
  });

  it('keeps ignore globs with the config directory as their base', () => {
    const dir = project({ 'vmparams.config.json': '{ "ignore": ["build/**", "**/*.generated.xml"] }', 'sub/.keep': '' });
    expect(loadSettings({ cwd: join(dir, 'sub') }).ignore).toEqual([{ base: dir, patterns: ['build/**', '**/*.generated.xml'] }]);
  });
});

describe('flags win over the file', () => {
  const dir = project({
    'vmparams.config.json': JSON.stringify({ apiVersion: '33.0', context: 'a.json', rules: { 'name/length': 'off', 'nic/ip-ignored': 'info' } }),
    'a.json': JSON.stringify({ vdc: { name: 'from-config' } }),
    'b.json': JSON.stringify({ vdc: { name: 'from-flag' } }),
  });

  it('--api-version, --context and --rule replace the file values; other rules stay', () => {
    const s = loadSettings({ cwd: dir, flags: { apiVersion: '36.0', context: 'b.json', rules: { 'name/length': 'warning' } } });
    expect(s.apiVersion).toBe('36.0');
    expect(s.context).toEqual({ vdc: { name: 'from-flag' } });
    expect(s.rules).toEqual({ 'name/length': 'warning', 'nic/ip-ignored': 'info' });
  });

  it('--strict turns strict on; the file cannot turn a flag off', () => {
    expect(loadSettings({ cwd: dir, flags: { strict: true } }).strict).toBe(true);
    const strictFile = project({ 'vmparams.config.json': '{ "strict": true }' });
    expect(loadSettings({ cwd: strictFile, flags: {} }).strict).toBe(true);
  });

  it('without flags the file values are used', () => {
    const s = loadSettings({ cwd: dir });
    expect(validateOptions(s)).toEqual({ apiVersion: '33.0', context: { vdc: { name: 'from-config' } }, rules: { 'name/length': 'off', 'nic/ip-ignored': 'info' } });
  });
});

describe('a bad config file: ConfigError naming the file, the position and the field', () => {
  const cases: [string, string, RegExp, string | undefined][] = [
    ['not JSON', '{\n  "strict": true,\n}\n', /^vmparams\.config\.json:3:1: not valid JSON \(Expected double-quoted property name\)$/, undefined],
    ['empty', '', /^vmparams\.config\.json: the file is empty; a config file is a JSON object/, undefined],
    ['not an object', '[1, 2]', /^vmparams\.config\.json:1:1: must be a JSON object/, undefined],
    ['unknown field with a suggestion', '{\n  "rulez": {}\n}', /^vmparams\.config\.json:2:3: "rulez": unknown field; did you mean "rules"\? \(fields: apiVersion, context, strict, rules, ignore, printWidth\)$/, 'rulez'],
    ['unknown field', '{ "colour": true }', /^vmparams\.config\.json:1:3: "colour": unknown field \(fields: /, 'colour'],
    ['bad apiVersion', '{ "apiVersion": 36 }', /^vmparams\.config\.json:1:3: apiVersion: must be a version string like "36\.0" \(major\.minor\), not the number 36$/, 'apiVersion'],
    ['bad apiVersion text', '{ "apiVersion": "latest" }', /apiVersion: must be a version string like "36\.0"/, 'apiVersion'],
    ['bad context', '{ "context": "" }', /^vmparams\.config\.json:1:3: context: must be the path of a VDC description file/, 'context'],
    ['bad strict', '{ "strict": "yes" }', /^vmparams\.config\.json:1:3: strict: must be true or false, not the string "yes"$/, 'strict'],
    ['rules not an object', '{ "rules": ["nic/adapter-type"] }', /^vmparams\.config\.json:1:3: rules: must be an object of rule ids and levels/, 'rules'],
    ['unknown rule', '{ "rules": {\n  "nic/adapter-typo": "off" } }', /^vmparams\.config\.json:2:3: rules\["nic\/adapter-typo"\]: unknown rule 'nic\/adapter-typo'; did you mean 'nic\/adapter-type'\?/, 'rules["nic/adapter-typo"]'],
    ['xsd cannot be set', '{ "rules": { "xsd": "off" } }', /rules\.xsd: 'xsd' cannot be set or turned off/, 'rules.xsd'],
    ['xml cannot be set', '{ "rules": { "xml": "warning" } }', /rules\.xml: 'xml' cannot be set or turned off/, 'rules.xml'],
    ['unknown level', '{ "rules": { "name/length": "warn" } }', /rules\["name\/length"\]: unknown level 'warn'; use off, info, warning, error \(did you mean 'warning'\?\)$/, 'rules["name/length"]'],
    ['level not a string', '{ "rules": { "name/length": 2 } }', /rules\["name\/length"\]: unknown level 2; use off, info, warning, error$/, 'rules["name/length"]'],
    ['ignore not an array', '{ "ignore": "build/**" }', /^vmparams\.config\.json:1:3: ignore: must be an array of globs/, 'ignore'],
    ['ignore entry empty', '{ "ignore": ["a", ""] }', /^vmparams\.config\.json:1:19: ignore\[1\]: must be a non-empty glob string, not the string ""$/, 'ignore[1]'],
  ];
  it.each(cases)('%s', (_name, text, message, field) => {
    const dir = project({ 'vmparams.config.json': text });
    let error: unknown;
    try {
      loadSettings({ cwd: dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
    expect(e.file).toBe(join(dir, 'vmparams.config.json'));
    expect(e.field).toBe(field);
  });

  it('names the file as given with --config, and says when it is missing', () => {
    const dir = project({ 'ci.json': '{ "strict": 1 }' });
    expect(() => loadSettings({ cwd: dir, configPath: 'ci.json' })).toThrow(/^ci\.json:1:3: strict: must be true or false, not the number 1$/);
    expect(() => loadSettings({ cwd: dir, configPath: 'nope.json' })).toThrow(/^nope\.json: no such file or directory$/);
  });

  it('names the config and its context field when the context file is missing or not JSON', () => {
    const missing = project({ 'vmparams.config.json': '{ "context": "vdc.json" }', 'sub/.keep': '' });
    expect(() => loadSettings({ cwd: join(missing, 'sub') })).toThrow(/^\.\.\/vmparams\.config\.json: context: vdc\.json: no such file or directory$/);
    const broken = project({ 'vmparams.config.json': '{ "context": "vdc.json" }', 'vdc.json': '{ nope' });
    expect(() => loadSettings({ cwd: broken })).toThrow(/^vmparams\.config\.json: context: vdc\.json: not valid JSON/);
  });

  it('says --context FILE when the flag names a file that cannot be read', () => {
    const dir = project({ 'bad.json': '[' });
    expect(() => loadSettings({ cwd: dir, noConfig: true, flags: { context: 'none.json' } })).toThrow(/^--context none\.json: no such file or directory$/);
    expect(() => loadSettings({ cwd: dir, noConfig: true, flags: { context: 'bad.json' } })).toThrow(/^--context bad\.json: not valid JSON/);
  });

  it('accepts a BOM and $schema', () => {
    const dir = project({ 'vmparams.config.json': '\uFEFF{ "$schema": "./node_modules/vmparams/schemas/vmparams-config.schema.json", "strict": true }' });
    expect(readConfigFile(join(dir, 'vmparams.config.json')).data.strict).toBe(true);
  });
});
