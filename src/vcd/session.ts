/**
 * Sessions (vcd-api-facts.md §2). Password: `POST /cloudapi/1.0.0/sessions` (tenant) or
 * `.../sessions/provider` (System org), Basic `user@org:password`, the bearer token in the
 * `X-VMWARE-VCLOUD-ACCESS-TOKEN` answer header. API token (10.3.1+): `POST /oauth/tenant/{org}/token`
 * (`/oauth/provider/token`), form `grant_type=refresh_token&refresh_token=...`, bearer =
 * `access_token`. Logout: `DELETE /cloudapi/1.0.0/sessions/current` (36.0+) or `/sessions/{id}`.
 */
import { redact } from '../cli/sanitize.js';
import { describeServerError, parseServerError, VcdError } from './errors.js';
import type { Http } from './http.js';
import { compareApiVersions, CURRENT_SESSION_SINCE } from './versions.js';

/** Who logs in. */
export interface Credentials {
  /** Organization; `System` for a provider login. */
  org: string;
  /** Log in to the System org through the provider endpoints. */
  provider: boolean;
  user?: string;
  password?: string;
  /** An API (refresh) token instead of user and password. */
  token?: string;
}

/** A session: the bearer token, and what logout needs. */
export interface Session {
  bearer: string;
  /** `urn:vcloud:session:...`, from the Session body (password logins). */
  id?: string;
  /** Version the session was made at. */
  version: string;
}

/** Longest a logout may take: the work is done, a hanging session service must not hold the exit. */
export const LOGOUT_TIMEOUT_MS = 5_000;

/** Whether to use the provider endpoints: asked for, or the org is System (tenant login refuses it from 36.0 on). */
export function isProvider(c: Credentials): boolean {
  return c.provider || c.org.toLowerCase() === 'system';
}

/** The login failure for a 4xx/5xx answer: what the server said (credentials redacted), never its body. */
function refused(status: number, body: string, who: string, c: Credentials): VcdError {
  const secrets = [c.password, c.token, c.password !== undefined ? `${c.user}@${c.org}:${c.password}` : undefined].filter((x): x is string => !!x);
  const parsed = parseServerError(body) ?? {};
  const server = { ...parsed, ...(parsed.message ? { message: redact(parsed.message, secrets) } : {}) };
  const why = server.message || server.minorErrorCode ? describeServerError(server, status) : `HTTP ${status}`;
  const hint = status === 401 || status === 403 || status === 400 ? 'wrong credentials, or a locked or disabled account' : 'the server could not make a session';
  return new VcdError('login', `login as ${who} refused: ${why} (${hint})`, { status, server });
}

/** Log in with a password or an API token; throws VcdError (kind `login` for a refusal). */
export async function login(http: Http, c: Credentials, version: string): Promise<Session> {
  const provider = isProvider(c);
  if (c.token !== undefined) {
    const path = provider ? '/oauth/provider/token' : `/oauth/tenant/${encodeURIComponent(c.org)}/token`;
    const res = await http.request('POST', path, {
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(c.token)}`,
    });
    const who = `the API token of org ${c.org}`;
    if (res.status < 200 || res.status >= 300) throw refused(res.status, res.body, who, c);
    let token: unknown;
    try {
      token = (JSON.parse(res.body) as { access_token?: unknown }).access_token;
    } catch {
      /* reported below */
    }
    if (typeof token !== 'string' || token === '') throw new VcdError('protocol', `POST ${path}: the answer has no access_token`, { status: res.status });
    return { bearer: token, version };
  }
  if (c.user === undefined) throw new VcdError('usage', 'login needs a user and a password, or an API token');
  if (c.password === undefined || c.password === '') throw new VcdError('usage', `no password given for ${c.user}@${c.org}`);
  const path = provider ? '/cloudapi/1.0.0/sessions/provider' : '/cloudapi/1.0.0/sessions';
  const basic = Buffer.from(`${c.user}@${c.org}:${c.password}`, 'utf8').toString('base64');
  const res = await http.request('POST', path, { headers: { Accept: `application/json;version=${version}`, Authorization: `Basic ${basic}` } });
  const who = `${c.user}@${c.org}`;
  if (res.status < 200 || res.status >= 300) throw refused(res.status, res.body, who, c);
  const bearer = res.headers['x-vmware-vcloud-access-token'];
  if (!bearer) throw new VcdError('protocol', `POST ${path}: the answer has no X-VMWARE-VCLOUD-ACCESS-TOKEN header (is the server older than API 33.0?)`, { status: res.status });
  let id: string | undefined;
  try {
    const j = JSON.parse(res.body) as { id?: unknown };
    if (typeof j.id === 'string') id = j.id;
  } catch {
    /* the id only matters for logout before 36.0 */
  }
  return { bearer, version, ...(id ? { id } : {}) };
}

/** End the session, bounded by LOGOUT_TIMEOUT_MS; a failure is returned as text, never thrown. */
export async function logout(http: Http, s: Session, timeoutMs: number): Promise<string | undefined> {
  const current = compareApiVersions(s.version, CURRENT_SESSION_SINCE) >= 0 || !s.id;
  const path = current ? '/cloudapi/1.0.0/sessions/current' : `/cloudapi/1.0.0/sessions/${encodeURIComponent(s.id!)}`;
  try {
    const res = await http.request('DELETE', path, {
      headers: { Accept: `application/json;version=${s.version}`, Authorization: `Bearer ${s.bearer}` },
      timeoutMs: Math.min(LOGOUT_TIMEOUT_MS, timeoutMs),
    });
    return res.status >= 200 && res.status < 300 ? undefined : `logout: HTTP ${res.status}`;
  } catch (e) {
    return `logout: ${e instanceof Error ? e.message : String(e)}`;
  }
}
