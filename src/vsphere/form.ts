/**
 * The two body forms of instant clone and the conversion between them.
 *
 * `/api` (vCenter 7.0 U2+): the bare `VM.InstantCloneSpec`, maps as JSON objects.
 * `/rest` (deprecated): `{"spec": ...}`, maps as arrays of `{"key", "value"}`
 * (instant-clone-facts.md §0 and §1, "Map encoding differs between the two forms").
 */
import { isMapField } from './schema.js';

/** Which request body form: `api` (bare spec) or `rest` (`{"spec": ...}`). */
export type BodyForm = 'api' | 'rest';

/** Thrown by `convert` when the body cannot be converted (not an object, malformed map entries, duplicate keys). */
export class ConvertError extends Error {
  /** JSON pointer of the offending value. */
  readonly path: string;
  constructor(message: string, path: string) {
    super(message);
    this.name = 'ConvertError';
    this.path = path;
  }
}

/** True for a JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Detect the body form: `rest` when the top level has `spec` and neither `source` nor `name`
 * (a bare spec never has `spec`), else `api`.
 */
export function detectForm(body: unknown): BodyForm {
  if (isObject(body) && 'spec' in body && !('source' in body) && !('name' in body)) return 'rest';
  return 'api';
}

/** Escape one JSON-pointer segment (RFC 6901). */
export function pointerSegment(s: string | number): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Build a JSON pointer from segments. */
export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('');
}

/** Set an own property even for `__proto__` (JSON.parse makes it an own key; plain assignment would change the prototype). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function mapToRest(map: unknown, at: string): unknown {
  if (Array.isArray(map)) return map; // already /rest-encoded: keep
  if (!isObject(map)) throw new ConvertError(`${at} must be an object keyed by device key to convert it`, at);
  return Object.entries(map).map(([key, value]) => ({ key, value }));
}

function mapToApi(map: unknown, at: string): unknown {
  if (isObject(map)) return map; // already /api-encoded: keep
  if (!Array.isArray(map)) throw new ConvertError(`${at} must be an array of {"key", "value"} entries to convert it`, at);
  const out: Record<string, unknown> = {};
  map.forEach((entry, i) => {
    const here = `${at}/${i}`;
    if (!isObject(entry) || typeof entry.key !== 'string' || !('value' in entry)) {
      throw new ConvertError(`${here} must be an object {"key": "<device key>", "value": {...}}`, here);
    }
    if (Object.prototype.hasOwnProperty.call(out, entry.key)) {
      throw new ConvertError(`${here}: device key "${entry.key}" appears twice; merge the entries before converting`, `${here}/key`);
    }
    setOwn(out, entry.key, entry.value);
  });
  return out;
}

function convertSpec(spec: Record<string, unknown>, to: BodyForm, base: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) {
    if (isMapField(k) && v !== undefined) setOwn(out, k, to === 'rest' ? mapToRest(v, `${base}/${k}`) : mapToApi(v, `${base}/${k}`));
    else setOwn(out, k, v);
  }
  return out;
}

/**
 * Convert a body to the given form (`to`). The source form is detected unless `from` is given.
 * Fields are copied as they are (unknown ones too); only the wrapper and the map encoding change.
 * Converting to the form the body is already in returns an equal copy.
 * @throws ConvertError when the body is not an object or a map cannot be converted.
 */
export function convert(body: unknown, to: BodyForm, from: BodyForm = detectForm(body)): Record<string, unknown> {
  if (!isObject(body)) throw new ConvertError('the body must be a JSON object', '');
  if (from === 'rest') {
    if (!isObject(body.spec)) throw new ConvertError('a /rest body must be {"spec": {...}} with an object as spec', '/spec');
    const extra = Object.keys(body).filter((k) => k !== 'spec');
    if (extra.length > 0) throw new ConvertError(`a /rest body has only "spec"; unexpected ${extra.map((k) => `"${k}"`).join(', ')}`, pointer([extra[0]]));
    const spec = convertSpec(body.spec, to, '/spec');
    return to === 'rest' ? { spec } : spec;
  }
  const spec = convertSpec(body, to, '');
  return to === 'rest' ? { spec } : spec;
}
