/**
 * A small client for the instant-clone call of the vSphere Automation API.
 *
 * Uses node:http/node:https directly (not fetch) because a custom CA and an explicit insecure mode
 * need per-request TLS options that Node 20's global fetch does not expose.
 * Endpoints and shapes: instant-clone-facts.md §0 (instant clone) and §3 (sessions).
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { convert, detectForm, type BodyForm } from './form.js';
import { validate } from './validate.js';
import {
  LoginError,
  ProtocolError,
  SpecValidationError,
  TimeoutError,
  TlsError,
  TransportError,
  decodeVapiError,
  describeBody,
} from './errors.js';

/** Options of InstantCloneClient. */
export interface ClientOptions {
  /** vCenter base URL, e.g. `https://vc.example.com` (a bare host name means https). */
  server: string | URL;
  /** An existing session id (sent as `vmware-api-session-id`); otherwise `login()` creates one. */
  sessionId?: string;
  /** User for `login()` (Basic auth). */
  user?: string;
  /** Password for `login()`. */
  password?: string;
  /** Extra trusted CA certificate(s), PEM. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** File with trusted CA certificate(s), PEM; read when the client is created. */
  caFile?: string;
  /** Skip TLS certificate verification. Default false. DANGER: anyone on the path can read the session and password. */
  insecure?: boolean;
  /** Time limit per HTTP request in milliseconds (connect to last byte). Default 120000; instant clone is synchronous. */
  timeoutMs?: number;
  /** Endpoint used by `instantClone` when the call does not say; default: the form of the body. */
  form?: BodyForm;
}

/** Options of one instant-clone call. */
export interface InstantCloneCallOptions {
  /** Endpoint to call: `api` (`/api/vcenter/vm?action=instant-clone`) or `rest` (the deprecated `/rest` one). The body is converted if needed. */
  form?: BodyForm;
  /** Validate locally before sending (default true); an invalid spec throws SpecValidationError and is not sent. */
  validate?: boolean;
}

/** The path of the instant-clone call per form; the /rest action uses `action=`, not `~action=` (facts §0). */
export const INSTANT_CLONE_PATHS: Record<BodyForm, string> = {
  api: '/api/vcenter/vm?action=instant-clone',
  rest: '/rest/vcenter/vm?action=instant-clone',
};

/** Session endpoints: `/api/session` (7.0 U2+) and the older `/rest/com/vmware/cis/session`. */
export const SESSION_PATHS: Record<BodyForm, string> = {
  api: '/api/session',
  rest: '/rest/com/vmware/cis/session',
};

/** Longest a logout may take: the clone is made, so a hanging session service must not hold the exit. */
export const LOGOUT_TIMEOUT_MS = 5_000;

/** Longest accepted request time limit (24 h); Node's timers overflow past 2^31-1 ms. */
export const MAX_TIMEOUT_MS = 86_400_000;

/** Largest response body read; vAPI responses here are tiny. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

/** The vCenter base URL from what a user typed: a bare host name means https; only http(s) is accepted. */
export function parseServer(server: string | URL): URL {
  const text = String(server).trim();
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`server must be an http or https URL, not ${url.protocol}`);
  return url;
}

/** What a JSON value is, in words, without its content (server text is never echoed). */
function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a JSON array';
  if (typeof v === 'string') return v === '' ? 'an empty string' : 'a string that is not an id';
  if (typeof v === 'object') return `a JSON object without "value"`;
  return `a JSON ${typeof v}`;
}

/** Client for `POST /api/vcenter/vm?action=instant-clone` and its `/rest` twin, with session handling. */
export class InstantCloneClient {
  readonly server: URL;
  /** The session id in use, if any. */
  sessionId: string | undefined;
  /** Which session service created our session (so logout uses the same one). */
  private sessionVia: BodyForm | undefined;
  private readonly opts: ClientOptions;
  private readonly ca: string | Buffer | Array<string | Buffer> | undefined;

  constructor(opts: ClientOptions) {
    this.opts = opts;
    this.server = parseServer(opts.server);
    this.sessionId = opts.sessionId;
    if (opts.insecure && (opts.ca || opts.caFile)) throw new TypeError('use either a CA (ca/caFile) or insecure, not both');
    this.ca = opts.caFile ? readFileSync(opts.caFile) : opts.ca;
    const t = opts.timeoutMs;
    if (t !== undefined && !(Number.isInteger(t) && t >= 1 && t <= MAX_TIMEOUT_MS)) throw new RangeError(`timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${t}`);
  }

  /** Send one request; resolves with the raw response whatever its status. */
  private request(method: string, path: string, headers: Record<string, string>, body?: string, timeoutMs = this.opts.timeoutMs ?? 120_000): Promise<RawResponse> {
    const base = this.server.pathname.replace(/\/+$/, '');
    const isHttps = this.server.protocol === 'https:';
    const reqOpts: https.RequestOptions = {
      method,
      hostname: this.server.hostname.replace(/^\[|\]$/g, ''),
      port: this.server.port || (isHttps ? 443 : 80),
      path: base + path,
      headers: { Accept: 'application/json', ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {}) },
    };
    if (isHttps) {
      reqOpts.rejectUnauthorized = !this.opts.insecure;
      if (this.ca) reqOpts.ca = this.ca;
    }
    return new Promise<RawResponse>((resolve, reject) => {
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(e);
      };
      const req = (isHttps ? https : http).request(reqOpts, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE_BYTES) fail(new ProtocolError(`response from ${method} ${path} is larger than ${MAX_RESPONSE_BYTES} bytes`, res.statusCode ?? 0, ''));
          else chunks.push(c);
        });
        res.on('error', (e) => fail(new TransportError(`connection lost while reading ${method} ${path}: ${e.message}`, (e as NodeJS.ErrnoException).code, e)));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      const timer = setTimeout(() => fail(new TimeoutError(`${method} ${this.server.origin}${base}${path} got no complete response within ${timeoutMs} ms`, timeoutMs)), timeoutMs);
      req.on('error', (e: NodeJS.ErrnoException) => {
        const code = e.code;
        if (code && TLS_CODES.has(code)) {
          fail(new TlsError(`TLS: the certificate of ${this.server.host} is not trusted (${code})`, code, e));
        } else if (code === 'EPROTO' || /SSL|TLS/i.test(e.message)) {
          fail(new TlsError(`TLS handshake with ${this.server.host} failed: ${e.message}`, code, e));
        } else {
          fail(new TransportError(`cannot reach ${this.server.origin}: ${e.message}`, code, e));
        }
      });
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  private authHeaders(): Record<string, string> {
    if (!this.sessionId) throw new TypeError('no session: pass sessionId or call login() first');
    return { 'vmware-api-session-id': this.sessionId };
  }

  private static readJson(res: RawResponse, what: string): unknown {
    try {
      return JSON.parse(res.body);
    } catch {
      throw new ProtocolError(`${what}: HTTP ${res.status} with a body that is not JSON (${describeBody(res.body, res.headers)})`, res.status, res.body);
    }
  }

  /** Turn a non-2xx response into the typed error (3xx becomes a ProtocolError naming the redirect). */
  private static failure(res: RawResponse, what: string): Error {
    if (res.status >= 300 && res.status < 400) {
      return new ProtocolError(`${what}: the server redirected (HTTP ${res.status}) to ${res.headers.location ?? '?'}; check the server URL`, res.status, res.body);
    }
    return decodeVapiError(res.status, res.body, res.headers);
  }

  /**
   * Create a session with Basic auth: `POST /api/session` (201, bare string); when that path does not
   * exist (404 without a vAPI error, as on vCenter before 7.0 U2) falls back to `POST /rest/com/vmware/cis/session`
   * (200, `{"value": id}`). Returns and keeps the session id.
   */
  async login(user = this.opts.user, password = this.opts.password): Promise<string> {
    if (user === undefined || password === undefined) throw new TypeError('login needs a user and a password');
    const auth = { Authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`, 'vmware-use-header-authn': 'true' };
    let res = await this.request('POST', SESSION_PATHS.api, auth);
    let via: BodyForm = 'api';
    if (res.status === 404 && decodeVapiError(404, res.body).fromStatus) {
      res = await this.request('POST', SESSION_PATHS.rest, auth);
      via = 'rest';
    }
    if (res.status < 200 || res.status >= 300) {
      const e = InstantCloneClient.failure(res, `POST ${SESSION_PATHS[via]}`);
      throw new LoginError(`login as ${user} failed: ${e.message}`, res.status, e);
    }
    const body = InstantCloneClient.readJson(res, `POST ${SESSION_PATHS[via]}`);
    const id = typeof body === 'string' ? body : typeof body === 'object' && body !== null && typeof (body as { value?: unknown }).value === 'string' ? (body as { value: string }).value : undefined;
    if (!id) throw new ProtocolError(`POST ${SESSION_PATHS[via]}: expected a session id, got ${jsonKind(body)}`, res.status, res.body);
    this.sessionId = id;
    this.sessionVia = via;
    return id;
  }

  /** End the session (`DELETE /api/session`, or the /rest one if login used it) and forget it. */
  async logout(): Promise<void> {
    if (!this.sessionId) return;
    const via = this.sessionVia ?? 'api';
    const res = await this.request('DELETE', SESSION_PATHS[via], this.authHeaders(), undefined, Math.min(LOGOUT_TIMEOUT_MS, this.opts.timeoutMs ?? LOGOUT_TIMEOUT_MS));
    this.sessionId = undefined;
    this.sessionVia = undefined;
    if (res.status < 200 || res.status >= 300) throw InstantCloneClient.failure(res, `DELETE ${SESSION_PATHS[via]}`);
  }

  /**
   * Create an instant clone and return the new VM's id (e.g. `vm-1104`).
   * The body may be in either form; it is converted to the form of the endpoint called.
   * @throws SpecValidationError, a VapiError subclass, TransportError/TlsError/TimeoutError or ProtocolError.
   */
  async instantClone(body: unknown, opts: InstantCloneCallOptions = {}): Promise<string> {
    const bodyForm = detectForm(body);
    const form = opts.form ?? this.opts.form ?? bodyForm;
    if (opts.validate !== false) {
      const report = validate(body, { form: bodyForm });
      if (!report.valid) throw new SpecValidationError(report);
    }
    const payload = JSON.stringify(bodyForm === form ? body : convert(body, form, bodyForm));
    const path = INSTANT_CLONE_PATHS[form];
    const res = await this.request('POST', path, this.authHeaders(), payload);
    if (res.status === 404 && decodeVapiError(404, res.body).fromStatus) {
      // No vAPI body: the endpoint itself is missing (e.g. /api on vCenter before 7.0 U2, or a simulator).
      const err = decodeVapiError(404, res.body, res.headers);
      throw Object.assign(err, {
        message: `not_found (HTTP 404): the server has no ${path} endpoint${form === 'api' ? '; vCenter before 7.0 U2 only has the /rest form (--form rest)' : ''}`,
      });
    }
    if (res.status < 200 || res.status >= 300) throw InstantCloneClient.failure(res, `POST ${path}`);
    const out = InstantCloneClient.readJson(res, `POST ${path}`);
    // /api answers with a bare JSON string, /rest with {"value": id}; accept either (Ansible's vcenter_vm does too).
    if (typeof out === 'string' && out !== '') return out;
    if (typeof out === 'object' && out !== null && typeof (out as { value?: unknown }).value === 'string') return (out as { value: string }).value;
    throw new ProtocolError(`POST ${path}: expected the new VM id, got ${jsonKind(out)}`, res.status, res.body);
  }
}

/** Options of `send`: the client options plus the call options. */
export type SendOptions = ClientOptions & InstantCloneCallOptions;

/**
 * One-shot instant clone: uses `sessionId` or logs in with user/password, sends the body, logs out
 * again if it logged in, and returns the new VM id.
 */
export async function send(body: unknown, opts: SendOptions): Promise<string> {
  const client = new InstantCloneClient(opts);
  if (opts.validate !== false) {
    // Validate before logging in: no session for a spec that would be refused locally anyway.
    const report = validate(body);
    if (!report.valid) throw new SpecValidationError(report);
  }
  const ownSession = !opts.sessionId;
  if (ownSession) await client.login();
  try {
    return await client.instantClone(body, { form: opts.form, validate: false });
  } finally {
    if (ownSession) await client.logout().catch(() => undefined);
  }
}
