/**
 * `vcd.connect(options)`: a Cloud Director client that negotiates the API version, logs in, sends a
 * request document to the action of its kind, follows the task, downloads the server's schemas and
 * reads a VDC into a validation context (interface.md, "Live Cloud Director").
 */
import { redact } from '../cli/sanitize.js';
import { build, kindOf, type VmParamsDocument } from '../document.js';
import type { Kind } from '../model/roots.js';
import { validateSync } from '../validate/index.js';
import type { ContextInput } from '../validate/context.js';
import { decodeXml } from '../xml/decode.js';
import { readTree } from './xml.js';
import { actionHref, mediaTypeOf, readActionAnswer, targetMismatch, type TaskInfo, type UploadLink } from './actions.js';
import { readContext, type ContextReport } from './context.js';
import { describeServerError, parseServerError, VcdError, type ServerError } from './errors.js';
import { Http, type HttpResponse, type RequestInit } from './http.js';
import { locate } from './locate.js';
import { uploadOvf } from './ovf.js';
import { downloadSchemas, type SchemasReport } from './schemas.js';
import { login, logout, type Session } from './session.js';
import { followTask } from './task.js';
import { documentVersion, parseVersions, sessionVersion, type ApiVersion } from './versions.js';

/** Options of connect. */
export interface ConnectOptions {
  /** The server, e.g. `https://vcd.example.com` (a bare host name means https). */
  server: string | URL;
  /** Organization to log in to (default `System` with `provider`). */
  org?: string;
  /** User name; with `password`. */
  user?: string;
  password?: string;
  /** API (refresh) token, instead of user and password. */
  token?: string;
  /** Log in to the System org (provider endpoints). */
  provider?: boolean;
  /** Extra CA certificates (PEM) trusted besides the default roots. */
  ca?: string | Uint8Array;
  /** Do not verify the certificate. DANGER: credentials can be read by anyone on the path. Default false. */
  insecure?: boolean;
  /** Time limit of each request in ms (default 60000). */
  timeoutMs?: number;
  /** API version for documents and XML reads (default: the newest usable version the server lists and vmparams knows). */
  apiVersion?: string;
  /** Proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); default process.env. */
  env?: Record<string, string | undefined>;
  /** Log in during connect (default true when credentials are given); false defers it to `client.login()`. */
  login?: boolean;
}

/** Options of one send. */
export interface SendOptions {
  /** href of the VDC (instantiate, compose, clone, instantiateOvf) or of the vApp (recompose). */
  to: string;
  /** API version of this document (default: the client's). */
  apiVersion?: string;
  /** Follow the task to its end (default true); false returns as soon as the server accepted the request. */
  wait?: boolean;
  /** Called with the task each time it is read. */
  onProgress?: (task: TaskInfo) => void;
  /** InstantiateOvfParams: the OVF descriptor to upload, its files beside it. Without it nothing is uploaded. */
  ovf?: string;
  /** Validate first and refuse an invalid document (default true). */
  validate?: boolean;
  /** A VDC description for that validation. */
  context?: unknown;
  /** First pause between task polls in ms (default 500). */
  pollMs?: number;
}

/** What a send achieved. */
export interface SendResult {
  /** `success` the task ended well; `queued` accepted and not followed (no wait, or an OVF waiting for its upload). */
  status: 'success' | 'queued';
  task: string | undefined;
  vApp: string | undefined;
  /** InstantiateOvfParams without `ovf`: where the server waits for the files. */
  uploads?: UploadLink[];
  /** Files uploaded (with `ovf`). */
  uploaded?: { name: string; bytes: number }[];
}

/** A connection to one Cloud Director server. */
export interface Client {
  readonly server: URL;
  /** The version documents are sent at. */
  readonly apiVersion: string;
  /** Whether the client holds a session. */
  readonly loggedIn: boolean;
  /** The versions the server offers, newest first. */
  versions(): Promise<ApiVersion[]>;
  /** Make the session now (when connect was told `login: false`); a no-op when there is one. */
  login(): Promise<void>;
  /** Send a request document (XML text or bytes, or a document object) to the action of its kind. */
  send(docOrXml: string | Uint8Array | VmParamsDocument, opts: SendOptions): Promise<SendResult>;
  /** Download the server's schema set into `dir`. */
  schemas(dir: string): Promise<SchemasReport>;
  /** Read the VDC at `vdcHref` into a VDC description for validate's `context`. */
  context(vdcHref: string): Promise<ContextReport>;
  /** End the session (bounded) and close the connections. */
  close(): Promise<void>;
}

/** The server URL from what a user typed: a bare host means https; a trailing /api is dropped. */
export function parseServerUrl(server: string | URL): URL {
  const text = String(server).trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new VcdError('usage', `'${text}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new VcdError('usage', `the server must be an http or https URL, not ${url.protocol}`);
  if (url.username || url.password) throw new VcdError('usage', 'put no credentials in the server URL; use --user with VMPARAMS_VCD_PASSWORD, or --token');
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/(api|cloudapi)$/i, '') || '/';
  url.search = '';
  url.hash = '';
  return url;
}

class VcdClient implements Client {
  readonly server: URL;
  apiVersion = '';
  private list: ApiVersion[] = [];
  private session: Session | undefined;
  private readonly http: Http;
  private readonly secrets: string[];
  private readonly timeoutMs: number;

  constructor(private readonly opts: ConnectOptions) {
    this.server = parseServerUrl(opts.server);
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    if (!(Number.isInteger(this.timeoutMs) && this.timeoutMs >= 1 && this.timeoutMs <= 86_400_000)) throw new VcdError('usage', `timeoutMs must be a whole number from 1 to 86400000, got ${opts.timeoutMs}`);
    if (opts.ca && opts.insecure) throw new VcdError('usage', 'give either a CA or insecure, not both');
    this.http = new Http(this.server, { ca: opts.ca, insecure: opts.insecure, timeoutMs: this.timeoutMs, env: opts.env ?? process.env });
    const org = opts.org ?? 'System';
    this.secrets = [opts.password, opts.token, opts.password !== undefined && opts.user !== undefined ? `${opts.user}@${org}:${opts.password}` : undefined].filter((s): s is string => !!s);
  }

  get loggedIn(): boolean {
    return this.session !== undefined;
  }

  /** Versions, then a session when credentials were given. */
  async open(): Promise<void> {
    const res = await this.http.request('GET', '/api/versions', { headers: { Accept: 'application/*+xml' } });
    if (res.status !== 200) throw new VcdError('protocol', `GET /api/versions: HTTP ${res.status}; is ${this.server.origin} a Cloud Director server?`, { status: res.status });
    this.list = parseVersions(res.body);
    this.apiVersion = documentVersion(this.list, this.opts.apiVersion);
    if (this.opts.login !== false) await this.login();
  }

  async login(): Promise<void> {
    const o = this.opts;
    if (this.session || (o.token === undefined && o.user === undefined)) return;
    if (o.org === undefined && !o.provider) throw new VcdError('usage', 'give the organization (org) to log in to, or provider');
    const org = o.org ?? 'System';
    this.session = await login(this.http, { org, provider: o.provider ?? false, user: o.user, password: o.password, token: o.token }, sessionVersion(this.list));
    this.secrets.push(this.session.bearer);
  }

  /** A request on the server with the session's headers; `as` picks the Accept header. */
  private request(method: string, href: string, init: RequestInit = {}, as: 'xml' | 'json' | 'any' = 'xml', version = this.apiVersion): Promise<HttpResponse> {
    const accept = as === 'xml' ? `application/*+xml;version=${version}` : as === 'json' ? `application/json;version=${this.session?.version ?? version}` : '*/*';
    const headers: Record<string, string> = { Accept: accept, ...init.headers };
    if (this.session) headers.Authorization = `Bearer ${this.session.bearer}`;
    return this.http.request(method, href, { ...init, headers });
  }

  private needSession(what: string): void {
    if (!this.session) throw new VcdError('usage', `${what} needs a login: give a user and password, or an API token`);
  }

  /** The error for an HTTP failure status, with the server's fields and the named element's place. */
  private failure(res: HttpResponse, what: string, sent?: { text: string; apiVersion: string }): VcdError {
    const server: ServerError = parseServerError(res.body) ?? {};
    const clean = { ...server, ...(server.message ? { message: redact(server.message, this.secrets) } : {}) };
    const place = sent && clean.message ? this.place(clean.message, sent) : undefined;
    const hint = res.status === 401 ? ' (the session was refused; log in again)' : '';
    return new VcdError('http', `${what}: ${describeServerError(clean, res.status)}${hint}`, { status: res.status, server: clean, ...(place ? { place } : {}) });
  }

  private place(message: string, sent: { text: string; apiVersion: string }) {
    // With several elements of that name, the one our own schema check flags is the likely one.
    const prefer = /cvc-/.test(message) ? validateSync(sent.text, { lint: false, apiVersion: sent.apiVersion }).problems.map((p) => p.path) : [];
    return locate(message, sent.text, prefer);
  }

  async versions(): Promise<ApiVersion[]> {
    return [...this.list];
  }

  async send(input: string | Uint8Array | VmParamsDocument, opts: SendOptions): Promise<SendResult> {
    this.needSession('send');
    const apiVersion = opts.apiVersion ?? this.apiVersion;
    let body: string | Uint8Array;
    let text: string;
    let kind: Kind;
    if (typeof input === 'string' || input instanceof Uint8Array) {
      body = input;
      try {
        const root = readTree(input);
        kind = kindOf(root.ns, root.name);
        text = typeof input === 'string' ? input : decodeXml(input).text;
      } catch (e) {
        throw new VcdError('invalid', `not a request document: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
    } else {
      kind = input.kind;
      try {
        body = text = build(input);
      } catch (e) {
        throw new VcdError('invalid', `not sent: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
    }
    if (opts.validate !== false) {
      const report = validateSync(text, { apiVersion, ...(opts.context !== undefined ? { context: opts.context as ContextInput } : {}) });
      const errors = report.problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new VcdError('invalid', `not sent: the document has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: line ${errors[0]!.line}: ${errors[0]!.message})`, { problems: report.problems });
    }
    const mismatch = targetMismatch(opts.to, kind);
    if (mismatch) throw new VcdError('usage', mismatch);
    const href = actionHref(opts.to, kind);
    const res = await this.request('POST', href, { headers: { 'Content-Type': mediaTypeOf(kind) }, body }, 'xml', apiVersion);
    const sent = { text, apiVersion };
    if (res.status < 200 || res.status >= 300) throw this.failure(res, `POST ${this.http.url(href).pathname}`, sent);
    let answer = readActionAnswer(res.body, res.headers.location);
    if (!answer) throw new VcdError('protocol', `POST ${this.http.url(href).pathname}: HTTP ${res.status}, but the answer is neither a VApp nor a Task`, { status: res.status });
    let vApp = answer.vApp;
    let uploaded: SendResult['uploaded'];
    if (kind === 'InstantiateOvfParams') {
      if (!opts.ovf) return { status: 'queued', task: answer.tasks[0]?.href, vApp, uploads: answer.uploads };
      // Re-reads of the vApp are API requests (versioned Accept); the transfer PUTs are not.
      const up = await uploadOvf((m, h, i) => this.request(m, h, i, m === 'GET' ? 'xml' : 'any', apiVersion), answer, opts.ovf, { pollMs: opts.pollMs ?? 1000 });
      answer = up.answer;
      uploaded = up.files;
    }
    const tasks = answer.tasks.filter((t) => t.href);
    const result = (status: SendResult['status'], task: string | undefined): SendResult => ({ status, task, vApp, ...(uploaded ? { uploaded } : {}) });
    if (opts.wait === false || tasks.length === 0) return result(opts.wait === false ? 'queued' : 'success', tasks[0]?.href);
    let last: TaskInfo | undefined;
    for (const t of tasks) {
      last = await followTask((h) => this.request('GET', h, {}, 'xml', apiVersion), t, { onProgress: opts.onProgress, intervalMs: opts.pollMs });
      vApp ??= last.owner;
      if (last.status !== 'success') {
        const server = last.error ? { ...last.error, ...(last.error.message ? { message: redact(last.error.message, this.secrets) } : {}) } : {};
        const place = server.message ? this.place(server.message, sent) : undefined;
        throw new VcdError('task', `task ${last.status}${server.message || server.minorErrorCode ? `: ${describeServerError(server)}` : ''}`, { server, task: last.href, vApp, ...(place ? { place } : {}) });
      }
    }
    return result('success', last?.href);
  }

  async schemas(dir: string): Promise<SchemasReport> {
    return downloadSchemas((href) => this.request('GET', href, {}, 'any'), this.server, dir, this.loggedIn);
  }

  async context(vdcHref: string): Promise<ContextReport> {
    this.needSession('context');
    return readContext((href, as) => this.request('GET', href, {}, as), vdcHref);
  }

  async close(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    if (s) await logout(this.http, s, this.timeoutMs);
    await this.http.close();
  }
}

/** Connect: read the server's versions, pick the API version, and log in when credentials are given. Throws VcdError. */
export async function connect(options: ConnectOptions): Promise<Client> {
  const client = new VcdClient(options);
  try {
    await client.open();
  } catch (e) {
    await client.close();
    throw e;
  }
  return client;
}
