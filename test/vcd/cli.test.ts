/**
 * `vmparams vcd ...` as a user runs it: the built CLI in a child process against the fake Cloud
 * Director, every command and option. At the end, every output of every run is searched for the
 * password, the API token and the bearer tokens, in plain, URL-encoded and base64 forms.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContext } from '../../src/validate/context.js';
import { API_TOKENS, EXISTING_VAPP, FakeVcd, USERS, hangingServer } from './fake-vcd.js';
import { oneLine, run as runCli, spellings } from './helpers.js';
import { ROOT } from '../cli/helpers.js';

const PASSWORD = USERS['alice@acme'];
const TOKEN = Object.keys(API_TOKENS)[0]!;
const outputs: string[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'vmparams-vcd-cli-'));

/** Run the CLI, keeping its output for the secret check at the end. */
async function run(args: string[], opts: Parameters<typeof runCli>[1] = {}) {
  const r = await runCli(args, opts);
  outputs.push(r.stdout, r.stderr);
  return r;
}

let counter = 0;
/** A fixture with a vApp name of its own, written to a temporary file; returns its path. */
function doc(name: string, edit: (s: string) => string = (s) => s): string {
  const text = edit(readFileSync(join(import.meta.dirname, '../../fixtures/valid', name), 'utf8').replace(/(<\w+Params\b[^>]*?\sname=")[^"]*"/, `$1cli-${++counter}"`));
  const file = join(tmp, `${counter}-${name}`);
  writeFileSync(file, text);
  return file;
}

const vcd = new FakeVcd();
let server = '';
let vdc = '';
const env = { VMPARAMS_VCD_PASSWORD: PASSWORD };
const login = () => ['--server', server, '--org', 'acme', '--user', 'alice'];

beforeAll(async () => {
  server = await vcd.start();
  vdc = `${server}/api/vdc/${vcd.vdc.id}`;
});
afterAll(async () => {
  await vcd.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('vcd versions', () => {
  it('lists newest first with marks; needs no login', async () => {
    const n = vcd.seen.length;
    const r = await run(['vcd', 'versions', '--server', server]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('40.0.0-alpha  alpha\n38.1\n38.0\n37.2\n37.0\n36.3  deprecated\n36.0  deprecated\n35.0  deprecated\n5.5  deprecated\n');
    expect(vcd.seen.slice(n).map((q) => q.url)).toEqual(['/api/versions']);
  });

  it('--format json says which version documents would be sent at', async () => {
    const r = await run(['vcd', 'versions', '--server', server, '--format', 'json']);
    const j = JSON.parse(r.stdout) as { versions: { version: string; deprecated: boolean; alpha: boolean }[]; selected: string };
    expect(j.selected).toBe('38.1');
    expect(j.versions[5]).toEqual({ version: '36.3', deprecated: true, alpha: false });
  });

  it('no server, a hanging server: one line, exit 2, within the timeout', async () => {
    const dead = new FakeVcd();
    const url = await dead.start();
    await dead.stop();
    const r = await run(['vcd', 'versions', '--server', url]);
    expect(r.status).toBe(2);
    expect(oneLine(r)).toBe(`vmparams vcd versions: cannot reach ${url}: connection refused (ECONNREFUSED)`);
    const h = await hangingServer();
    try {
      const r2 = await run(['vcd', 'versions', '--server', h.url, '--timeout', '0.5']);
      expect(r2.status).toBe(2);
      expect(oneLine(r2)).toBe(`vmparams vcd versions: GET ${h.url}/api/versions: no answer within 500 ms; raise --timeout, or check the server`);
      expect(r2.ms).toBeLessThan(5000);
    } finally {
      await h.stop();
    }
  });
});

describe('vcd send', () => {
  it('validates, logs in, posts, follows the task; stdout is the vApp href', async () => {
    const n = vcd.seen.length;
    const r = await run(['vcd', 'send', doc('compose-full-vm.xml'), ...login(), '--to', vdc], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${server}/api/vApp/vapp-[0-9a-f-]{36}\\n$`));
    expect(r.stderr).toContain('warning: vcd send: sending the password over plain http');
    expect(r.stderr).not.toContain('\r'); // no progress line when stderr is not a terminal
    const urls = vcd.seen.slice(n).map((q) => `${q.method} ${q.url.replace(/[0-9a-f-]{36}/g, 'ID')}`);
    expect(urls[0]).toBe('GET /api/versions');
    expect(urls[1]).toBe('POST /cloudapi/1.0.0/sessions');
    expect(urls[2]).toBe('POST /api/vdc/ID/action/composeVApp');
    expect(urls.at(-1)).toBe('DELETE /cloudapi/1.0.0/sessions/current');
    expect(urls.filter((u) => u.startsWith('GET /api/task/')).length).toBe(3);
  });

  it('--format json, --api-version, --no-wait', async () => {
    const n = vcd.seen.length;
    const r = await run(['vcd', 'send', doc('instantiate-minimal.xml'), ...login(), '--to', vdc, '--format', 'json', '--api-version', '37.2'], { env });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ status: 'success', task: expect.stringMatching(/\/api\/task\//), vApp: expect.stringMatching(/\/api\/vApp\//) });
    expect(vcd.seen.slice(n).find((q) => q.method === 'POST' && q.url.includes('/action/'))!.headers.accept).toBe('application/*+xml;version=37.2');
    const q = await run(['vcd', 'send', doc('instantiate-minimal.xml'), ...login(), '--to', vdc, '--no-wait'], { env });
    expect(q.status).toBe(0);
    expect(q.stdout).toMatch(/^task http:\/\/127\.0\.0\.1:\d+\/api\/task\/[0-9a-f-]{36}\nvApp http:\/\/127\.0\.0\.1:\d+\/api\/vApp\/vapp-[0-9a-f-]{36}\n$/);
    const j = await run(['vcd', 'send', doc('instantiate-minimal.xml'), ...login(), '--to', vdc, '--no-wait', '--format', 'json'], { env });
    expect(JSON.parse(j.stdout)).toMatchObject({ status: 'queued' });
  });

  it('recompose goes to the vApp; an API token and a provider login work too', async () => {
    const r = await run(['vcd', 'send', doc('recompose-add-vm.xml'), '--server', server, '--org', 'acme', '--token', '--to', `${server}/api/vApp/${EXISTING_VAPP}`], { env: { VMPARAMS_VCD_TOKEN: TOKEN } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${server}/api/vApp/${EXISTING_VAPP}\n`);
    const p = await run(['vcd', 'send', doc('clone-copy.xml'), '--server', server, '--provider', '--user', 'admin', '--to', vdc], { env: { VMPARAMS_VCD_PASSWORD: USERS['admin@System'] } });
    expect(p.status).toBe(0);
    expect(vcd.seen.some((q) => q.url === '/cloudapi/1.0.0/sessions/provider')).toBe(true);
  });

  it('a document with errors is not sent (exit 1, the problems as validate prints them); --force sends it', async () => {
    const bad = doc('instantiate-minimal.xml', (s) => s.replace(/<Source\b[^>]*\/>/, ''));
    const n = vcd.seen.length;
    const r = await run(['vcd', 'send', bad, ...login(), '--to', vdc], { env });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^.+instantiate-minimal\.xml:\d+:\d+: error xsd: /m);
    expect(r.stderr).toMatch(/: not sent: the document has \d+ errors? at API version 38\.1 \(--force sends it anyway\)\n$/);
    expect(vcd.seen.slice(n).map((q) => q.url)).toEqual(['/api/versions']); // no login, no POST
    const j = await run(['vcd', 'send', bad, ...login(), '--to', vdc, '--format', 'json'], { env });
    expect(JSON.parse(j.stdout)).toMatchObject({ status: 'error', task: null, vApp: null, error: { problems: expect.any(Array) } });
    vcd.actionFailures.push({ status: 400, minor: 'BAD_REQUEST', message: "Bad request\n  - Unexpected JAXB Exception\n  - cvc-complex-type.2.4.b: The content of element 'InstantiateVAppTemplateParams' is not complete. One of '{\"http://www.vmware.com/vcloud/v1.5\":Source}' is expected." });
    const f = await run(['vcd', 'send', bad, ...login(), '--to', vdc, '--force'], { env });
    expect(f.status).toBe(1);
    expect(f.stderr).toContain('sending a document with 1 error (--force)');
    expect(f.stderr).toMatch(/instantiate-minimal\.xml:2:1: error server: BAD_REQUEST \(400\): Bad request - Unexpected JAXB Exception - cvc-complex-type\.2\.4\.b: The content of element 'InstantiateVAppTemplateParams' is not complete\./);
    expect(f.stderr).not.toContain('VdcServiceImpl'); // the server's stack trace is never shown
  });

  it("the server's schema complaint points at the element: text and json", async () => {
    const file = doc('compose-full-vm.xml');
    const msg = "Bad request\n  - Unexpected JAXB Exception\n  - cvc-complex-type.2.4.a: Invalid content was found starting with element 'FenceMode'. One of '{\"http://www.vmware.com/vcloud/v1.5\":ParentNetwork}' is expected.";
    vcd.actionFailures.push({ status: 400, minor: 'BAD_REQUEST', message: msg });
    const r = await run(['vcd', 'send', file, ...login(), '--to', vdc], { env });
    expect(r.status).toBe(1);
    const shown = file.replace(/^.*\/(?=[^/]+$)/, '');
    expect(r.stderr).toMatch(new RegExp(`${shown}:48:11: error server: BAD_REQUEST \\(400\\): Bad request - Unexpected JAXB Exception - cvc-complex-type\\.2\\.4\\.a: Invalid content was found starting with element 'FenceMode'\\.`));
    vcd.actionFailures.push({ status: 400, minor: 'BAD_REQUEST', message: msg });
    const j = await run(['vcd', 'send', file, ...login(), '--to', vdc, '--format', 'json'], { env });
    const out = JSON.parse(j.stdout) as { status: string; error: Record<string, unknown> };
    expect(out).toMatchObject({ status: 'error', task: null, vApp: null, error: { majorErrorCode: 400, minorErrorCode: 'BAD_REQUEST', line: 48, column: 11, element: 'FenceMode' } });
    expect(String(out.error.message)).toMatch(/^Bad request - Unexpected JAXB Exception - cvc-complex-type\.2\.4\.a/);
  });

  it('a failed task and a 403: exit 1 with the codes, the task and the vApp', async () => {
    vcd.taskPlan.push({ outcome: 'error', error: { major: 500, minor: 'INTERNAL_SERVER_ERROR', message: 'Unable to perform this action. Contact your cloud administrator.' } });
    const r = await run(['vcd', 'send', doc('instantiate-minimal.xml'), ...login(), '--to', vdc], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/: error server: task error: INTERNAL_SERVER_ERROR \(500\): Unable to perform this action\. Contact your cloud administrator\.\n.*: task http:\/\/127\.0\.0\.1:\d+\/api\/task\/\S+ \(vApp http:\/\/127\.0\.0\.1:\d+\/api\/vApp\/vapp-\S+\)\n$/);
    vcd.taskPlan.push({ outcome: 'aborted' });
    const j = await run(['vcd', 'send', doc('instantiate-minimal.xml'), ...login(), '--to', vdc, '--format', 'json'], { env });
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ status: 'error', task: expect.stringMatching(/\/api\/task\//), vApp: expect.stringMatching(/\/api\/vApp\//), error: { message: 'task aborted' } });
    const f = await run(['vcd', 'send', doc('instantiate-minimal.xml'), ...login(), '--to', `${server}/api/vdc/00000000-0000-4000-8000-000000000000`], { env });
    expect(f.status).toBe(1);
    expect(f.stderr).toMatch(/error server: ACCESS_TO_RESOURCE_IS_FORBIDDEN \(403\): No access to entity/);
  });

  it('a refused login (password or token) is exit 2, one line, nothing sent', async () => {
    const n = vcd.seen.length;
    const r = await run(['vcd', 'send', doc('instantiate-minimal.xml'), ...login(), '--to', vdc], { env: { VMPARAMS_VCD_PASSWORD: 'wrong' } });
    expect(r.status).toBe(2);
    expect(oneLine(r)).toBe('vmparams vcd send: login as alice@acme refused: UNAUTHORIZED (401): Invalid credentials for alice@acme (wrong credentials, or a locked or disabled account); check --org, --user and VMPARAMS_VCD_PASSWORD (or VMPARAMS_VCD_TOKEN)');
    expect(vcd.seen.slice(n).some((q) => q.url.includes('/action/'))).toBe(false);
    const t = await run(['vcd', 'send', doc('instantiate-minimal.xml'), '--server', server, '--org', 'acme', '--token', '--to', vdc], { env: { VMPARAMS_VCD_TOKEN: 'revoked-token-value-123' } });
    expect(t.status).toBe(2);
    expect(oneLine(t)).toMatch(/^vmparams vcd send: login as the API token of org acme refused: HTTP 400/);
    outputs.push(...spellings('revoked-token-value-123').map(() => '')); // checked below with the other secrets
    expect(t.stderr).not.toContain('revoked-token-value-123');
  });

  it('InstantiateOvfParams: without --ovf the upload links; with --ovf the files are sent', async () => {
    const r = await run(['vcd', 'send', doc('ovf-minimal.xml'), ...login(), '--to', vdc], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^vApp http:\/\/127\.0\.0\.1:\d+\/api\/vApp\/vapp-\S+\nupload descriptor\.ovf http:\/\/127\.0\.0\.1:\d+\/transfer\/\S+\/descriptor\.ovf\n$/);
    const dir = mkdtempSync(join(tmp, 'ovf-'));
    writeFileSync(join(dir, 'disk1.vmdk'), Buffer.alloc(4096, 1));
    writeFileSync(join(dir, 'app.ovf'), '<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"><References><File ovf:href="disk1.vmdk" ovf:id="f1" ovf:size="4096"/></References></Envelope>');
    const u = await run(['vcd', 'send', doc('ovf-minimal.xml'), ...login(), '--to', vdc, '--ovf', join(dir, 'app.ovf')], { env });
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/vApp\/vapp-\S+\n$/);
    expect(vcd.uploads.get('disk1.vmdk')).toBe(4096);
  });

  it('usage errors: exit 2, one line', async () => {
    const f = doc('instantiate-minimal.xml');
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['vcd', 'send', f, '--to', vdc], env, /give --server URL/],
      [['vcd', 'send', f, '--server', server, '--org', 'acme', '--user', 'alice'], env, /give --to HREF/],
      [['vcd', 'send', f, '--server', server, '--user', 'alice', '--to', vdc], env, /give --org ORG/],
      [['vcd', 'send', f, ...login(), '--to', vdc], {}, /set VMPARAMS_VCD_PASSWORD to the password of alice/],
      [['vcd', 'send', f, '--server', server, '--org', 'acme', '--token', '--to', vdc], {}, /set VMPARAMS_VCD_TOKEN/],
      [['vcd', 'send', f, ...login(), '--token', '--to', vdc], env, /either --user or --token/],
      [['vcd', 'send', f, ...login(), '--to', vdc, '--ca', 'x.pem', '--insecure'], env, /either --ca or --insecure/],
      [['vcd', 'send', f, ...login(), '--to', vdc, '--ca', 'nope.pem'], env, /--ca nope\.pem: no such file or directory/],
      [['vcd', 'send', f, ...login(), '--to', vdc, '--timeout', '3000000000'], env, /--timeout must be a positive number of seconds from 0\.001 to 86400/],
      [['vcd', 'send', f, ...login(), '--to', vdc, '--format', 'xml'], env, /--format must be text or json/],
      [['vcd', 'send', f, ...login(), '--to', vdc, '--api-version', '39.0'], env, /the server does not offer API version 39\.0/],
      [['vcd', 'send', f, ...login(), '--to', `${server}/api/vApp/${EXISTING_VAPP}`], env, /is sent to a VDC .* but --to is a vApp/],
      [['vcd', 'send', f, '--server', 'ftp://x', '--org', 'a', '--user', 'alice', '--to', vdc], env, /the server must be an http or https URL/],
      [['vcd', 'bogus'], {}, /vcd: unknown command 'bogus'/],
    ];
    for (const [args, e, pattern] of cases) {
      const r = await run(args, { env: e });
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneLine(r), args.join(' ')).toMatch(pattern);
    }
  });

  it('--help of each command', async () => {
    for (const sub of ['versions', 'send', 'schemas', 'context']) {
      const r = await run(['vcd', sub, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: vmparams vcd ${sub} `));
    }
    expect((await run(['help', 'vcd'])).stdout).toMatch(/^Usage: vmparams vcd <command>/);
  });
});

describe('vcd send and the config file', () => {
  it('apiVersion, context and rules come from vmparams.config.json found upward; flags win; --no-config ignores it', async () => {
    const ctx = await run(['vcd', 'context', ...login(), '--vdc', vdc], { env });
    const dir = mkdtempSync(join(tmp, 'project-'));
    writeFileSync(join(dir, 'vdc.json'), ctx.stdout);
    writeFileSync(join(dir, 'vmparams.config.json'), JSON.stringify({ apiVersion: '37.2', context: 'vdc.json' }));
    writeFileSync(join(dir, 'blank.xml'), readFileSync(doc('compose-blank-vm.xml')));
    const n = vcd.seen.length;
    const r = await run(['vcd', 'send', 'blank.xml', ...login(), '--to', vdc], { env, cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/blank\.xml:22:3: error reference\/in-vdc: .*"Silver"/);
    expect(r.stderr).toContain('not sent: the document has 1 error at API version 37.2');
    expect(vcd.seen.slice(n).some((q) => q.url.includes('/action/'))).toBe(false);
    const off = await run(['vcd', 'send', 'blank.xml', ...login(), '--to', vdc, '--rule', 'reference/in-vdc=off', '--api-version', '38.0'], { env, cwd: dir });
    expect(off.status).toBe(0);
    expect(vcd.seen.filter((q) => q.url.includes('/action/')).at(-1)!.headers.accept).toBe('application/*+xml;version=38.0');
    writeFileSync(join(dir, 'vmparams.config.json'), '{ "apiVersion": 37.2 }');
    const bad = await run(['vcd', 'send', 'blank.xml', ...login(), '--to', vdc], { env, cwd: dir });
    expect(bad.status).toBe(2);
    expect(oneLine(bad)).toBe('vmparams vcd send: vmparams.config.json:1:3: apiVersion: must be a version string like "36.0" (major.minor), not the number 37.2');
    const ignored = await run(['vcd', 'send', 'blank.xml', ...login(), '--to', vdc, '--no-config', '--rule', 'xsd=off'], { env, cwd: dir });
    expect(ignored.status).toBe(2);
    expect(oneLine(ignored)).toMatch(/--rule xsd=off: /);
  });
});

describe('vcd context and vcd schemas', () => {
  it('context prints a VDC description that validate --context accepts, and send uses it', async () => {
    const r = await run(['vcd', 'context', ...login(), '--vdc', vdc], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: storage profile Old-HDD is disabled; left out');
    const ctx = loadContext(r.stdout);
    expect(ctx.networks!.map((n) => n.name)).toEqual(['corp-lan-01', 'dmz-01']);
    const file = join(tmp, 'vdc.json');
    writeFileSync(file, r.stdout);
    const ok = await run(['validate', '--context', file, 'fixtures/valid/instantiate-minimal.xml', 'fixtures/valid/compose-empty-vapp.xml', '--format', 'json']);
    const files = (JSON.parse(ok.stdout) as { files: { problems: { rule: string; severity: string; message: string }[] }[] }).files;
    expect(files[0]!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // compose-empty-vapp.xml bridges to a network of another VDC.
    expect(files[1]!.problems.filter((p) => p.severity === 'error').map((p) => `${p.rule}: ${p.message}`)).toEqual(['network/parent-network-in-vdc: vApp network "k8s-nodes": ParentNetwork "k8s-nodes" is not a network of this VDC (available: corp-lan-01, dmz-01)']);
    // compose-blank-vm.xml asks for the Silver storage profile, which this VDC does not offer.
    const n = vcd.seen.length;
    const s = await run(['vcd', 'send', doc('compose-blank-vm.xml'), ...login(), '--to', vdc, '--context', file], { env });
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/error reference\/in-vdc: .*storage profile "Silver" is not assigned to this VDC/);
    expect(vcd.seen.slice(n).some((q) => q.url.includes('/action/'))).toBe(false);
  });

  it('schemas downloads the set and says which imports were filled from the bundled files', async () => {
    const local = new FakeVcd({ schemas: new Map([['/api/v1.5/schema/master.xsd', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.vmware.com/vcloud/v1.5"><xs:include schemaLocation="vcloud.xsd"/></xs:schema>'], ['/api/v1.5/schema/vcloud.xsd', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.vmware.com/vcloud/v1.5"><xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/><xs:element name="X" type="xs:string"/></xs:schema>']]) });
    const url = await local.start();
    try {
      const out = join(tmp, 'schemas');
      const r = await run(['vcd', 'schemas', '--server', url, '--out', out]);
      expect(r.status).toBe(0);
      const shown = relative(ROOT, out);
      expect(r.stdout).toBe(`2 schema files from ${url} in ${shown}, 1 import filled from the bundled set\nvalidate with: vmparams validate --schema-dir ${shown} FILE.xml\n`);
      expect(r.stderr).toBe('http://www.w3.org/2001/xml.xsd is not on the server: filled from the bundled xsd/xml.xsd (http://www.w3.org/XML/1998/namespace)\n');
      expect(readdirSync(out).sort()).toEqual(['bundled', 'master.xsd', 'vcloud.xsd']);
      const bad = await run(['vcd', 'schemas', '--server', url]);
      expect(oneLine(bad)).toMatch(/give --out DIR/);
    } finally {
      await local.stop();
    }
  });
});

describe('no secret in any output', () => {
  it('no password, API token or bearer token, in any encoding, in anything printed above', () => {
    expect(outputs.length).toBeGreaterThan(40);
    const all = outputs.join('\n');
    const secrets = [
      ...spellings(PASSWORD, ['alice@acme', 'alice']),
      ...spellings(USERS['admin@System'], ['admin@System', 'admin']),
      ...spellings(TOKEN),
      ...spellings('revoked-token-value-123'),
      ...vcd.issued.flatMap((t) => spellings(t)),
    ];
    expect(vcd.issued.length).toBeGreaterThan(10);
    for (const s of secrets) expect(all.includes(s), `leaked: ${s.slice(0, 12)}...`).toBe(false);
  });
});
