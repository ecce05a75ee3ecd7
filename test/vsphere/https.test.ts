/**
 * TLS: the client against the fake vCenter over HTTPS with a self-signed certificate made here by
 * `openssl` (skipped with a printed reason when openssl is missing or fails).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert } from '../vcd/cert.js';
import { runInstantClone } from '../../src/cli/instant-clone.js';
import type { Io } from '../../src/cli/io.js';
import { InstantCloneClient, TlsError, send } from '../../src/vsphere/index.js';
import { FakeVcenter } from './fake-vcenter.js';


const dir = mkdtempSync(join(tmpdir(), 'vmparams-tls-'));
const made = makeCert(dir);
if (typeof made === 'string') console.log(`skipping HTTPS tests: ${made}`);

describe.skipIf(typeof made === 'string')('HTTPS', () => {
  const files = made as { key: string; cert: string };
  let vc: FakeVcenter;
  beforeAll(async () => {
    vc = new FakeVcenter({ tls: { key: readFileSync(files.key), cert: readFileSync(files.cert) } });
    await vc.start();
  });
  afterAll(async () => {
    await vc.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an untrusted certificate by default, with advice', async () => {
    const c = new InstantCloneClient({ server: vc.url, user: 'admin', password: 'secret' });
    const e = await c.login().then(
      () => undefined,
      (x: unknown) => x as Error,
    );
    expect(e).toBeInstanceOf(TlsError);
    expect(e!.message).toMatch(/certificate of 127\.0\.0\.1:\d+ is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
    expect(vc.seen).toHaveLength(0); // the password never left the client
  });

  it('trusts the certificate given as a CA file', async () => {
    const id = await send({ source: 'vm-42', name: 'tls-1' }, { server: vc.url, user: 'admin', password: 'secret', caFile: files.cert });
    expect(id).toMatch(/^vm-\d+$/);
  });

  it('skips verification only when insecure is set', async () => {
    const id = await send({ spec: { source: 'vm-42', name: 'tls-2' } }, { server: vc.url, user: 'admin', password: 'secret', insecure: true });
    expect(id).toMatch(/^vm-\d+$/);
  });

  it('the CLI says how to trust the certificate, and works with --ca', async () => {
    const out = { stdout: '', stderr: '' };
    const io: Io = {
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
      readStdin: async () => new TextEncoder().encode(JSON.stringify({ source: 'vm-42', name: 'tls-cli-1' })),
      cwd: process.cwd(),
      env: { VMPARAMS_PASSWORD: 'secret' },
      isTTY: false,
    };
    const args = ['send', '-', '--server', vc.url, '--user', 'admin'];
    expect(await runInstantClone(args, io)).toBe(2);
    expect(out.stderr).toMatch(/is not trusted .*; pass the vCenter CA certificate with --ca FILE, or use --insecure only on a network you trust\n$/);
    out.stderr = '';
    expect(await runInstantClone([...args, '--ca', files.cert], io)).toBe(0);
    expect(out.stdout).toMatch(/^vm-\d+\n$/);
    expect(out.stderr).toBe('');
  });
});
