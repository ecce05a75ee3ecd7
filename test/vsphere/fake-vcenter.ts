/**
 * A fake vCenter for tests: a real HTTP(S) server on 127.0.0.1 that implements the published
 * instant-clone and session contract (instant-clone-facts.md §0, §2, §3; PROVENANCE.md response table):
 *
 * - POST /api/session (Basic) -> 201 "id"; GET -> 200 info; DELETE -> 204.
 * - POST /rest/com/vmware/cis/session (Basic) -> 200 {"value": id}; DELETE -> 200.
 * - POST /api/vcenter/vm?action=instant-clone: bare spec -> 200 "vm-N".
 * - POST /rest/vcenter/vm?action=instant-clone: {"spec": ...} -> 200 {"value": "vm-N"}.
 * - Errors in the shape of each form, with the status each form uses for each error type.
 *
 * Its own tables are written from the facts file, independently of src/, so the client is
 * tested against the contract rather than against itself.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { closeServer, listenLocal } from '../helpers/local-server.js';

/** Status per vAPI error type and form (instant-clone-facts.md §2 table). */
export const STATUS: Record<string, { api: number; rest: number }> = {
  ALREADY_EXISTS: { api: 400, rest: 400 },
  INVALID_ARGUMENT: { api: 400, rest: 400 },
  UNAUTHENTICATED: { api: 401, rest: 401 },
  UNAUTHORIZED: { api: 403, rest: 403 },
  NOT_FOUND: { api: 404, rest: 404 },
  ERROR: { api: 500, rest: 400 },
  RESOURCE_INACCESSIBLE: { api: 500, rest: 400 },
  UNABLE_TO_ALLOCATE_RESOURCE: { api: 500, rest: 400 },
  SERVICE_UNAVAILABLE: { api: 503, rest: 503 },
};

type Form = 'api' | 'rest';

/** A scripted failure for the next instant-clone call. */
export interface InjectedFailure {
  /**
   * vAPI error type (upper case); 'raw' to send `status`/`body` verbatim; 'echo' to answer `status`
   * with the request's headers as JSON, as a misconfigured proxy or a debug endpoint does.
   */
  type: string;
  /** Which call fails: the instant clone (default) or the session login. */
  at?: 'clone' | 'login';
  status?: number;
  /** raw: the body sent; a vAPI error type: the text of its one message. */
  body?: string;
  /** /rest only: omit `value.error_type` as servers before 7.0 did. */
  legacyRest?: boolean;
  /** Delay before answering, in ms. */
  delayMs?: number;
}

/** One request the server saw. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeVcenterOptions {
  /** user -> password; users named `readonly*` lack the instant-clone privileges. */
  users?: Record<string, string>;
  /** Pretend to be vCenter before 7.0 U2: no /api paths at all (404, empty body). */
  noApi?: boolean;
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Port to listen on; default 0 (any free port). */
  port?: number;
  /** Never answer a logout (DELETE of the session). */
  hangLogout?: boolean;
}

function message(id: string, text: string, args: string[] = []) {
  return { id, default_message: text, args };
}

export class FakeVcenter {
  readonly seen: SeenRequest[] = [];
  readonly sessions = new Map<string, { user: string; created: string }>();
  /** Inventory: ids that exist. */
  readonly vms = new Set(['vm-42', 'vm-43']);
  readonly vmNames = new Set(['web-01', 'existing-vm']);
  readonly folders = new Set(['group-v4']);
  readonly pools = new Set(['resgroup-9']);
  readonly datastores = new Set(['datastore-11']);
  readonly networks = new Set(['network-13', 'dvportgroup-21']);
  readonly failures: InjectedFailure[] = [];
  private nextVm = 1104;
  private nextSession = 1;
  private server: http.Server | https.Server | undefined;
  readonly opts: FakeVcenterOptions;

  constructor(opts: FakeVcenterOptions = {}) {
    this.opts = opts;
  }

  /** Base URL once started. */
  url = '';

  async start(): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        void this.handle(req, body, res).catch((e: unknown) => {
          res.writeHead(500).end(String(e));
        });
      });
    };
    const l = await listenLocal(handler, { tls: this.opts.tls, port: this.opts.port });
    this.server = l.server;
    this.url = l.url;
    return this.url;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
    this.server = undefined;
  }

  /** Make a session without HTTP (for tests that pass a session id). */
  addSession(user = 'admin'): string {
    const id = `sess-${this.nextSession++}-${Math.random().toString(16).slice(2, 10)}`;
    this.sessions.set(id, { user, created: new Date().toISOString() });
    return id;
  }

  private send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json' } : {}), ...headers });
    res.end(text);
  }

  /** Send a vAPI error in the shape of the form, with that form's status. */
  private error(res: http.ServerResponse, form: Form, type: string, messages: ReturnType<typeof message>[], extra: { legacyRest?: boolean; challenge?: string } = {}) {
    const status = STATUS[type]?.[form] ?? 500;
    const inner: Record<string, unknown> = { messages };
    if (!(form === 'rest' && extra.legacyRest)) inner.error_type = type;
    if (extra.challenge) inner.challenge = extra.challenge;
    const headers: Record<string, string> = extra.challenge ? { 'WWW-Authenticate': extra.challenge } : {};
    if (form === 'api') this.send(res, status, inner, headers);
    else this.send(res, status, { type: `com.vmware.vapi.std.errors.${type.toLowerCase()}`, value: inner }, headers);
  }

  private basicUser(req: http.IncomingMessage): string | undefined {
    const h = req.headers.authorization;
    if (!h?.startsWith('Basic ')) return undefined;
    const [user, ...rest] = Buffer.from(h.slice(6), 'base64').toString('utf8').split(':');
    const users = this.opts.users ?? { admin: 'secret' };
    return users[user] !== undefined && users[user] === rest.join(':') ? user : undefined;
  }

  private session(req: http.IncomingMessage) {
    const id = req.headers['vmware-api-session-id'];
    return typeof id === 'string' ? this.sessions.get(id) : undefined;
  }

  /** Answer with an injected failure. */
  private async fail(req: http.IncomingMessage, res: http.ServerResponse, form: Form, failure: InjectedFailure) {
    if (failure.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
    if (res.destroyed) return;
    if (failure.type === 'raw') {
      res.writeHead(failure.status ?? 500, { 'Content-Type': 'text/html' });
      return res.end(failure.body ?? '');
    }
    if (failure.type === 'echo') return this.send(res, failure.status ?? 502, { method: req.method, url: req.url, headers: req.headers });
    const text = failure.body ?? `Injected ${failure.type.toLowerCase()} failure.`;
    return this.error(res, form, failure.type, [message(`fake.${failure.type.toLowerCase()}`, text)], { legacyRest: failure.legacyRest });
  }

  private async handle(req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    const url = req.url ?? '';
    const method = req.method ?? '';
    if (this.opts.noApi && url.startsWith('/api/')) return this.send(res, 404, undefined);
    const challenge = 'Basic realm="VAPI endpoint",SIGN realm="fake",service="VAPI endpoint"';

    if (url === '/api/session' || url === '/rest/com/vmware/cis/session') {
      const form: Form = url.startsWith('/api') ? 'api' : 'rest';
      if (method === 'POST') {
        if (this.failures[0]?.at === 'login') return this.fail(req, res, form, this.failures.shift()!);
        const user = this.basicUser(req);
        if (!user) return this.error(res, form, 'UNAUTHENTICATED', [message('vapi.security.authentication.invalid', 'Unable to authenticate user')], { challenge });
        const id = this.addSession(user);
        return form === 'api' ? this.send(res, 201, id) : this.send(res, 200, { value: id });
      }
      const s = this.session(req);
      if (!s) return this.error(res, form, 'UNAUTHENTICATED', [message('vapi.method.authentication.required', 'Authentication required.')], { challenge });
      if (method === 'GET' && form === 'api') return this.send(res, 200, { user: s.user, created_time: s.created, last_accessed_time: s.created });
      if (method === 'DELETE') {
        if (this.opts.hangLogout) return; // the client must give up on its own
        this.sessions.delete(String(req.headers['vmware-api-session-id']));
        return form === 'api' ? this.send(res, 204, undefined) : this.send(res, 200, undefined);
      }
      return this.send(res, 405, undefined);
    }

    const form: Form | undefined = url === '/api/vcenter/vm?action=instant-clone' ? 'api' : url === '/rest/vcenter/vm?action=instant-clone' ? 'rest' : undefined;
    if (!form) return this.send(res, 404, undefined);
    if (method !== 'POST') return this.send(res, 405, undefined);
    const s = this.session(req);
    if (!s) return this.error(res, form, 'UNAUTHENTICATED', [message('vapi.method.authentication.required', 'Authentication required.')], { challenge });

    if (this.failures.length > 0 && this.failures[0]!.at !== 'login') return this.fail(req, res, form, this.failures.shift()!);

    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return this.error(res, form, 'INVALID_ARGUMENT', [message('vapi.json.parse', 'Request body is not JSON.')]);
    }
    const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    // The contract: /api takes the bare spec with object maps, /rest takes {"spec"} with [{key, value}] maps.
    let spec: Record<string, unknown>;
    if (form === 'rest') {
      if (!obj(parsed) || !obj(parsed.spec)) return this.error(res, form, 'INVALID_ARGUMENT', [message('vapi.data.structure.field.missing', "Structure 'vcenter.VM_instant_clone' is missing field 'spec'")]);
      spec = parsed.spec;
    } else {
      if (!obj(parsed) || 'spec' in parsed) return this.error(res, form, 'INVALID_ARGUMENT', [message('vapi.data.structure.field.unexpected', "Found unexpected field 'spec' in structure 'com.vmware.vcenter.VM.instant_clone_spec'")]);
      spec = parsed;
    }
    for (const f of ['source', 'name']) {
      if (typeof spec[f] !== 'string') return this.error(res, form, 'INVALID_ARGUMENT', [message('vapi.data.structure.field.missing', `Structure 'com.vmware.vcenter.VM.instant_clone_spec' is missing field '${f}'`)]);
    }
    let nicNetworks: string[] = [];
    const nics = spec.nics_to_update;
    if (nics !== undefined) {
      const entries = form === 'api' ? (obj(nics) ? Object.values(nics) : null) : Array.isArray(nics) ? nics.map((e) => (obj(e) ? e.value : undefined)) : null;
      if (!entries) return this.error(res, form, 'INVALID_ARGUMENT', [message('vapi.data.map.invalid', `nics_to_update has the wrong map encoding for ${form}`)]);
      nicNetworks = entries.flatMap((e) => (obj(e) && obj(e.backing) && typeof e.backing.network === 'string' ? [e.backing.network] : []));
    }
    if (s.user.startsWith('readonly')) {
      return this.error(res, form, 'UNAUTHORIZED', [message('vapi.security.authorization.invalid', `User ${s.user} does not have privileges VirtualMachine.Provisioning.Clone on VirtualMachine ${String(spec.source)}`)]);
    }
    const placement = obj(spec.placement) ? spec.placement : {};
    const missing: [string, unknown][] = [
      ['VirtualMachine', this.vms.has(String(spec.source)) ? undefined : spec.source],
      ['Folder', placement.folder !== undefined && !this.folders.has(String(placement.folder)) ? placement.folder : undefined],
      ['ResourcePool', placement.resource_pool !== undefined && !this.pools.has(String(placement.resource_pool)) ? placement.resource_pool : undefined],
      ['Datastore', placement.datastore !== undefined && !this.datastores.has(String(placement.datastore)) ? placement.datastore : undefined],
      ['Network', nicNetworks.find((n) => !this.networks.has(n))],
    ];
    for (const [kind, id] of missing) {
      if (id !== undefined) return this.error(res, form, 'NOT_FOUND', [message('vcenter.vm.not_found', `${kind} with identifier '${String(id)}' does not exist.`, [String(id)])]);
    }
    if (this.vmNames.has(String(spec.name))) {
      return this.error(res, form, 'ALREADY_EXISTS', [message('com.vmware.vdcs.vmware-vapi.already_exists', `A virtual machine named '${String(spec.name)}' already exists.`, [String(spec.name)])]);
    }
    this.vmNames.add(String(spec.name));
    const id = `vm-${this.nextVm++}`;
    this.vms.add(id);
    return form === 'api' ? this.send(res, 200, id) : this.send(res, 200, { value: id });
  }
}
