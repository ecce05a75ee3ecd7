/**
 * Issue 11 item 8 and the "Output hygiene"/"Depth" bullets for `instant-clone`: a hostile or
 * misconfigured server cannot make the CLI print a credential or a terminal escape; timeouts are
 * validated; a refused login is named as such; logout cannot hold the exit; deep JSON is a clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGOUT_TIMEOUT_MS, MAX_JSON_DEPTH } from '../../src/vsphere/index.js';
import { cli } from '../cli/helpers.js';
import { FakeVcenter } from './fake-vcenter.js';
import { run, type Run } from './run.js';

const USER = 'administrator@vsphere.local';
const PASSWORD = 'Tr0ub4dor&3 x';
const SPEC = 'fixtures/instant-clone/valid/minimal-api.json';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every spelling of a secret that must never reach the output. */
function spellings(secret: string): string[] {
  return [secret, b64(secret), encodeURIComponent(secret), b64(`${USER}:${secret}`)];
}

function expectClean(r: Run, secrets: string[]) {
  const all = r.stdout + r.stderr;
  for (const s of secrets) for (const form of spellings(s)) expect(all, `leaked ${form}`).not.toContain(form);
  expect(all).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/); // no control character but the line ends
}

describe('instant-clone send against a hostile server', () => {
  let vc: FakeVcenter;
  beforeAll(async () => {
    vc = new FakeVcenter({ users: { [USER]: PASSWORD } });
    await vc.start();
  });
  afterAll(async () => vc.stop());
  const env = { VMPARAMS_PASSWORD: PASSWORD };

  it('a proxy that echoes the request headers at login: no password, no Basic credential', async () => {
    vc.failures.push({ type: 'echo', status: 502, at: 'login' });
    const r = await run(['send', SPEC, '--server', vc.url, '--user', USER], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/login as administrator@vsphere\.local failed: internal_server_error \(HTTP 502\): no vAPI error in the body \(\d+ bytes of application\/json\)/);
    expectClean(r, [PASSWORD]);
  });

  it('an echo at the clone call does not show the session id', async () => {
    const sid = vc.addSession(USER);
    vc.failures.push({ type: 'echo', status: 500 });
    const r = await run(['send', SPEC, '--server', vc.url, '--session-id', sid]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('instant clone failed: internal_server_error (HTTP 500): no vAPI error in the body');
    expectClean(r, [sid]);
  });

  it('escape sequences in a vAPI message are shown as text, on one line', async () => {
    const sid = vc.addSession(USER);
    vc.failures.push({ type: 'ERROR', body: '\x1b[2J\x1b[H\x1b]0;owned\x07\r\n\x1b[32m✔ done\x1b[0m' });
    const r = await run(['send', SPEC, '--server', vc.url, '--session-id', sid]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${SPEC}: instant clone failed: error (HTTP 500): \\u001b[2J\\u001b[H\\u001b]0;owned\\u0007\\r\\n\\u001b[32m✔ done\\u001b[0m\n`);
    expectClean(r, []);
  });

  it('a message that quotes the credentials is redacted', async () => {
    const sid = vc.addSession(USER);
    vc.failures.push({ type: 'INVALID_ARGUMENT', body: `bad request; Authorization: Basic ${b64(`${USER}:${PASSWORD}`)}; password ${PASSWORD}; session ${sid}` });
    const r = await run(['send', SPEC, '--server', vc.url, '--session-id', sid]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[redacted]');
    expectClean(r, [PASSWORD, sid]);
  });

  it(`a logout that never answers holds the exit for at most ${LOGOUT_TIMEOUT_MS / 1000} s, not the full --timeout`, async () => {
    const slow = new FakeVcenter({ users: { [USER]: PASSWORD }, hangLogout: true });
    await slow.start();
    try {
      const t0 = Date.now();
      const r = await run(['send', SPEC, '--server', slow.url, '--user', USER, '--timeout', '60'], { env });
      const took = Date.now() - t0;
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^vm-\d+\n$/);
      expect(took).toBeGreaterThanOrEqual(LOGOUT_TIMEOUT_MS - 100);
      expect(took).toBeLessThan(LOGOUT_TIMEOUT_MS + 3000);
    } finally {
      await slow.stop();
    }
  });
});

describe('document text is escaped where it is printed', () => {
  it('unknown JSON keys with escape sequences (validate, privileges, convert)', async () => {
    const spec = JSON.stringify({ source: 'vm-42\x1b]0;t\x07', name: 'x', '\x1b[2Jevil\u202e': 1, placement: { folder: 'group-v4\x1b[31m' } });
    for (const args of [['validate', '-'], ['privileges', '-'], ['convert', '-', '--to', 'rest']]) {
      const r = await run(args, { stdin: spec });
      expect(r.stdout + r.stderr).not.toMatch(/[\x1b\x07\u202e]/);
      if (args[0] !== 'convert') expect(r.stdout + r.stderr).toContain('\\u001b[2Jevil\\u202e');
    }
  });
});

describe('deep JSON', () => {
  const deep = (n: number) => '{"source":"vm-42","name":"x","extra":' + '['.repeat(n) + ']'.repeat(n) + '}';

  it('validate and convert report a clear error instead of crashing', async () => {
    for (const args of [['validate', '-'], ['convert', '-', '--to', 'rest'], ['privileges', '-']]) {
      const r = await run(args, { stdin: deep(100_000) });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout + r.stderr).toContain(`nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`);
      expect(r.stdout + r.stderr).not.toContain('internal error');
    }
  });

  it('the limit leaves room for real specs', async () => {
    const r = await run(['validate', '-'], { stdin: deep(MAX_JSON_DEPTH - 2) });
    expect(r.stdout).not.toContain('deeper than');
  });
});

describe('--timeout as a process', () => {
  it('an out-of-range value exits 2 with one line and no Node warning', () => {
    const r = cli(['instant-clone', 'send', SPEC, '--server', 'http://127.0.0.1:9', '--session-id', 's', '--timeout', '3000000000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("vmparams instant-clone send: --timeout must be a positive number of seconds from 0.001 to 86400 (at most 3 decimals), got '3000000000'\n");
    expect(r.stderr).not.toContain('TimeoutOverflowWarning');
  });
});
