/** The HTTP(S) listener the fake servers share (fake Cloud Director, fake vCenter): 127.0.0.1 only. */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: http.Server;
  url: string;
}

/** Listen on 127.0.0.1 (port 0: a free one), over TLS when a key and certificate are given. */
export async function listenLocal(handler: http.RequestListener, opts: { tls?: { key: string | Buffer; cert: string | Buffer }; port?: number } = {}): Promise<Listening> {
  const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  return { server, url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Close the server and every connection still open. */
export async function closeServer(server: http.Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
