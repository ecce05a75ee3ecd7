/**
 * A fake Cloud Director for tests: a real HTTP(S) server on 127.0.0.1 speaking the protocol as
 * vcd-api-facts.md describes it, written from that file and independently of src/:
 * - `GET /api/versions` (no login): ascending, deprecated entries, an AlphaVersion, 5.5 last (§1).
 * - `POST /cloudapi/1.0.0/sessions` and `/sessions/provider` with Basic `user@org:password` and
 *   `Accept: application/json;version=N.N` (33.0+); the token in `X-VMWARE-VCLOUD-ACCESS-TOKEN`;
 *   the tenant endpoint refuses the System org (§2). `POST /oauth/tenant/{org}/token`,
 *   `/oauth/provider/token` (refresh-token grant). `DELETE /cloudapi/1.0.0/sessions/current|{id}`.
 * - Every other request: `Authorization: Bearer` (401 otherwise) and an Accept header with a listed
 *   version (406 with the version list otherwise) (§3).
 * - The five actions with their exact media types (415 otherwise), answers as in §4, tasks that
 *   progress per poll and end as planned (§5), `<Error>` bodies with request ids and stack traces (§6).
 * - instantiateOvf's upload links and transfer PUTs; the VDC, its networks, storage profiles and
 *   compute policies (XML and cloudapi, paged) (§8); a schema set served from a path -> text map (§7).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import { randomUUID } from 'node:crypto';
import { closeServer, listenLocal } from '../helpers/local-server.js';
import {
  DEFAULT_VDC,
  DEFAULT_VERSIONS,
  errorXml,
  networkXml,
  policiesPage,
  policyReferencesXml,
  storageProfileXml,
  supportedVersions,
  taskXml,
  vappXml,
  vdcXml,
  type FakeVdc,
  type FakeVersion,
} from './fake-vcd-data.js';

/** How a planned task ends. */
export interface TaskPlan {
  outcome: 'success' | 'error' | 'aborted' | 'canceled';
  error?: { major: number; minor: string; message: string };
}

/** A scripted `<Error>` answer for the next action. */
export interface ActionFailure {
  status: number;
  minor: string;
  message: string;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeVcdOptions {
  tls?: { key: string | Buffer; cert: string | Buffer };
  versions?: FakeVersion[];
  /** `user@org` -> password. */
  users?: Record<string, string>;
  /** API token -> org. */
  apiTokens?: Record<string, string>;
  vdc?: FakeVdc;
  /** How the VDC links its compute policies (§8): the cloudapi 2.0.0 list, only the XML list, or none. */
  computePolicyLinks?: 'cloudapi' | 'xml' | 'none';
  /** URL path -> XSD text, served without login. */
  schemas?: Map<string, string>;
  /** Never answer a logout. */
  hangLogout?: boolean;
  /** Polls a task takes to end (default 3). */
  taskSteps?: number;
}

interface FakeTask {
  id: string;
  status: string;
  operation: string;
  polls: number;
  plan: TaskPlan;
  owner: { href: string; name: string };
  /** instantiateOvf: waits for the uploads. */
  waitsForUpload?: string;
}

interface FakeVApp {
  id: string;
  name: string;
  tasks: string[];
  files?: { name: string; size: number; transferred: number; upload?: string }[];
  ovfDescriptorUploaded?: boolean;
  transfer?: string;
}

export const USERS = { 'alice@acme': 'Passw0rd! äö:x', 'admin@System': 'r00t-S3cret' };
export const API_TOKENS = { 'vcd-api-token-acme-0123456789abcdef': 'acme', 'vcd-api-token-sys-fedcba9876543210': 'System' };
/** A vApp that exists before any test (the target of recompose). */
export const EXISTING_VAPP = 'vapp-7b1c2d3e-4f50-4172-8394-a5b6c7d8e9f0';

const ACTIONS = new Set(['instantiateVAppTemplate', 'composeVApp', 'cloneVApp', 'instantiateOvf']);
const jwt = () => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: randomUUID(), iss: 'fake-vcd' })).toString('base64url')}.${Buffer.from(randomUUID()).toString('base64url')}`;

export class FakeVcd {
  readonly seen: SeenRequest[] = [];
  readonly sessions = new Map<string, { user: string; org: string; id: string }>();
  /** Every bearer token handed out (to check that none is ever printed). */
  readonly issued: string[] = [];
  readonly taskPlan: TaskPlan[] = [];
  readonly actionFailures: ActionFailure[] = [];
  readonly tasks = new Map<string, FakeTask>();
  readonly vapps = new Map<string, FakeVApp>();
  /** Bytes received per transfer file name. */
  readonly uploads = new Map<string, number>();
  readonly opts: FakeVcdOptions;
  url = '';
  private server: http.Server | https.Server | undefined;

  constructor(opts: FakeVcdOptions = {}) {
    this.opts = opts;
    this.vapps.set(EXISTING_VAPP, { id: EXISTING_VAPP, name: 'web-app', tasks: [] });
  }

  get vdc(): FakeVdc {
    return this.opts.vdc ?? DEFAULT_VDC;
  }

  private get versions(): FakeVersion[] {
    return this.opts.versions ?? DEFAULT_VERSIONS;
  }

  async start(): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        try {
          this.handle(req, body, res);
        } catch (e) {
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(e));
        }
      });
    };
    const l = await listenLocal(handler, { tls: this.opts.tls });
    this.server = l.server;
    this.url = l.url;
    return this.url;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
    this.server = undefined;
  }

  private xml(res: http.ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': `${type};version=38.0`, 'X-VMWARE-VCLOUD-REQUEST-ID': randomUUID(), ...headers }).end(body);
  }

  private error(res: http.ServerResponse, status: number, minor: string, message: string) {
    this.xml(res, status, errorXml(status, minor, message), 'application/vnd.vmware.vcloud.error+xml');
  }

  private json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  /** The version in an Accept header (`application/*+xml;version=38.0`), or undefined. */
  private acceptVersion(req: http.IncomingMessage, kind: 'xml' | 'json'): string | undefined {
    const accept = String(req.headers.accept ?? '');
    const m = /;\s*version=([\w.-]+)/.exec(accept);
    const typeOk = kind === 'xml' ? /application\/(\*|vnd\.vmware\.[\w.]+)\+xml|application\/\*/.test(accept) : /application\/json|application\/\*/.test(accept);
    return m && typeOk && this.versions.some((v) => v.version === m[1] && !v.alpha) ? m[1] : undefined;
  }

  private notAcceptable(res: http.ServerResponse) {
    const list = [...this.versions].reverse().map((v) => `${v.version}${v.deprecated ? ' [D]' : ''}`).join(', ');
    this.error(res, 406, 'NOT_ACCEPTABLE', `The request has invalid accept header: Invalid API version requested. Supported API versions are: [${list}] ([D] indicates deprecated versions).`);
  }

  private handle(req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const base = this.url;

    if (method === 'GET' && path === '/api/versions') return this.xml(res, 200, supportedVersions(base, this.versions), 'application/vnd.vmware.vcloud.versions+xml');
    if (method === 'GET' && this.opts.schemas?.has(path)) return void res.writeHead(200, { 'Content-Type': 'text/xml' }).end(this.opts.schemas.get(path));
    if (method === 'POST' && (path === '/cloudapi/1.0.0/sessions' || path === '/cloudapi/1.0.0/sessions/provider')) return this.login(req, res, path.endsWith('/provider'));
    const oauth = /^\/oauth\/(?:tenant\/([^/]+)|(provider))\/token$/.exec(path);
    if (method === 'POST' && oauth) return this.tokenGrant(req, body, res, oauth[2] ? 'System' : decodeURIComponent(oauth[1]!));

    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const session = this.sessions.get(token);
    if (!session) return this.error(res, 401, 'UNAUTHORIZED', 'The session is not valid or has expired.');

    if (method === 'DELETE' && path.startsWith('/cloudapi/1.0.0/sessions/')) {
      if (this.opts.hangLogout) return; // never answers
      const which = decodeURIComponent(path.slice('/cloudapi/1.0.0/sessions/'.length));
      if (which !== 'current' && which !== session.id) return this.json(res, 403, { minorErrorCode: 'ACCESS_TO_RESOURCE_IS_FORBIDDEN', message: 'Not your session' });
      this.sessions.delete(token);
      return void res.writeHead(204).end();
    }
    if (path.startsWith('/transfer/')) return this.transfer(req, body, res, path);
    if (path.startsWith('/cloudapi/')) {
      if (!this.acceptVersion(req, 'json')) return this.json(res, 406, { minorErrorCode: 'NOT_ACCEPTABLE', message: 'The request has invalid accept header' });
      const m = /^\/cloudapi\/2\.0\.0\/vdcs\/urn:vcloud:vdc:([^/]+)\/computePolicies$/.exec(path);
      if (method === 'GET' && m && m[1] === this.vdc.id) return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(policiesPage(this.vdc, Number(url.searchParams.get('page') ?? 1), Number(url.searchParams.get('pageSize') ?? 25)));
      return this.json(res, 404, { minorErrorCode: 'NOT_FOUND', message: `No resource at ${path}` });
    }
    if (!this.acceptVersion(req, 'xml')) return this.notAcceptable(res);
    return this.api(req, body, res, path, method);
  }

  private login(req: http.IncomingMessage, res: http.ServerResponse, provider: boolean) {
    const v = this.acceptVersion(req, 'json');
    if (!v || parseFloat(v) < 33) return this.json(res, 406, { minorErrorCode: 'NOT_ACCEPTABLE', message: 'cloudapi sessions need API version 33.0 or later' });
    const auth = String(req.headers.authorization ?? '');
    if (!auth.startsWith('Basic ')) return this.json(res, 401, { minorErrorCode: 'UNAUTHORIZED', message: 'Authentication required' });
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const login = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const at = login.lastIndexOf('@');
    const user = login.slice(0, at);
    const org = login.slice(at + 1);
    const isSystem = org.toLowerCase() === 'system';
    const users: Record<string, string> = this.opts.users ?? USERS;
    // Org names are case-insensitive; from 36.0 the tenant endpoint is for tenants only, the provider endpoint for System (facts §1, §2).
    const known = Object.entries(users).find(([k]) => k.toLowerCase() === `${user}@${org}`.toLowerCase() && k.startsWith(`${user}@`));
    if (at < 0 || known?.[1] !== password || isSystem !== provider) {
      return this.json(res, 401, { minorErrorCode: 'UNAUTHORIZED', message: `Invalid credentials for ${login}`, stackTrace: 'com.vmware.vcloud.security.LoginException ...' });
    }
    const token = jwt();
    this.issued.push(token);
    const id = `urn:vcloud:session:${randomUUID()}`;
    this.sessions.set(token, { user, org, id });
    this.json(res, 200, { id, user: { name: user, id: `urn:vcloud:user:${randomUUID()}` }, org: { name: org, id: `urn:vcloud:org:${randomUUID()}` }, roles: ['Organization Administrator'], sessionIdleTimeoutMinutes: 30 }, { 'X-VMWARE-VCLOUD-ACCESS-TOKEN': token, 'X-VMWARE-VCLOUD-TOKEN-TYPE': 'Bearer' });
  }

  private tokenGrant(req: http.IncomingMessage, body: string, res: http.ServerResponse, org: string) {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return this.json(res, 400, { error: 'invalid_request' });
    const form = new URLSearchParams(body);
    const apiToken = form.get('refresh_token') ?? '';
    const tokens: Record<string, string> = this.opts.apiTokens ?? API_TOKENS;
    if (form.get('grant_type') !== 'refresh_token' || tokens[apiToken]?.toLowerCase() !== org.toLowerCase()) {
      return this.json(res, 400, { error: 'invalid_grant', error_description: `refresh token ${apiToken} is not valid for ${org}` });
    }
    const token = jwt();
    this.issued.push(token);
    this.sessions.set(token, { user: 'token-user', org, id: `urn:vcloud:session:${randomUUID()}` });
    this.json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 2592000, refresh_token: null });
  }

  private api(req: http.IncomingMessage, body: string, res: http.ServerResponse, path: string, method: string) {
    const base = this.url;
    const vdc = this.vdc;
    const vdcHref = `/api/vdc/${vdc.id}`;
    if (method === 'GET' && path === vdcHref) return this.xml(res, 200, vdcXml(base, vdc, this.opts.computePolicyLinks ?? 'cloudapi'), 'application/vnd.vmware.vcloud.vdc+xml');
    if (method === 'GET' && path === `${vdcHref}/computePolicies`) return this.xml(res, 200, policyReferencesXml(base, vdc), 'application/vnd.vmware.vcloud.vdcComputePolicyReferences+xml');
    const netm = /^\/api\/network\/([^/]+)$/.exec(path);
    const network = netm && vdc.networks.find((n) => n.id === netm[1]);
    if (method === 'GET' && network) return this.xml(res, 200, networkXml(base, network), 'application/vnd.vmware.vcloud.orgVdcNetwork+xml');
    const spm = /^\/api\/vdcStorageProfile\/([^/]+)$/.exec(path);
    const profile = spm && vdc.profiles.find((p) => p.id === spm[1]);
    if (method === 'GET' && profile) return this.xml(res, 200, storageProfileXml(base, profile), 'application/vnd.vmware.vcloud.vdcStorageProfile+xml');
    const taskm = /^\/api\/task\/([^/]+)$/.exec(path);
    if (method === 'GET' && taskm && this.tasks.has(taskm[1]!)) return this.xml(res, 200, this.poll(taskm[1]!), 'application/vnd.vmware.vcloud.task+xml');
    const vappm = /^\/api\/vApp\/([^/]+)$/.exec(path);
    if (method === 'GET' && vappm && this.vapps.has(vappm[1]!)) return this.xml(res, 200, this.vappBody(vappm[1]!), 'application/vnd.vmware.vcloud.vApp+xml');

    const action = /^\/api\/(vdc|vApp)\/([^/]+)\/action\/(\w+)$/.exec(path);
    if (method === 'POST' && action) return this.action(req, body, res, action[1]!, action[2]!, action[3]!);
    // A resource that does not exist or is not visible: 403 rather than 404 (facts §6).
    this.error(res, 403, 'ACCESS_TO_RESOURCE_IS_FORBIDDEN', `[ ${randomUUID()} ] No access to entity "${path}".`);
  }

  private action(req: http.IncomingMessage, body: string, res: http.ServerResponse, on: string, id: string, name: string) {
    const known = on === 'vdc' ? ACTIONS.has(name) : name === 'recomposeVApp';
    if (!known) return this.error(res, 404, 'RESOURCE_NOT_FOUND', `No action ${name} on ${on}`);
    if ((on === 'vdc' && id !== this.vdc.id) || (on === 'vApp' && !this.vapps.has(id))) return this.error(res, 403, 'ACCESS_TO_RESOURCE_IS_FORBIDDEN', `No access to entity "com.vmware.vcloud.entity.${on.toLowerCase()}:${id}".`);
    const want = `application/vnd.vmware.vcloud.${name}Params+xml`;
    const got = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (got.toLowerCase() !== want.toLowerCase()) return this.error(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported content type ${got || '(none)'}; ${name} takes ${want}`);
    const root = `${name[0]!.toUpperCase()}${name.slice(1)}Params`;
    if (!new RegExp(`^(?:<\\?xml[^>]*\\?>)?\\s*(?:<!--[\\s\\S]*?-->\\s*)*<(?:\\w+:)?${root}[\\s>]`).test(body.replace(/^\uFEFF/, ''))) {
      return this.error(res, 400, 'BAD_REQUEST', `Bad request\n  - Unexpected JAXB Exception\n  - cvc-elt.1: Cannot find the declaration of element '${/<([\w:]+)/.exec(body)?.[1] ?? '?'}'.`);
    }
    const failure = this.actionFailures.shift();
    if (failure) return this.error(res, failure.status, failure.minor, failure.message);
    const vappName = /<(?:\w+:)?\w+Params\b[^>]*\bname="([^"]*)"/.exec(body)?.[1] ?? 'vapp';
    if (on === 'vdc' && [...this.vapps.values()].some((v) => v.name === vappName)) return this.error(res, 400, 'DUPLICATE_NAME', `The VAPP name "${vappName}" is already used.`);
    const base = this.url;
    if (on === 'vApp') {
      const vapp = this.vapps.get(id)!;
      const task = this.newTask('Updating Virtual Application web-app', { href: `${base}/api/vApp/${id}`, name: vapp.name });
      vapp.tasks.push(task.id);
      return this.xml(res, 202, taskXml(this.taskView(task)), 'application/vnd.vmware.vcloud.task+xml', { Location: `${base}/api/task/${task.id}` });
    }
    const vid = `vapp-${randomUUID()}`;
    const vapp: FakeVApp = { id: vid, name: vappName, tasks: [] };
    this.vapps.set(vid, vapp);
    const task = this.newTask(`Creating Virtual Application ${vappName}(${vid})`, { href: `${base}/api/vApp/${vid}`, name: vappName });
    vapp.tasks.push(task.id);
    if (name === 'instantiateOvf') {
      vapp.transfer = randomUUID();
      vapp.ovfDescriptorUploaded = false;
      vapp.files = [{ name: 'descriptor.ovf', size: -1, transferred: 0, upload: `${base}/transfer/${vapp.transfer}/descriptor.ovf` }];
      task.waitsForUpload = vid;
    }
    this.xml(res, 201, this.vappBody(vid), 'application/vnd.vmware.vcloud.vApp+xml', { Location: `${base}/api/vApp/${vid}` });
  }

  private newTask(operation: string, owner: FakeTask['owner']): FakeTask {
    const task: FakeTask = { id: randomUUID(), status: 'queued', operation, polls: 0, plan: this.taskPlan.shift() ?? { outcome: 'success' }, owner };
    this.tasks.set(task.id, task);
    return task;
  }

  private taskView(t: FakeTask) {
    const steps = this.opts.taskSteps ?? 3;
    const done = ['success', 'error', 'aborted', 'canceled'].includes(t.status);
    return {
      href: `${this.url}/api/task/${t.id}`,
      id: t.id,
      status: t.status,
      operation: t.operation,
      ...(t.status === 'running' ? { progress: Math.round((t.polls / steps) * 100) } : done ? { progress: 100 } : {}),
      owner: t.owner,
      ...(t.status === 'error' ? { error: t.plan.error ?? { major: 500, minor: 'INTERNAL_SERVER_ERROR', message: 'The task failed.' } } : {}),
    };
  }

  /** A task read advances it: queued -> running (progress) -> the planned end. */
  private poll(id: string): string {
    const t = this.tasks.get(id)!;
    const steps = this.opts.taskSteps ?? 3;
    const waiting = t.waitsForUpload && this.vapps.get(t.waitsForUpload)?.files?.some((f) => f.transferred < f.size || f.size < 0);
    if (!waiting && !['success', 'error', 'aborted', 'canceled'].includes(t.status)) {
      t.polls++;
      t.status = t.polls >= steps ? t.plan.outcome : 'running';
    }
    return taskXml(this.taskView(t));
  }

  private vappBody(id: string): string {
    const v = this.vapps.get(id)!;
    return vappXml({ href: `${this.url}/api/vApp/${id}`, id, name: v.name, tasks: v.tasks.map((t) => taskXml(this.taskView(this.tasks.get(t)!))), files: v.files, ovfDescriptorUploaded: v.ovfDescriptorUploaded });
  }

  private transfer(req: http.IncomingMessage, body: string, res: http.ServerResponse, path: string) {
    const [, , transfer, ...rest] = path.split('/');
    const name = decodeURIComponent(rest.join('/'));
    const vapp = [...this.vapps.values()].find((v) => v.transfer === transfer);
    const file = vapp?.files?.find((f) => f.name === name);
    if (req.method !== 'PUT' || !vapp || !file) return this.error(res, 404, 'RESOURCE_NOT_FOUND', 'No such transfer');
    const size = Buffer.byteLength(body);
    this.uploads.set(name, size);
    file.transferred = size;
    if (file.size < 0) file.size = size;
    if (name === 'descriptor.ovf') {
      // The server reads the References and asks for each file (GUIDE 5.5 p. 98).
      vapp.ovfDescriptorUploaded = true;
      for (const m of body.matchAll(/<(?:\w+:)?File\b[^>]*?\bovf:href="([^"]+)"[^>]*?(?:\bovf:size="(\d+)")?[^>]*>/g)) {
        vapp.files!.push({ name: m[1]!, size: Number(m[2] ?? -1), transferred: 0, upload: `${this.url}/transfer/${transfer}/${encodeURIComponent(m[1]!)}` });
      }
    }
    res.writeHead(200).end();
  }
}

/** A server that accepts connections and never answers. */
export async function hangingServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('error', () => undefined);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((r) => {
      for (const x of sockets) x.destroy();
      s.close(() => r());
    }),
  };
}

/** A server that resets every connection as soon as a request arrives; `count()` says how many it reset. */
export async function resettingServer(): Promise<{ url: string; stop: () => Promise<void>; count: () => number }> {
  let n = 0;
  const s = net.createServer((sock) => {
    sock.on('error', () => undefined);
    sock.once('data', () => {
      n++;
      sock.resetAndDestroy();
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, stop: () => new Promise<void>((r) => s.close(() => r())), count: () => n };
}

/** An HTTP CONNECT proxy (what HTTPS_PROXY points at); records the targets it tunnelled to. */
export async function connectProxy(): Promise<{ url: string; targets: string[]; stop: () => Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<net.Socket>();
  const s = http.createServer((_req, res) => res.writeHead(405).end());
  s.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    targets.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    targets,
    stop: () => new Promise<void>((r) => {
      for (const x of sockets) x.destroy();
      s.closeAllConnections();
      s.close(() => r());
    }),
  };
}
