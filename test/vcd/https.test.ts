/**
 * TLS and proxies: the CLI against the fake Cloud Director over HTTPS with a self-signed certificate
 * made here by `openssl` (skipped with a printed reason when openssl is missing or fails), and
 * through an HTTP CONNECT proxy named by HTTPS_PROXY.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert } from './cert.js';
import { tlsOptions } from '../../src/vcd/http.js';
import { FakeVcd, USERS, connectProxy } from './fake-vcd.js';
import { oneLine, run, spellings } from './helpers.js';


const dir = mkdtempSync(join(tmpdir(), 'vmparams-vcd-tls-'));
const made = makeCert(dir);
if (typeof made === 'string') console.log(`skipping the vcd HTTPS tests: ${made}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tlsOptions', () => {
  it('--ca adds to the default roots instead of replacing them; --insecure turns verification off', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const o = tlsOptions({ ca: pem });
    expect(o.rejectUnauthorized).toBe(true);
    expect(o.ca!.length).toBe(rootCertificates.length + 1);
    expect(o.ca!.slice(0, -1)).toEqual([...rootCertificates]);
    expect(o.ca!.at(-1)).toBe(pem);
    expect(tlsOptions({})).toEqual({ rejectUnauthorized: true });
    expect(tlsOptions({ insecure: true })).toEqual({ rejectUnauthorized: false });
  });
});

describe.skipIf(typeof made === 'string')('vcd over HTTPS', () => {
  const files = made as { key: string; cert: string };
  let vcd: FakeVcd;
  const env = { VMPARAMS_VCD_PASSWORD: USERS['alice@acme'] };
  const outputs: string[] = [];
  const cli = async (args: string[], opts: Parameters<typeof run>[1] = {}) => {
    const r = await run(args, opts);
    outputs.push(r.stdout, r.stderr);
    return r;
  };
  beforeAll(async () => {
    vcd = new FakeVcd({ tls: { key: readFileSync(files.key), cert: readFileSync(files.cert) } });
    await vcd.start();
  });
  afterAll(() => vcd.stop());

  it('an untrusted certificate: one line with the advice, exit 2, and the password never sent', async () => {
    const n = vcd.seen.length;
    const r = await cli(['vcd', 'send', 'fixtures/valid/instantiate-minimal.xml', '--server', vcd.url, '--org', 'acme', '--user', 'alice', '--to', `${vcd.url}/api/vdc/${vcd.vdc.id}`], { env });
    expect(r.status).toBe(2);
    expect(oneLine(r)).toMatch(/^vmparams vcd send: the certificate of 127\.0\.0\.1:\d+ is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\); pass its CA certificate with --ca FILE, or use --insecure only on a network you trust$/);
    expect(vcd.seen.length).toBe(n);
  });

  it('--ca FILE trusts it; --insecure skips the check and says so', async () => {
    const r = await cli(['vcd', 'versions', '--server', vcd.url, '--ca', files.cert]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('38.1');
    expect(r.stderr).toBe('');
    const i = await cli(['vcd', 'send', 'fixtures/valid/instantiate-minimal.xml', '--server', vcd.url, '--org', 'acme', '--user', 'alice', '--to', `${vcd.url}/api/vdc/${vcd.vdc.id}`, '--insecure'], { env });
    expect(i.status).toBe(0);
    expect(i.stderr).toContain(`warning: vcd send: --insecure: the certificate of ${new URL(vcd.url).host} is not checked; the password can be read by anyone on the path\n`);
    expect(i.stdout).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/vApp\/vapp-/);
  });

  it('a file that holds no certificate is refused before connecting', async () => {
    const r = await cli(['vcd', 'versions', '--server', vcd.url, '--ca', files.key]);
    expect(r.status).toBe(2);
    expect(oneLine(r)).toMatch(/--ca .*key\.pem: no PEM certificate in the file/);
  });

  it('https to a plain-http server: a TLS failure in one line', async () => {
    const plain = new FakeVcd();
    const url = await plain.start();
    try {
      const r = await cli(['vcd', 'versions', '--server', url.replace('http:', 'https:')]);
      expect(r.status).toBe(2);
      expect(oneLine(r)).toMatch(/^vmparams vcd versions: TLS with 127\.0\.0\.1:\d+ failed \(.+\); pass its CA certificate/);
    } finally {
      await plain.stop();
    }
  });

  it('HTTPS_PROXY: the connection is tunnelled through the proxy; NO_PROXY bypasses it', async () => {
    const proxy = await connectProxy();
    try {
      const host = new URL(vcd.url).host;
      // Another fixture than above: the fake refuses a vApp name twice, as a cell does.
      const r = await cli(['vcd', 'send', 'fixtures/valid/clone-copy.xml', '--server', vcd.url, '--org', 'acme', '--user', 'alice', '--to', `${vcd.url}/api/vdc/${vcd.vdc.id}`, '--ca', files.cert], { env: { ...env, HTTPS_PROXY: proxy.url } });
      expect(r.status).toBe(0);
      expect(proxy.targets.length).toBeGreaterThan(0);
      expect(new Set(proxy.targets)).toEqual(new Set([host]));
      const before = proxy.targets.length;
      const b = await cli(['vcd', 'versions', '--server', vcd.url, '--ca', files.cert], { env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } });
      expect(b.status).toBe(0);
      expect(proxy.targets.length).toBe(before);
    } finally {
      await proxy.stop();
    }
  });

  it('a proxy that is not there: one line naming it, exit 2', async () => {
    const dead = await connectProxy();
    await dead.stop();
    const r = await cli(['vcd', 'versions', '--server', vcd.url, '--ca', files.cert], { env: { HTTPS_PROXY: dead.url } });
    expect(r.status).toBe(2);
    expect(oneLine(r)).toMatch(new RegExp(`^vmparams vcd versions: cannot reach ${vcd.url.replace(/[.]/g, '\\.')} \\(via proxy 127\\.0\\.0\\.1:\\d+\\): connection refused \\(ECONNREFUSED\\)$`));
  });

  it('no secret in any output', () => {
    const all = outputs.join('\n');
    for (const s of [...spellings(USERS['alice@acme'], ['alice@acme', 'alice']), ...vcd.issued.flatMap((t) => spellings(t))]) expect(all.includes(s)).toBe(false);
  });
});
