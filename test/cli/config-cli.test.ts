/** The config file and --rule as a user meets them: `vmparams validate` in a child process. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir, type JsonOutput } from './helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const proj = join(tmp.dir, 'proj');
mkdirSync(join(proj, 'requests/deep'), { recursive: true });
copyFileSync(join(ROOT, 'fixtures/invalid/semantic/poweron-without-deploy.xml'), join(proj, 'requests/deep/app.xml'));
copyFileSync(join(ROOT, 'fixtures/invalid/semantic/eula-not-accepted.xml'), join(proj, 'requests/eula.xml'));
copyFileSync(join(ROOT, 'fixtures/invalid/semantic/eula-not-accepted.context.json'), join(proj, 'vdc.json'));
writeFileSync(join(proj, 'vmparams.config.json'), JSON.stringify({ context: 'vdc.json', strict: true, rules: { 'vapp/power-on-without-deploy': 'error' } }, null, 2));

const rules = (stdout: string) => (JSON.parse(stdout) as JsonOutput).files.flatMap((f) => f.problems.map((p) => `${f.file} ${p.severity} ${p.rule}`));

describe('vmparams.config.json', () => {
  it('is found from a subdirectory upward; its context path is relative to it', () => {
    const r = cli(['validate', '--format', 'json', '.', '../eula.xml'], { cwd: join(proj, 'requests/deep') });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(rules(r.stdout)).toEqual(['app.xml error vapp/power-on-without-deploy', '../eula.xml warning eula/not-accepted']);
  });

  it('--rule wins over the file; strict from the file still fails on the warning', () => {
    const r = cli(['validate', '--rule', 'vapp/power-on-without-deploy=warning', 'requests/deep/app.xml'], { cwd: proj });
    expect(r.stdout).toMatch(/^requests\/deep\/app\.xml:\d+:\d+: warning vapp\/power-on-without-deploy: /);
    expect(r.status).toBe(1);
  });

  it('--no-config and --config FILE', () => {
    const none = cli(['validate', '--no-config', 'requests/deep/app.xml'], { cwd: proj });
    expect(none.status).toBe(0);
    writeFileSync(join(tmp.dir, 'other.json'), '{ "rules": { "vapp/power-on-without-deploy": "off" } }');
    const other = cli(['validate', '--config', '../other.json', 'requests'], { cwd: proj });
    expect(other.stdout).toBe('✔ 2 files checked, no problems\n');
    expect(other.status).toBe(0);
  });
});

describe('exit 2 with one line on stderr', () => {
  const cases: [string, string[], string, RegExp][] = [
    ['a config that is not JSON', ['validate', '--config', 'bad.json', 'requests'], '{ "strict": true,, }', /^vmparams validate: bad\.json:1:18: not valid JSON \(/],
    ['an unknown field', ['validate', '--config', 'bad.json', 'requests'], '{\n  "ruless": {}\n}', /^vmparams validate: bad\.json:2:3: "ruless": unknown field; did you mean "rules"\?/],
    ['a bad value', ['validate', '--config', 'bad.json', 'requests'], '{ "ignore": "build" }', /^vmparams validate: bad\.json:1:3: ignore: must be an array of globs/],
    ['a missing config', ['validate', '--config', 'none.json', 'requests'], '', /^vmparams validate: none\.json: no such file or directory$/],
    ['--config with --no-config', ['validate', '--config', 'bad.json', '--no-config', 'requests'], '{}', /--config and --no-config cannot be used together/],
    ['--rule xsd=off', ['validate', '--rule', 'xsd=off', 'requests'], '', /^vmparams validate: --rule xsd=off: 'xsd' cannot be set or turned off/],
    ['--rule with an unknown id', ['validate', '--rule', 'nic/nope=off', 'requests'], '', /^vmparams validate: --rule nic\/nope=off: unknown rule 'nic\/nope'/],
    ['--rule with an unknown level', ['validate', '--rule', 'nic/adapter-type=loud', 'requests'], '', /^vmparams validate: --rule nic\/adapter-type=loud: unknown level 'loud'; use off, info, warning, error$/],
    ['--rule without a level', ['validate', '--rule', 'nic/adapter-type', 'requests'], '', /^vmparams validate: --rule nic\/adapter-type: expected ID=LEVEL/],
  ];
  it.each(cases)('%s', (_name, args, config, message) => {
    if (config) writeFileSync(join(proj, 'bad.json'), config);
    const r = cli(args, { cwd: proj });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('the config found upward, when bad, is named relative to the working directory', () => {
    const dir = join(tmp.dir, 'badproj');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'vmparams.config.json'), '{ "rules": { "nic/adapter-type": "warn" } }');
    copyFileSync(join(ROOT, 'fixtures/valid/clone-copy.xml'), join(dir, 'sub/a.xml'));
    const r = cli(['validate', 'a.xml'], { cwd: join(dir, 'sub') });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`vmparams validate: ../vmparams.config.json:1:14: rules["nic/adapter-type"]: unknown level 'warn'; use off, info, warning, error (did you mean 'warning'?)\n`);
  });
});
