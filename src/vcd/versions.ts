/**
 * API version negotiation from `GET /api/versions` (vcd-api-facts.md §1): `SupportedVersions` lists
 * `VersionInfo` (attribute `deprecated`, child `Version`) and optional `AlphaVersion` entries, in
 * ascending order with an old `5.5` last on real cells. Versions are read as text and compared
 * numerically (pyvcloud warns that a float parse turns `5.10` into `5.1`); alphas and deprecated
 * versions are never picked unasked.
 */
import { LATEST_API_VERSION } from '../validate/versions.js';
import { VcdError } from './errors.js';
import { attr, kids, readAnswer, textOf } from './xml.js';

/** One version the server offers. */
export interface ApiVersion {
  /** As the server writes it: `38.0`, `5.5`, `39.0.0-alpha`. */
  version: string;
  deprecated: boolean;
  /** A pre-release (`AlphaVersion`). */
  alpha: boolean;
}

/** Cloudapi sessions (`/cloudapi/1.0.0/sessions`) exist from this version on. */
export const CLOUDAPI_SESSIONS_SINCE = '33.0';
/** `DELETE /cloudapi/1.0.0/sessions/current` exists from this version on. */
export const CURRENT_SESSION_SINCE = '36.0';

/** The numbers of a version (`39.0.0-alpha-123` -> [39, 0, 0]); an empty list when it has none. */
function numbers(v: string): number[] {
  const m = /^(\d+(?:\.\d+)*)/.exec(v.trim());
  return m ? m[1]!.split('.').map(Number) : [];
}

/** Compare two versions numerically (`5.10` > `5.9`); a release sorts above an alpha of the same numbers. */
export function compareApiVersions(a: string, b: string): number {
  const x = numbers(a);
  const y = numbers(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return Number(!/-/.test(a)) - Number(!/-/.test(b));
}

/** The versions of a SupportedVersions answer, newest first. Throws VcdError (protocol) when it is not one. */
export function parseVersions(body: string): ApiVersion[] {
  const root = readAnswer(body);
  if (!root || root.name !== 'SupportedVersions') {
    throw new VcdError('protocol', 'GET /api/versions did not answer with SupportedVersions; is this a Cloud Director server?');
  }
  const out: ApiVersion[] = [];
  for (const el of kids(root)) {
    if (el.name !== 'VersionInfo' && el.name !== 'AlphaVersion') continue;
    const version = textOf(kids(el, 'Version')[0]);
    if (!version || numbers(version).length === 0) continue;
    out.push({ version, deprecated: attr(el, 'deprecated') === 'true', alpha: el.name === 'AlphaVersion' });
  }
  return out.sort((a, b) => compareApiVersions(b.version, a.version));
}

/** A usable version: listed, released, not deprecated. */
const usable = (v: ApiVersion) => !v.alpha && !v.deprecated;

/** The version a session is made at: the newest usable one the server lists (33.0 or later, for cloudapi). */
export function sessionVersion(list: readonly ApiVersion[]): string {
  const v = list.find(usable) ?? list.find((x) => !x.alpha);
  if (!v || compareApiVersions(v.version, CLOUDAPI_SESSIONS_SINCE) < 0) {
    throw new VcdError('version', `the server's newest API version is ${v?.version ?? 'unknown'}; vmparams logs in through /cloudapi/1.0.0/sessions, which needs ${CLOUDAPI_SESSIONS_SINCE} or later (Cloud Director 10.0)`);
  }
  return v.version;
}

/**
 * The API version documents are checked and sent at: `wanted` when the server lists it (deprecated
 * allowed, since the user asked), else the newest usable version not newer than what vmparams knows.
 */
export function documentVersion(list: readonly ApiVersion[], wanted?: string): string {
  const shown = () =>
    list
      .filter((v) => !v.alpha)
      .map((v) => v.version + (v.deprecated ? ' (deprecated)' : ''))
      .join(', ');
  if (wanted !== undefined) {
    const hit = list.find((v) => compareApiVersions(v.version, wanted) === 0 && !v.alpha);
    if (!hit) throw new VcdError('version', `the server does not offer API version ${wanted} (it offers ${shown() || 'none'})`);
    return hit.version;
  }
  const known = list.find((v) => usable(v) && compareApiVersions(v.version, LATEST_API_VERSION) <= 0);
  if (!known) throw new VcdError('version', `the server offers no API version vmparams knows (newest known: ${LATEST_API_VERSION}; the server offers ${shown() || 'none'}); pass --api-version`);
  return known.version;
}
