/** A self-signed certificate for 127.0.0.1 made at test time with openssl, or the reason it could not be made. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Key and certificate files in `dir`, or a sentence saying why there are none (the caller skips and prints it). */
export function makeCert(dir: string): { key: string; cert: string } | string {
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      { stdio: 'pipe', timeout: 30_000 },
    );
    return { key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') };
  } catch (e) {
    return `openssl could not make a self-signed certificate (${(e as Error).message.split('\n')[0]})`;
  }
}
