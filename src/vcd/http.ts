/**
 * HTTP for the Cloud Director client, on undici (the library behind Node's fetch, used directly for
 * its per-dispatcher TLS options and its ProxyAgent). TLS is verified; `ca` is added to the default
 * roots (tls.rootCertificates), never a replacement for them; `insecure` turns verification off.
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY are read as curl reads them. Every request has a time limit;
 * only GET is retried, and only after a reset connection or a 502/503/504 (RFC 9110 §9.2.2: GET is
 * idempotent, the POST of an action is not). Every path is resolved onto the server the user gave,
 * so a bearer token is never sent to another host, whatever href an answer contains.
 */
import { rootCertificates } from 'node:tls';
import type { Readable } from 'node:stream';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { VcdError } from './errors.js';

/** Options of the HTTP layer. */
export interface HttpOptions {
  /** Extra trusted CA certificates (PEM), added to the default roots. */
  ca?: string | Uint8Array;
  /** Do not verify the server certificate. DANGER: anyone on the path can read the credentials. */
  insecure?: boolean;
  /** Time limit of one request in ms, connect to last byte. */
  timeoutMs: number;
  /** Environment with the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). */
  env: Record<string, string | undefined>;
}

/** An answer: status, headers (lower-case names, repeated ones joined) and the body as text. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request's extras. */
export interface RequestInit {
  headers?: Record<string, string>;
  body?: string | Uint8Array | Readable;
  /** Overrides the client's limit; 0 = no overall limit (uploads), idle limits still apply. */
  timeoutMs?: number;
  /** Largest body read (default 32 MiB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const RETRY_STATUS = new Set([502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED']);
const RETRY_DELAYS_MS = [300, 1000];
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the server closed the connection',
  EPIPE: 'the server closed the connection',
};

/**
 * The proxy for `url` from the environment, as curl reads it: `https_proxy`/`HTTPS_PROXY` for https,
 * `http_proxy`/`HTTP_PROXY` for http; none when `NO_PROXY` lists the host (`*`, `host`, `host:port`,
 * `.domain` or `domain` for the domain and its subdomains).
 */
export function proxyFor(url: URL, env: Record<string, string | undefined>): string | undefined {
  const proxy = url.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY) : (env.http_proxy ?? env.HTTP_PROXY);
  if (!proxy) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of (env.no_proxy ?? env.NO_PROXY ?? '').split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return undefined;
    const m = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d+))?$/.exec(entry);
    if (!m) continue;
    const name = (m[1] ?? m[2] ?? '').replace(/^\*?\./, '');
    if (m[3] && m[3] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return undefined;
  }
  return proxy;
}

/** The TLS options of every connection: verification on unless insecure; `ca` added to the default roots. */
export function tlsOptions(opts: Pick<HttpOptions, 'ca' | 'insecure'>): { rejectUnauthorized: boolean; ca?: string[] } {
  // Node's `ca` replaces the default roots; keep them, so --ca for a private CA does not break public ones.
  return { rejectUnauthorized: !opts.insecure, ...(opts.ca ? { ca: [...rootCertificates, Buffer.from(opts.ca).toString('utf8')] } : {}) };
}

/** Where a proxy is, without credentials, for messages. */
function proxyShown(proxy: string): string {
  try {
    return new URL(proxy).host;
  } catch {
    return 'the proxy';
  }
}

/** The error code of an undici/Node failure (also on its cause). */
function codeOf(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const c = err?.code ?? err?.cause?.code;
  return typeof c === 'string' ? c : undefined;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The HTTP connection to one Cloud Director server. */
export class Http {
  /** The server URL as the user gave it (origin plus an optional base path). */
  readonly server: URL;
  private readonly opts: HttpOptions;
  private readonly dispatchers = new Map<string, Dispatcher>();

  constructor(server: URL, opts: HttpOptions) {
    this.server = server;
    this.opts = opts;
  }

  /** `href` (absolute or a path) placed on the server: only its path and query are kept from another origin. */
  url(href: string): URL {
    const base = this.server.pathname.replace(/\/+$/, '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      const u = new URL(href);
      if (u.origin === this.server.origin) return u;
      // A cell behind a load balancer or NAT writes its public name into hrefs; the user's server
      // name is the one that works from here, and the only one our credentials may go to.
      return new URL(u.pathname + u.search, this.server.origin);
    }
    const path = href.startsWith('/') ? href : `/${href}`;
    return new URL(base && !path.startsWith(`${base}/`) ? base + path : path, this.server.origin);
  }

  private dispatcher(url: URL): { dispatcher: Dispatcher; proxy?: string } {
    const proxy = proxyFor(url, this.opts.env);
    const key = proxy ?? '';
    let d = this.dispatchers.get(key);
    if (!d) {
      const tls = tlsOptions(this.opts);
      const timeouts = { headersTimeout: this.opts.timeoutMs, bodyTimeout: this.opts.timeoutMs, connectTimeout: this.opts.timeoutMs };
      d = proxy ? new ProxyAgent({ uri: proxy, requestTls: tls, ...timeouts }) : new Agent({ connect: { ...tls, timeout: this.opts.timeoutMs }, ...timeouts });
      this.dispatchers.set(key, d);
    }
    return { dispatcher: d, ...(proxy ? { proxy } : {}) };
  }

  /** Send a request; resolves with the answer whatever its status. GET is retried after a reset or a 502/503/504. */
  async request(method: string, target: string, init: RequestInit = {}): Promise<HttpResponse> {
    const url = this.url(target);
    const retries = method === 'GET' && !(init.body && typeof init.body === 'object' && 'pipe' in init.body) ? RETRY_DELAYS_MS : [];
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.once(method, url, init);
        if (attempt < retries.length && RETRY_STATUS.has(res.status)) {
          await sleep(retries[attempt]!);
          continue;
        }
        return res;
      } catch (e) {
        if (e instanceof VcdError && attempt < retries.length && e.code && RETRY_CODES.has(e.code)) {
          await sleep(retries[attempt]!);
          continue;
        }
        throw e;
      }
    }
  }

  private async once(method: string, url: URL, init: RequestInit): Promise<HttpResponse> {
    const { dispatcher, proxy } = this.dispatcher(url);
    const limit = init.timeoutMs ?? this.opts.timeoutMs;
    const controller = new AbortController();
    const timer = limit > 0 ? setTimeout(() => controller.abort(), limit) : undefined;
    const where = `${method} ${url.origin}${url.pathname}`;
    try {
      const res = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body,
        dispatcher,
        signal: controller.signal,
      });
      const max = init.maxBytes ?? DEFAULT_MAX_BYTES;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > max) {
          res.body.destroy();
          throw new VcdError('protocol', `${where}: the answer is larger than ${max} bytes`, { status: res.statusCode });
        }
        chunks.push(chunk as Buffer);
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      return { status: res.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') };
    } catch (e) {
      if (e instanceof VcdError) throw e;
      throw this.transportError(e, url, where, controller.signal.aborted ? limit : undefined, proxy);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** One line for a failure before an answer: timeout, TLS, unreachable, proxy. */
  private transportError(e: unknown, url: URL, where: string, timedOutAfter: number | undefined, proxy: string | undefined): VcdError {
    const code = codeOf(e);
    const via = proxy ? ` (via proxy ${proxyShown(proxy)})` : '';
    if (timedOutAfter !== undefined || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new VcdError('timeout', `${where}${via}: no answer within ${timedOutAfter ?? this.opts.timeoutMs} ms`, { code: code ?? 'ETIMEDOUT', cause: e });
    }
    if (code && TLS_CODES.has(code)) return new VcdError('tls', `the certificate of ${url.host} is not trusted (${code})`, { code, cause: e });
    const text = e instanceof Error ? e.message : String(e);
    if (code === 'EPROTO' || code?.startsWith('ERR_SSL') || /SSL|TLS|certificate/i.test(text)) {
      return new VcdError('tls', `TLS with ${url.host} failed (${code ?? text.split('\n')[0]})`, { code, cause: e });
    }
    if (proxy && /Proxy|tunnel/i.test(text)) return new VcdError('transport', `cannot reach ${url.origin} through proxy ${proxyShown(proxy)}: ${text.split('\n')[0]}`, { code, cause: e });
    const why = (code && UNREACHABLE[code]) ?? text.split('\n')[0];
    return new VcdError('transport', `cannot reach ${url.origin}${via}: ${why}${code && !UNREACHABLE[code] ? '' : code ? ` (${code})` : ''}`, { code, cause: e });
  }

  /** Close every connection. */
  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.destroy().catch(() => undefined)));
  }
}
