/** The library client (`vcd.connect`) against the fake Cloud Director, over plain HTTP. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, VcdError, type Client } from '../../src/vcd/index.js';
import type { TaskInfo } from '../../src/vcd/actions.js';
import { Http } from '../../src/vcd/http.js';
import { LOGOUT_TIMEOUT_MS } from '../../src/vcd/session.js';
import { API_TOKENS, EXISTING_VAPP, FakeVcd, USERS, hangingServer, resettingServer } from './fake-vcd.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/valid', name), 'utf8');
let counter = 0;
/** The fixture with a vApp name of its own (the fake refuses a name twice, as a cell does). */
const named = (name: string) => fixture(name).replace(/(<\w+Params\b[^>]*?\sname=")[^"]*"/, `$1test-${++counter}"`);

async function rejection(p: Promise<unknown>): Promise<VcdError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(VcdError);
    return e as VcdError;
  }
  throw new Error('expected a VcdError');
}

const ALICE = { org: 'acme', user: 'alice', password: USERS['alice@acme'] };

describe('vcd.connect against the fake Cloud Director', () => {
  const vcd = new FakeVcd();
  let vdc = '';
  beforeAll(async () => {
    await vcd.start();
    vdc = `${vcd.url}/api/vdc/${vcd.vdc.id}`;
  });
  afterAll(() => vcd.stop());

  const open = (extra: Record<string, unknown> = {}) => connect({ server: vcd.url, ...ALICE, ...extra });

  it('without credentials: reads the versions, picks the newest usable one, makes no session', async () => {
    const n = vcd.seen.length;
    const c = await connect({ server: vcd.url });
    expect(c.loggedIn).toBe(false);
    expect(c.apiVersion).toBe('38.1');
    expect((await c.versions()).map((v) => v.version)[0]).toBe('40.0.0-alpha');
    await c.close();
    expect(vcd.seen.slice(n).map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/versions']);
    expect(vcd.seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('password login: Basic user@org:password at the newest version; logout of the current session', async () => {
    const n = vcd.seen.length;
    const c = await open();
    const login = vcd.seen[n + 1]!;
    expect(`${login.method} ${login.url}`).toBe('POST /cloudapi/1.0.0/sessions');
    expect(login.headers.authorization).toBe(`Basic ${Buffer.from(`alice@acme:${USERS['alice@acme']}`, 'utf8').toString('base64')}`);
    expect(login.headers.accept).toBe('application/json;version=38.1');
    expect(vcd.sessions.size).toBe(1);
    await c.close();
    expect(vcd.sessions.size).toBe(0);
    expect(`${vcd.seen.at(-1)!.method} ${vcd.seen.at(-1)!.url}`).toBe('DELETE /cloudapi/1.0.0/sessions/current');
  });

  it('provider login: /sessions/provider as user@System, also when only the org says System', async () => {
    for (const opts of [{ provider: true }, { org: 'system' }]) {
      const n = vcd.seen.length;
      const c = await connect({ server: vcd.url, user: 'admin', password: USERS['admin@System'], ...opts });
      expect(vcd.seen[n + 1]!.url).toBe('/cloudapi/1.0.0/sessions/provider');
      await c.close();
    }
  });

  it('API token login: the refresh-token grant, tenant and provider', async () => {
    let n = vcd.seen.length;
    const c = await connect({ server: vcd.url, org: 'acme', token: 'vcd-api-token-acme-0123456789abcdef' });
    expect(vcd.seen[n + 1]).toMatchObject({ method: 'POST', url: '/oauth/tenant/acme/token', body: 'grant_type=refresh_token&refresh_token=vcd-api-token-acme-0123456789abcdef' });
    expect(vcd.seen[n + 1]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    await c.close();
    n = vcd.seen.length;
    const p = await connect({ server: vcd.url, provider: true, token: Object.keys(API_TOKENS)[1]! });
    expect(vcd.seen[n + 1]!.url).toBe('/oauth/provider/token');
    await p.close();
  });

  it('refused logins are kind "login" with the status, and say nothing of the credentials', async () => {
    const e1 = await rejection(open({ password: 'wrong' }));
    expect(e1).toMatchObject({ kind: 'login', status: 401, minorErrorCode: 'UNAUTHORIZED' });
    expect(e1.message).toBe('login as alice@acme refused: UNAUTHORIZED (401): Invalid credentials for alice@acme (wrong credentials, or a locked or disabled account)');
    const e2 = await rejection(connect({ server: vcd.url, org: 'acme', token: 'not-a-token' }));
    expect(e2).toMatchObject({ kind: 'login', status: 400 });
    expect(e2.message).not.toContain('not-a-token'); // the fake echoes the token in error_description
    const e3 = await rejection(connect({ server: vcd.url, org: 'System', user: 'alice', password: 'x', provider: false }));
    expect(e3.kind).toBe('login');
  });

  it('a version the server does not list is refused before anything is sent', async () => {
    const e = await rejection(open({ apiVersion: '39.0' }));
    expect(e.kind).toBe('version');
    expect(e.message).toMatch(/^the server does not offer API version 39\.0 \(it offers 38\.1, 38\.0/);
  });

  describe('send', () => {
    let c: Client;
    beforeAll(async () => {
      c = await open();
    });
    afterAll(() => c.close());

    it('composeVApp: the media type, the bearer, the version; follows the task to success', async () => {
      const seen: TaskInfo[] = [];
      const n = vcd.seen.length;
      const r = await c.send(named('compose-full-vm.xml'), { to: vdc, onProgress: (t) => seen.push(t), pollMs: 10 });
      expect(r.status).toBe('success');
      expect(r.vApp).toMatch(new RegExp(`^${vcd.url}/api/vApp/vapp-[0-9a-f-]{36}$`));
      expect(r.task).toMatch(/\/api\/task\//);
      const post = vcd.seen[n]!;
      expect(`${post.method} ${post.url}`).toBe(`POST /api/vdc/${vcd.vdc.id}/action/composeVApp`);
      expect(post.headers['content-type']).toBe('application/vnd.vmware.vcloud.composeVAppParams+xml');
      expect(post.headers.accept).toBe('application/*+xml;version=38.1');
      expect(post.headers.authorization).toMatch(/^Bearer eyJ/);
      expect(seen.map((t) => t.status)).toEqual(['queued', 'running', 'running', 'success']);
      expect(seen.map((t) => t.progress)).toEqual([undefined, 33, 67, 100]);
      for (const r2 of vcd.seen.slice(n)) expect(r2.headers.authorization).toMatch(/^Bearer /);
    });

    it('each kind goes to its action with its media type (the fake refuses any other, as a cell does)', async () => {
      const cases: [string, string, string][] = [
        ['instantiate-minimal.xml', vdc, 'instantiateVAppTemplate'],
        ['clone-copy.xml', vdc, 'cloneVApp'],
        ['recompose-add-vm.xml', `${vcd.url}/api/vApp/${EXISTING_VAPP}`, 'recomposeVApp'],
      ];
      for (const [file, to, action] of cases) {
        const n = vcd.seen.length;
        const r = await c.send(named(file), { to, pollMs: 10 });
        expect(r.status, file).toBe('success');
        expect(vcd.seen[n]!.url).toMatch(new RegExp(`/action/${action}$`));
        expect(vcd.seen[n]!.headers['content-type']).toBe(`application/vnd.vmware.vcloud.${action}Params+xml`);
        if (action === 'recomposeVApp') expect(r.vApp).toBe(`${vcd.url}/api/vApp/${EXISTING_VAPP}`); // from the Task's Owner
      }
      const wrong = await fetch(`${vdc}/action/composeVApp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml', Accept: 'application/*+xml;version=38.1', Authorization: vcd.seen.at(-1)!.headers.authorization! },
        body: named('compose-full-vm.xml'),
      });
      expect(wrong.status).toBe(415);
    });

    it('no wait: the task href and the vApp href, status queued', async () => {
      const r = await c.send(named('instantiate-minimal.xml'), { to: vdc, wait: false });
      expect(r).toMatchObject({ status: 'queued', task: expect.stringMatching(/\/api\/task\//), vApp: expect.stringMatching(/\/api\/vApp\//) });
    });

    it('hrefs naming another host are sent to the server given (a cell behind NAT writes its public name)', async () => {
      const r = await c.send(named('instantiate-minimal.xml'), { to: `https://vcd.example.com/api/vdc/${vcd.vdc.id}`, pollMs: 10 });
      expect(r.status).toBe('success');
    });

    it('a failed task: kind task, the Error fields, the element it names, the task and vApp', async () => {
      vcd.taskPlan.push({ outcome: 'error', error: { major: 400, minor: 'BAD_REQUEST', message: "[ 1a2b ] Cannot deploy: cvc-type.3.1.3: The value 'natRouted' of element 'FenceMode' is not valid." } });
      const doc = named('compose-full-vm.xml');
      const e = await rejection(c.send(doc, { to: vdc, pollMs: 10 }));
      expect(e).toMatchObject({ kind: 'task', majorErrorCode: 400, minorErrorCode: 'BAD_REQUEST', requestId: '1a2b' });
      expect(e.message).toBe("task error: BAD_REQUEST (400): Cannot deploy: cvc-type.3.1.3: The value 'natRouted' of element 'FenceMode' is not valid.");
      expect(e.place).toMatchObject({ line: 48, element: 'FenceMode' });
      expect(doc.split('\n')[47]).toContain('<FenceMode>natRouted</FenceMode>');
      expect(e.task).toMatch(/\/api\/task\//);
      expect(e.vApp).toMatch(/\/api\/vApp\//);
    });

    it('aborted and canceled tasks fail too', async () => {
      for (const outcome of ['aborted', 'canceled'] as const) {
        vcd.taskPlan.push({ outcome });
        const e = await rejection(c.send(named('instantiate-minimal.xml'), { to: vdc, pollMs: 10 }));
        expect(e).toMatchObject({ kind: 'task', message: `task ${outcome}` });
      }
    });

    it('an <Error> on the action: kind http with the place of the element the cvc message names', async () => {
      vcd.actionFailures.push({ status: 400, minor: 'BAD_REQUEST', message: "Bad request\n  - Unexpected JAXB Exception\n  - cvc-complex-type.2.4.a: Invalid content was found starting with element 'FenceMode'. One of '{\"http://www.vmware.com/vcloud/v1.5\":ParentNetwork}' is expected." });
      const e = await rejection(c.send(named('compose-full-vm.xml'), { to: vdc }));
      expect(e).toMatchObject({ kind: 'http', status: 400, majorErrorCode: 400, minorErrorCode: 'BAD_REQUEST' });
      expect(e.serverMessage).toBe("Bad request - Unexpected JAXB Exception - cvc-complex-type.2.4.a: Invalid content was found starting with element 'FenceMode'. One of '{\"http://www.vmware.com/vcloud/v1.5\":ParentNetwork}' is expected.");
      expect(e.place).toMatchObject({ line: 48, column: 11, element: 'FenceMode' });
      expect(e.message).not.toContain('stackTrace');
      expect(e.message).not.toContain('VdcServiceImpl');
    });

    it('403 for a VDC that is not visible; a vApp href for a VDC action is refused locally', async () => {
      const e = await rejection(c.send(named('instantiate-minimal.xml'), { to: `${vcd.url}/api/vdc/00000000-0000-4000-8000-000000000000` }));
      expect(e).toMatchObject({ kind: 'http', status: 403, minorErrorCode: 'ACCESS_TO_RESOURCE_IS_FORBIDDEN' });
      const n = vcd.seen.length;
      const e2 = await rejection(c.send(named('instantiate-minimal.xml'), { to: `${vcd.url}/api/vApp/${EXISTING_VAPP}` }));
      expect(e2.kind).toBe('usage');
      expect(vcd.seen.length).toBe(n);
    });

    it('validates first: an invalid document is not sent (kind invalid, with the problems)', async () => {
      const n = vcd.seen.length;
      const bad = named('instantiate-minimal.xml').replace(/<Source\b[^>]*\/>/, '');
      const e = await rejection(c.send(bad, { to: vdc }));
      expect(e.kind).toBe('invalid');
      expect(e.problems!.length).toBeGreaterThan(0);
      expect(vcd.seen.length).toBe(n);
    });

    it('instantiateOvf without an OVF: the vApp and its upload link, nothing followed', async () => {
      const r = await c.send(named('ovf-minimal.xml'), { to: vdc });
      expect(r.status).toBe('queued');
      expect(r.uploads).toEqual([{ name: 'descriptor.ovf', href: expect.stringMatching(/\/transfer\/.+\/descriptor\.ovf$/), transferred: 0 }]);
    });

    it('instantiateOvf with an OVF: the descriptor, then each referenced file, then the task', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vmparams-ovf-'));
      try {
        const disk = Buffer.alloc(70_000, 7);
        writeFileSync(join(dir, 'disk1.vmdk'), disk);
        const ovf = `<?xml version="1.0"?>\n<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1">\n  <References>\n    <File ovf:href="disk1.vmdk" ovf:id="file1" ovf:size="${disk.length}"/>\n  </References>\n</Envelope>\n`;
        writeFileSync(join(dir, 'app.ovf'), ovf);
        const r = await c.send(named('ovf-minimal.xml'), { to: vdc, ovf: join(dir, 'app.ovf'), pollMs: 10 });
        expect(r.status).toBe('success');
        expect(r.uploaded).toEqual([
          { name: 'descriptor.ovf', bytes: Buffer.byteLength(ovf) },
          { name: 'disk1.vmdk', bytes: disk.length },
        ]);
        expect(vcd.uploads.get('disk1.vmdk')).toBe(disk.length);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('an OVF that references a file outside its folder is refused before any upload', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vmparams-ovf-'));
      try {
        writeFileSync(join(dir, 'evil.ovf'), '<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"><References><File ovf:href="../../etc/passwd" ovf:id="f"/></References></Envelope>');
        const e = await rejection(c.send(named('ovf-minimal.xml'), { to: vdc, ovf: join(dir, 'evil.ovf') }));
        expect(e.kind).toBe('usage');
        expect(e.message).toContain('is not a file beside the descriptor');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('servers that misbehave', () => {
  it('a server that never answers: kind timeout within the limit', async () => {
    const h = await hangingServer();
    try {
      const t0 = Date.now();
      const e = await rejection(connect({ server: h.url, timeoutMs: 300 }));
      expect(e.kind).toBe('timeout');
      expect(e.message).toBe(`GET ${h.url}/api/versions: no answer within 300 ms`);
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      await h.stop();
    }
  });

  it('a server that resets: GET is retried twice, then kind transport', async () => {
    const r = await resettingServer();
    try {
      const e = await rejection(connect({ server: r.url, timeoutMs: 2000 }));
      expect(e.kind).toBe('transport');
      expect(e.message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: (the connection was reset|the server closed the connection)/);
      expect(r.count()).toBe(3);
    } finally {
      await r.stop();
    }
  });

  it('a POST is not retried after a reset (an action must not run twice)', async () => {
    const r = await resettingServer();
    try {
      const h = new Http(new URL(r.url), { timeoutMs: 2000, env: {} });
      await expect(h.request('POST', '/api/vdc/1/action/composeVApp', { body: '<x/>' })).rejects.toMatchObject({ kind: 'transport' });
      expect(r.count()).toBe(1);
      await h.close();
    } finally {
      await r.stop();
    }
  });

  it('a logout that never answers ends within the logout limit', async () => {
    const vcd = new FakeVcd({ hangLogout: true });
    await vcd.start();
    try {
      const c = await connect({ server: vcd.url, ...ALICE, timeoutMs: 60_000 });
      const t0 = Date.now();
      await c.close();
      const took = Date.now() - t0;
      expect(took).toBeGreaterThanOrEqual(LOGOUT_TIMEOUT_MS - 100);
      expect(took).toBeLessThan(LOGOUT_TIMEOUT_MS + 2000);
    } finally {
      await vcd.stop();
    }
  });

  it('connection refused: kind transport at once', async () => {
    const vcd = new FakeVcd();
    const url = await vcd.start();
    await vcd.stop();
    const e = await rejection(connect({ server: url }));
    expect(e).toMatchObject({ kind: 'transport', code: 'ECONNREFUSED' });
    expect(e.message).toBe(`cannot reach ${url}: connection refused (ECONNREFUSED)`);
  });
});
