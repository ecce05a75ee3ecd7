/**
 * `vmparams instant-clone ...` run in process with a memory Io: output formats, exit codes,
 * usage errors, and `send` against the fake vCenter.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeVcenter } from './fake-vcenter.js';
import { run, type Run } from './run.js';

const F = 'fixtures/instant-clone';
const read = (p: string) => readFileSync(resolve(p), 'utf8');

/** A usage failure: exit 2 and exactly one line on stderr, no stack trace. */
function expectUsage(r: Run, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('validate', () => {
  it('a valid spec: exit 0 and a summary line', async () => {
    const r = await run(['validate', `${F}/valid/full-api.json`]);
    expect(r).toEqual({ code: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' });
  });

  it('an invalid spec: one file:line:column line per problem, a summary, exit 1', async () => {
    const r = await run(['validate', `${F}/invalid/missing-required.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `${F}/invalid/missing-required.json:1:1: error instant-clone/required: source is required: the id of the VM to instant-clone from, e.g. "vm-42" (at /source)`,
      `${F}/invalid/missing-required.json:1:1: error instant-clone/required: name is required: the name of the new VM (at /name)`,
      '✖ 2 problems (2 errors, 0 warnings) in 1 file',
      '',
    ]);
  });

  it('warnings alone pass, unless --strict', async () => {
    const r = await run(['validate', `${F}/valid/serial-network-warning.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning instant-clone/port-backing-not-file');
    expect(r.stdout).toContain('⚠ 2 problems (0 errors, 2 warnings) in 1 file');
    expect((await run(['validate', '--strict', `${F}/valid/serial-network-warning.json`])).code).toBe(1);
  });

  it('--format json prints the XML-validation object with kind InstantCloneSpec and JSON pointers', async () => {
    const r = await run(['validate', '--format', 'json', `${F}/invalid/portgroup-no-network.json`, `${F}/valid/minimal-rest.json`]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ files: 2, valid: 1, errors: 3, warnings: 0 });
    expect(out.files[0]).toMatchObject({ file: `${F}/invalid/portgroup-no-network.json`, kind: 'InstantCloneSpec', valid: false });
    expect(out.files[0].problems[0]).toMatchObject({ severity: 'error', rule: 'instant-clone/backing-field-missing', line: 5, column: 15, path: '/nics_to_update/4000/backing/network' });
    expect(typeof out.files[0].problems[0].message).toBe('string');
    expect(out.files[1]).toEqual({ file: `${F}/valid/minimal-rest.json`, kind: 'InstantCloneSpec', valid: true, problems: [] });
    expect(Object.keys(out.files[0].problems[0]).slice(0, 6)).toEqual(['severity', 'rule', 'line', 'column', 'path', 'message']);
    expect(out.files[0].problems[0].message).not.toContain('(at /');
  });

  it('reads standard input with -', async () => {
    const r = await run(['validate', '-', '--format=json'], { stdin: read(`${F}/valid/full-rest.json`) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ file: '<stdin>', valid: true, problems: [] });
  });

  it('--form checks the body is in that form', async () => {
    const r = await run(['validate', '--form', 'api', `${F}/valid/full-rest.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error instant-clone/wrong-form: this is a /rest body');
    expect((await run(['validate', '--form', 'rest', `${F}/valid/full-rest.json`])).code).toBe(0);
  });

  it('JSON that does not parse is a document problem with its position (exit 1)', async () => {
    const r = await run(['validate', '-'], { stdin: '{\n  "source": "vm-42",\n  "name": }\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:3:11: error instant-clone\/json: the body is not valid JSON/);
  });

  it('usage errors: one line, exit 2', async () => {
    expectUsage(await run(['validate', '--bogus', `${F}/valid/full-api.json`]), /--bogus/);
    expectUsage(await run(['validate', 'no/such/file.json']), /^vmparams instant-clone validate: no\/such\/file.json: no such file or directory\n$/);
    expectUsage(await run(['validate', 'fixtures/valid']), /fixtures\/valid: no \*\.json files in this directory/);
    expectUsage(await run(['validate', '--format', 'xml', `${F}/valid/full-api.json`]), /--format must be text, json or sarif/);
    expectUsage(await run(['validate', '--form', 'soap', `${F}/valid/full-api.json`]), /--form must be api or rest/);
    expectUsage(await run(['validate']), /give at least one spec file/);
    expectUsage(await run(['validate', '-', '-']), /only once/);
    expectUsage(await run(['frobnicate']), /unknown command 'frobnicate'/);
  });

  it('--help prints usage and exits 0', async () => {
    for (const cmd of [[], ['validate'], ['privileges'], ['convert'], ['send']]) {
      const r = await run([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: vmparams instant-clone/);
    }
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage:/);
  });
});

describe('privileges', () => {
  it('--format json prints the documented array', async () => {
    const r = await run(['privileges', `${F}/valid/full-rest.json`, '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list[0]).toEqual({ field: 'source', resourceType: 'VirtualMachine', resource: 'vm-42', privileges: ['VirtualMachine.Provisioning.Clone', 'VirtualMachine.Inventory.CreateFromExisting'] });
    expect(list.map((e: { field: string }) => e.field)).toEqual([
      'source',
      'placement.folder',
      'placement.resource_pool',
      'placement.datastore',
      'nics_to_update.4000.backing.network',
      'nics_to_update.4001.backing.network',
    ]);
  });

  it('text: one line per resource and the union', async () => {
    const r = await run(['privileges', `${F}/valid/dvpg-static-port.json`]);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'source: VirtualMachine vm-42: VirtualMachine.Provisioning.Clone, VirtualMachine.Inventory.CreateFromExisting\n' +
        'nics_to_update.4000.backing.network: Network dvportgroup-21: Network.Assign\n' +
        'privileges needed: Network.Assign, VirtualMachine.Inventory.CreateFromExisting, VirtualMachine.Provisioning.Clone\n',
    });
  });

  it('an invalid spec still lists what it can, reports the problems and exits 1', async () => {
    const r = await run(['privileges', `${F}/invalid/manual-mac-missing.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('source: VirtualMachine vm-42');
    expect(r.stderr).toContain('instant-clone/mac-address-required');
  });
});

describe('convert', () => {
  it('prints the other form', async () => {
    const r = await run(['convert', `${F}/valid/full-api.json`, '--to', 'rest']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(read(`${F}/valid/full-rest.json`)));
    const back = await run(['convert', '-', '--to', 'api'], { stdin: r.stdout });
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(read(`${F}/valid/full-api.json`)));
  });

  it('needs --to, and reports what cannot be converted', async () => {
    expectUsage(await run(['convert', `${F}/valid/full-api.json`]), /give --to api or --to rest/);
    const r = await run(['convert', `${F}/invalid/rest-entries.json`, '--to', 'api']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot convert: .*appears twice/);
    const same = await run(['convert', `${F}/valid/minimal-api.json`, '--to', 'api']);
    expect(same.code).toBe(0);
    expect(same.stderr).toContain('already in the api form');
  });
});

describe('send', () => {
  let vc: FakeVcenter;
  beforeAll(async () => {
    vc = new FakeVcenter({ users: { 'administrator@vsphere.local': 'pw' } });
    await vc.start();
  });
  afterAll(async () => vc.stop());
  const env = { VMPARAMS_PASSWORD: 'pw' };

  it('creates a session, posts the spec and prints the new VM id', async () => {
    const r = await run(['send', `${F}/valid/minimal-api.json`, '--server', vc.url, '--user', 'administrator@vsphere.local'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^vm-\d+\n$/);
    expect(r.stderr).toBe('warning: sending the password of administrator@vsphere.local over plain http\n');
    expect(vc.sessions.size).toBe(0); // logged out again
  });

  it('uses a given session id and the /rest endpoint for a /rest body', async () => {
    const sid = vc.addSession('administrator@vsphere.local');
    const r = await run(['send', `${F}/valid/minimal-rest.json`, '--server', vc.url, '--session-id', sid]);
    expect(r.code).toBe(0);
    expect(vc.seen.at(-1)).toMatchObject({ url: '/rest/vcenter/vm?action=instant-clone' });
    expect(vc.seen.at(-1)!.headers['vmware-api-session-id']).toBe(sid);
  });

  it('a vAPI error prints its type and messages and exits 1', async () => {
    const sid = vc.addSession('administrator@vsphere.local');
    const r = await run(['send', '-', '--server', vc.url, '--session-id', sid], { stdin: JSON.stringify({ source: 'vm-42', name: 'existing-vm' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("<stdin>: instant clone failed: already_exists (HTTP 400): A virtual machine named 'existing-vm' already exists.\n");
    vc.failures.push({ type: 'UNABLE_TO_ALLOCATE_RESOURCE' });
    const r2 = await run(['send', `${F}/valid/minimal-rest.json`, '--server', vc.url, '--session-id', sid]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('unable_to_allocate_resource (HTTP 400)');
  });

  it('wrong credentials are a login failure: exit 2, one line, nothing sent', async () => {
    const n = vc.seen.length;
    const r = await run(['send', `${F}/valid/minimal-api.json`, '--server', vc.url, '--user', 'administrator@vsphere.local'], { env: { VMPARAMS_PASSWORD: 'wrong' } });
    expect(r.stderr.split('\n')).toEqual([
      'warning: sending the password of administrator@vsphere.local over plain http',
      'vmparams instant-clone send: login as administrator@vsphere.local failed: unauthenticated (HTTP 401): Unable to authenticate user; check --user and VMPARAMS_PASSWORD',
      '',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('instant clone failed');
    expect(vc.seen.slice(n).map((q) => q.url)).toEqual(['/api/session']);
  });

  it('an invalid spec is not sent', async () => {
    const n = vc.seen.length;
    const r = await run(['send', `${F}/invalid/portgroup-no-network.json`, '--server', vc.url, '--user', 'administrator@vsphere.local'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not sent: the spec has errors');
    expect(vc.seen.length).toBe(n);
  });

  it('usage errors exit 2 with one line', async () => {
    const f = `${F}/valid/minimal-api.json`;
    expectUsage(await run(['send', f, '--user', 'u'], { env }), /give --server URL/);
    expectUsage(await run(['send', f, '--server', vc.url]), /give --session-id ID or --user NAME/);
    expectUsage(await run(['send', f, '--server', vc.url, '--user', 'u']), /set VMPARAMS_PASSWORD/);
    expectUsage(await run(['send', f, '--server', vc.url, '--session-id', 's', '--ca', 'x.pem', '--insecure']), /either --ca or --insecure/);
    expectUsage(await run(['send', f, '--server', vc.url, '--session-id', 's', '--ca', 'nope.pem']), /--ca nope.pem: no such file or directory/);
    expectUsage(await run(['send', f, '--server', vc.url, '--session-id', 's', '--timeout=-1']), /--timeout must be a positive number/);
    for (const bad of ['0', '0.0001', '3000000000', '86400.001', 'NaN', 'Infinity', '1e3', '12abc', '']) {
      expectUsage(await run(['send', f, '--server', vc.url, '--session-id', 's', `--timeout=${bad}`]), /--timeout must be a positive number of seconds from 0\.001 to 86400 \(at most 3 decimals\)/);
    }
    expectUsage(await run(['send', f, '--server', vc.url, '--session-id', 's', '--timeout', '-1']), /option '--timeout' needs a value; to give one that starts with '-', write --timeout=VALUE/);
    expectUsage(await run(['send', f, '--server', 'ftp://x', '--session-id', 's']), /not a usable URL/);
  });

  it('no connection or a timeout exits 2 with one line', async () => {
    const dead = new FakeVcenter();
    const url = await dead.start();
    await dead.stop();
    expectUsage(await run(['send', `${F}/valid/minimal-api.json`, '--server', url, '--session-id', 's']), /cannot reach .*ECONNREFUSED/);
    vc.failures.push({ type: 'ERROR', delayMs: 2000 });
    const sid = vc.addSession('administrator@vsphere.local');
    expectUsage(await run(['send', `${F}/valid/minimal-api.json`, '--server', vc.url, '--session-id', sid, '--timeout', '0.2']), /within 200 ms; the clone may still have been created/);
  });
});
