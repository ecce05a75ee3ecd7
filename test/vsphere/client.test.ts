/**
 * The client end to end against a real HTTP server on 127.0.0.1 (FakeVcenter) that implements the
 * published contract: both paths, both session services, every error type in both body shapes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  Client,
  GeneralError,
  InstantCloneClient,
  InvalidArgumentError,
  NotFoundError,
  ProtocolError,
  ResourceInaccessibleError,
  ServiceUnavailableError,
  SpecValidationError,
  TimeoutError,
  TransportError,
  UnableToAllocateResourceError,
  UnauthenticatedError,
  LoginError,
  UnauthorizedError,
  VapiError,
  decodeVapiError,
  send,
} from '../../src/vsphere/index.js';
import { FakeVcenter, STATUS } from './fake-vcenter.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve('fixtures/instant-clone', name), 'utf8'));
const spec = { source: 'vm-42', name: 'ic-web-01' };

let vc: FakeVcenter;
beforeAll(async () => {
  vc = new FakeVcenter({ users: { admin: 'secret', 'readonly@vsphere.local': 'ro' } });
  await vc.start();
});
afterAll(async () => vc.stop());
afterEach(() => {
  vc.failures.length = 0;
});

/** Run `fn` expecting it to reject; return the error. */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('sessions', () => {
  it('creates a session with POST /api/session and Basic auth', async () => {
    const c = new InstantCloneClient({ server: vc.url, user: 'admin', password: 'secret' });
    const id = await c.login();
    expect(vc.sessions.has(id)).toBe(true);
    const req = vc.seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/session');
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('admin:secret').toString('base64')}`);
    await c.logout();
    expect(vc.sessions.has(id)).toBe(false);
    expect(vc.seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/session' });
  });

  it('wrong credentials give a LoginError whose cause is the UnauthenticatedError with the challenge', async () => {
    const c = new InstantCloneClient({ server: vc.url, user: 'admin', password: 'nope' });
    const e = await rejection(c.login());
    expect(e).toBeInstanceOf(LoginError);
    expect(e).toMatchObject({ status: 401 });
    expect(e.message).toMatch(/^login as admin failed: unauthenticated \(HTTP 401\): Unable to authenticate user/);
    const cause = e.cause as UnauthenticatedError;
    expect(cause).toBeInstanceOf(UnauthenticatedError);
    expect(cause).toMatchObject({ status: 401, errorType: 'UNAUTHENTICATED', kind: 'unauthenticated', fromStatus: false });
    expect(cause.challenge).toContain('Basic realm=');
  });

  it('an unknown session id gives UnauthenticatedError on the call', async () => {
    const c = new Client({ server: vc.url, sessionId: 'not-a-session' });
    const e = await rejection(c.instantClone(spec));
    expect(e).toBeInstanceOf(UnauthenticatedError);
  });
});

describe('instant clone', () => {
  it('/api form: bare body, session header, returns the new id', async () => {
    const sid = vc.addSession();
    const c = new InstantCloneClient({ server: vc.url, sessionId: sid });
    const body = fixture('valid/full-api.json') as { name: string };
    const id = await c.instantClone({ ...body, name: 'api-form-1' });
    expect(id).toMatch(/^vm-\d+$/);
    expect(vc.vms.has(id)).toBe(true);
    const req = vc.seen.at(-1)!;
    expect(req.url).toBe('/api/vcenter/vm?action=instant-clone');
    expect(req.headers['vmware-api-session-id']).toBe(sid);
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({ ...body, name: 'api-form-1' });
  });

  it('/rest form: {"spec"} body with [{key, value}] maps, returns the new id', async () => {
    const c = new InstantCloneClient({ server: vc.url, sessionId: vc.addSession() });
    const body = fixture('valid/full-rest.json') as { spec: { name: string } };
    body.spec.name = 'rest-form-1';
    const id = await c.instantClone(body);
    expect(id).toMatch(/^vm-\d+$/);
    const req = vc.seen.at(-1)!;
    expect(req.url).toBe('/rest/vcenter/vm?action=instant-clone');
    expect(JSON.parse(req.body)).toEqual(body);
  });

  it('converts the body to the form of the endpoint asked for', async () => {
    const c = new InstantCloneClient({ server: vc.url, sessionId: vc.addSession() });
    const body = { ...(fixture('valid/full-api.json') as object), name: 'converted-1' };
    await c.instantClone(body, { form: 'rest' });
    const req = vc.seen.at(-1)!;
    expect(req.url).toBe('/rest/vcenter/vm?action=instant-clone');
    expect(JSON.parse(req.body).spec.nics_to_update[0].key).toBe('4000');
  });

  it('send() logs in, clones and logs out again', async () => {
    const before = vc.sessions.size;
    const id = await send({ ...spec, name: 'one-shot-1' }, { server: vc.url, user: 'admin', password: 'secret' });
    expect(id).toMatch(/^vm-\d+$/);
    expect(vc.sessions.size).toBe(before);
    expect(vc.seen.slice(-3).map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/session',
      'POST /api/vcenter/vm?action=instant-clone',
      'DELETE /api/session',
    ]);
  });

  it('an invalid spec is refused locally and never sent', async () => {
    const n = vc.seen.length;
    const c = new InstantCloneClient({ server: vc.url, sessionId: vc.addSession() });
    const e = await rejection(c.instantClone({ source: 'vm-42', name: 'x', nics_to_update: { '4000': { mac_type: 'MANUAL' } } }));
    expect(e).toBeInstanceOf(SpecValidationError);
    expect(e.message).toContain('/nics_to_update/4000/mac_address');
    const e2 = await rejection(send({ name: 'x' }, { server: vc.url, user: 'admin', password: 'secret' }));
    expect(e2).toBeInstanceOf(SpecValidationError);
    expect(vc.seen.length).toBe(n);
  });
});

describe('every vAPI error type, in both forms, decoded from the body', () => {
  const cases: [string, new (...a: never[]) => VapiError, (form: 'api' | 'rest') => Promise<unknown>][] = [
    ['ALREADY_EXISTS', AlreadyExistsError, (form) => call(form, { source: 'vm-42', name: 'existing-vm' })],
    ['INVALID_ARGUMENT', InvalidArgumentError, (form) => inject(form, 'INVALID_ARGUMENT')],
    ['UNAUTHORIZED', UnauthorizedError, (form) => call(form, spec, 'readonly@vsphere.local')],
    ['NOT_FOUND', NotFoundError, (form) => call(form, { source: 'vm-999', name: 'nf' })],
    ['ERROR', GeneralError, (form) => inject(form, 'ERROR')],
    ['RESOURCE_INACCESSIBLE', ResourceInaccessibleError, (form) => inject(form, 'RESOURCE_INACCESSIBLE')],
    ['UNABLE_TO_ALLOCATE_RESOURCE', UnableToAllocateResourceError, (form) => inject(form, 'UNABLE_TO_ALLOCATE_RESOURCE')],
    ['SERVICE_UNAVAILABLE', ServiceUnavailableError, (form) => inject(form, 'SERVICE_UNAVAILABLE')],
    ['UNAUTHENTICATED', UnauthenticatedError, (form) => new InstantCloneClient({ server: vc.url, sessionId: 'expired' }).instantClone(spec, { form })],
  ];
  async function call(form: 'api' | 'rest', body: unknown, user = 'admin') {
    const c = new InstantCloneClient({ server: vc.url, sessionId: vc.addSession(user) });
    return c.instantClone(body, { form });
  }
  async function inject(form: 'api' | 'rest', type: string) {
    vc.failures.push({ type });
    return call(form, spec);
  }
  for (const form of ['api', 'rest'] as const) {
    it.each(cases)(`${form}: %s`, async (type, Cls, run) => {
      const e = await rejection(run(form));
      expect(e).toBeInstanceOf(Cls);
      expect(e).toBeInstanceOf(VapiError);
      const v = e as VapiError;
      expect(v.errorType).toBe(type);
      expect(v.kind).toBe(type.toLowerCase());
      expect(v.status).toBe(STATUS[type][form]);
      expect(v.fromStatus).toBe(false);
      expect(v.messages.length).toBeGreaterThan(0);
      expect(v.message).toContain(v.messages[0].default_message);
    });
  }

  it('/rest errors without value.error_type (before 7.0) are decoded from "type"', async () => {
    vc.failures.push({ type: 'UNABLE_TO_ALLOCATE_RESOURCE', legacyRest: true });
    const e = await rejection(call('rest', spec));
    expect(e).toBeInstanceOf(UnableToAllocateResourceError);
    expect((e as VapiError).status).toBe(400);
  });

  it('a body without a vAPI error falls back to the status code', async () => {
    vc.failures.push({ type: 'raw', status: 503, body: '' });
    const e = await rejection(call('api', spec));
    expect(e).toBeInstanceOf(ServiceUnavailableError);
    expect((e as VapiError).fromStatus).toBe(true);
    vc.failures.push({ type: 'raw', status: 502, body: '<html>Bad Gateway</html>' });
    const e2 = await rejection(call('api', spec));
    expect(e2).toBeInstanceOf(VapiError);
    expect(e2).toMatchObject({ errorType: 'INTERNAL_SERVER_ERROR', status: 502, fromStatus: true });
    // What the body is, never what it says (a proxy could echo the Authorization header).
    expect(e2.message).toBe('internal_server_error (HTTP 502): no vAPI error in the body (24 bytes of text/html)');
  });

  it('a redirect is a ProtocolError that says to check the URL', async () => {
    vc.failures.push({ type: 'raw', status: 301, body: '' });
    const e = await rejection(call('api', spec));
    expect(e).toBeInstanceOf(ProtocolError);
    expect(e.message).toContain('check the server URL');
  });
});

describe('decodeVapiError', () => {
  it('reads both body shapes and prefers the body over the status', () => {
    const api = decodeVapiError(400, JSON.stringify({ error_type: 'ALREADY_EXISTS', messages: [{ id: 'a', default_message: 'exists', args: ['x'] }] }));
    expect(api).toBeInstanceOf(AlreadyExistsError);
    expect(api.messages[0].args).toEqual(['x']);
    const rest = decodeVapiError(400, JSON.stringify({ type: 'com.vmware.vapi.std.errors.resource_inaccessible', value: { messages: [] } }));
    expect(rest).toBeInstanceOf(ResourceInaccessibleError);
    const inner = decodeVapiError(500, JSON.stringify({ value: { error_type: 'NOT_FOUND', messages: [] } }));
    expect(inner).toBeInstanceOf(NotFoundError);
    const other = decodeVapiError(504, JSON.stringify({ error_type: 'TIMED_OUT', messages: [] }));
    expect(other.constructor).toBe(VapiError);
    expect(other.kind).toBe('timed_out');
    expect(decodeVapiError(409, 'x')).toMatchObject({ errorType: 'CONCURRENT_CHANGE', fromStatus: true });
  });
});

describe('transport', () => {
  it('times out a slow server', async () => {
    vc.failures.push({ type: 'ERROR', delayMs: 3000 });
    const c = new InstantCloneClient({ server: vc.url, sessionId: vc.addSession(), timeoutMs: 200 });
    const t0 = Date.now();
    const e = await rejection(c.instantClone(spec));
    const elapsed = Date.now() - t0;
    expect(e).toBeInstanceOf(TimeoutError);
    expect((e as TimeoutError).timeoutMs).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(2000);
  });

  it('a refused connection is a TransportError', async () => {
    const dead = new FakeVcenter();
    const url = await dead.start();
    await dead.stop();
    const e = await rejection(new InstantCloneClient({ server: url, user: 'a', password: 'b' }).login());
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).code).toBe('ECONNREFUSED');
  });

  it('rejects contradictory TLS options', () => {
    expect(() => new InstantCloneClient({ server: 'https://vc', ca: 'x', insecure: true })).toThrow(/not both/);
    expect(new InstantCloneClient({ server: 'vc.example.com' }).server.protocol).toBe('https:');
  });
});

describe('vCenter before 7.0 U2 (no /api paths)', () => {
  let old: FakeVcenter;
  beforeAll(async () => {
    old = new FakeVcenter({ noApi: true });
    await old.start();
  });
  afterAll(async () => old.stop());

  it('login falls back to the /rest session service, and /rest instant clone works', async () => {
    const c = new InstantCloneClient({ server: old.url, user: 'admin', password: 'secret' });
    const sid = await c.login();
    expect(old.seen.map((r) => r.url)).toEqual(['/api/session', '/rest/com/vmware/cis/session']);
    expect(await c.instantClone({ spec }, {})).toMatch(/^vm-/);
    const e = await rejection(c.instantClone(spec));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.message).toContain('--form rest');
    await c.logout();
    expect(old.sessions.has(sid)).toBe(false);
    expect(old.seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/rest/com/vmware/cis/session' });
  });
});

describe('the fake server itself follows the contract', () => {
  it('answers errors in the shape of each form', async () => {
    const api = await fetch(`${vc.url}/api/vcenter/vm?action=instant-clone`, { method: 'POST', body: '{}' });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error_type: 'UNAUTHENTICATED', messages: [{ id: expect.any(String), default_message: expect.any(String), args: [] }] });
    const rest = await fetch(`${vc.url}/rest/vcenter/vm?action=instant-clone`, { method: 'POST', body: '{}' });
    expect(rest.status).toBe(401);
    expect(await rest.json()).toMatchObject({ type: 'com.vmware.vapi.std.errors.unauthenticated', value: { error_type: 'UNAUTHENTICATED' } });
  });

  it('answers success in the shape of each form', async () => {
    const sid = vc.addSession();
    const headers = { 'vmware-api-session-id': sid, 'content-type': 'application/json' };
    const api = await fetch(`${vc.url}/api/vcenter/vm?action=instant-clone`, { method: 'POST', headers, body: JSON.stringify({ ...spec, name: 'raw-1' }) });
    expect(typeof (await api.json())).toBe('string');
    const rest = await fetch(`${vc.url}/rest/vcenter/vm?action=instant-clone`, { method: 'POST', headers, body: JSON.stringify({ spec: { ...spec, name: 'raw-2' } }) });
    expect(await rest.json()).toEqual({ value: expect.stringMatching(/^vm-/) });
    const wrong = await fetch(`${vc.url}/api/vcenter/vm?action=instant-clone`, { method: 'POST', headers, body: JSON.stringify({ spec }) });
    expect(wrong.status).toBe(400);
  });
});
