/**
 * Validation of an instant-clone request body: zod does the checking (schema.ts), this module
 * turns zod issues into Problems with stable rule ids, JSON-pointer paths and plain messages.
 */
import type { z } from 'zod';
import { makeReport, type Problem, type Report } from '../validate/problem.js';
import { convert, detectForm, isObject, pointer, type BodyForm } from './form.js';
import { jsonErrorOffset } from './json-position.js';
import { severityOf } from './rules.js';
import {
  InstantCloneSpec,
  MAP_FIELDS,
  RestInstantCloneBody,
  deviceKeyMessage,
  isMapField,
  objectSchemas,
  type InstantCloneSpec as InstantCloneSpecType,
  type ObjectTypeName,
  type RuleIssueParams,
} from './schema.js';

/** Options for `validate`. */
export interface ValidateOptions {
  /** The form the body is meant to be in; default: detected from the body. A body in the other form is an error. */
  form?: BodyForm;
}

/** A validation report for an instant-clone body. */
export interface InstantCloneReport extends Report {
  kind: 'InstantCloneSpec';
  /** The form the body was validated as. */
  form: BodyForm;
  /** The spec in `/api` form when the body is valid. */
  spec?: InstantCloneSpecType;
}

/** Largest body we parse; a real spec is a few KiB. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Deepest nesting of arrays and objects we accept. A spec nests at most 6 levels (/rest
 * `spec/nics_to_update/0/value/backing/network`); the limit keeps every later walk (zod, convert,
 * JSON.stringify, all recursive) far below the engine's stack (issue 11 item 9).
 */
export const MAX_JSON_DEPTH = 64;

/** How deep `value` nests, counted without recursion; stops once past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d + 1 > deepest) deepest = d + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

type Seg = string | number;

function problem(rule: string, path: readonly Seg[], message: string, messageId: string, data?: Problem['data'], line = 0, column = 0): Problem {
  const p: Problem = { severity: severityOf(rule), rule, line, column, path: pointer(path), message, messageId };
  if (data && Object.keys(data).length > 0) p.data = data;
  return p;
}

/** Result of reading JSON text: the value, or the problem that stopped it. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: Problem };

/**
 * Parse a request body from text or bytes: UTF-8 (a BOM is skipped), at most MAX_BODY_BYTES.
 * Bad input gives a `instant-clone/json` problem (with line and column for syntax errors), never a throw.
 */
export function parseJson(input: string | Uint8Array): ParsedJson {
  let text: string;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_BODY_BYTES) {
    return { ok: false, problem: problem('instant-clone/json', [], `the body is ${size} bytes; the limit is ${MAX_BODY_BYTES} bytes (a spec is a few KiB)`, 'tooLarge', { size }) };
  }
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return { ok: false, problem: problem('instant-clone/json', [], 'the body is not valid UTF-8; save it as UTF-8 JSON', 'badUtf8') };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, problem: problem('instant-clone/json', [], 'the body is empty; expected a JSON object', 'empty') };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    let line = 0;
    let column = 0;
    const pos = jsonErrorOffset(text);
    if (pos >= 0) {
      const before = text.slice(0, pos);
      line = before.split('\n').length;
      column = pos - before.lastIndexOf('\n');
    }
    return { ok: false, problem: problem('instant-clone/json', [], `the body is not valid JSON: ${msg.split('\n')[0]}`, 'syntax', undefined, line, column) };
  }
  if (depthOf(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { ok: false, problem: tooDeep() };
  return { ok: true, value };
}

function tooDeep(): Problem {
  return problem('instant-clone/json', [], `the body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels; an instant-clone spec nests at most 6`, 'tooDeep', { limit: MAX_JSON_DEPTH });
}

function valueAt(root: unknown, path: readonly Seg[]): { found: boolean; value: unknown; parent: unknown } {
  let cur: unknown = root;
  let parent: unknown = undefined;
  for (const seg of path) {
    parent = cur;
    if (Array.isArray(cur) && typeof seg === 'number') {
      if (seg >= cur.length) return { found: false, value: undefined, parent };
      cur = cur[seg];
    } else if (isObject(cur) && Object.prototype.hasOwnProperty.call(cur, String(seg))) {
      cur = cur[String(seg)];
    } else return { found: false, value: undefined, parent };
  }
  return { found: true, value: cur, parent };
}

/**
 * The path as if the body were in /api form: `/spec` dropped, `[i, "value"]` of /rest maps replaced
 * by the entry's key. `entry` is true for the /rest map entry itself and its `key`.
 */
function logicalPath(body: unknown, path: readonly Seg[], form: BodyForm): { segs: Seg[]; deviceKey?: string; entry?: boolean } {
  if (form === 'api') {
    const inMap = path.length > 1 && isMapField(path[0]);
    return { segs: [...path], deviceKey: inMap ? String(path[1]) : undefined };
  }
  if (path[0] !== 'spec') return { segs: [...path] };
  const rest = path.slice(1);
  if (rest.length >= 2 && isMapField(rest[0]) && typeof rest[1] === 'number') {
    const entry = valueAt(body, ['spec', rest[0], rest[1]]).value;
    const key = isObject(entry) && typeof entry.key === 'string' ? entry.key : undefined;
    const segs = [rest[0], key ?? rest[1]];
    if (rest[2] === 'value') return { segs: [...segs, ...rest.slice(3)], deviceKey: key };
    return { segs: [...segs, ...rest.slice(2)], deviceKey: key, entry: true };
  }
  return { segs: rest };
}

/** The vAPI object type at a logical path, if the path names an object of the spec. */
function typeAt(segs: readonly Seg[]): ObjectTypeName | undefined {
  if (segs.length === 0) return 'VM.InstantCloneSpec';
  const [a, , c] = segs;
  if (segs.length === 1 && a === 'placement') return 'VM.InstantClonePlacementSpec';
  if (!isMapField(a)) return undefined;
  const mapType: ObjectTypeName = MAP_FIELDS[a];
  if (segs.length === 2) return mapType;
  if (segs.length === 3 && c === 'backing') return mapType.replace('UpdateSpec', 'BackingSpec') as ObjectTypeName;
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number') return `the number ${v}`;
  return `${typeof v === 'boolean' ? 'the boolean' : typeof v} ${String(v)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Field-specific advice for unknown fields people actually write (facts §1: no host/cluster, no NIC type). */
function unknownFieldHint(type: ObjectTypeName | undefined, key: string): string | undefined {
  if (type === 'VM.InstantClonePlacementSpec' && (key === 'host' || key === 'cluster')) {
    return `an instant clone placement has no ${key} (that is VM.ClonePlacementSpec); it takes only folder, resource_pool and datastore`;
  }
  if (type === 'Ethernet.UpdateSpec' && (key === 'type' || key === 'pci_slot_number')) {
    return `an instant clone cannot change a NIC's ${key}: Ethernet.UpdateSpec has no such field; remove it`;
  }
  if (type === 'Ethernet.UpdateSpec' && key === 'upt_v2_compatibility_enabled') {
    return 'upt_v2_compatibility_enabled was added after vCenter 7.0.3 (the API this checks against) and an older vCenter rejects it';
  }
  return undefined;
}

function mapFieldOf(segs: readonly Seg[]): string | undefined {
  return segs.length === 1 && isMapField(segs[0]) ? segs[0] : undefined;
}

/** Turn one zod issue into Problems (unrecognized_keys gives one per key). */
function toProblems(issue: z.core.$ZodIssue, body: unknown, form: BodyForm): Problem[] {
  const path = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s)) as Seg[];
  const { segs, deviceKey, entry } = logicalPath(body, path, form);
  const field = segs.length > 0 ? String(segs[segs.length - 1]) : 'body';
  const keyNote = form === 'rest' && deviceKey !== undefined ? ` (device key ${deviceKey})` : '';
  const data: Record<string, string | number | boolean> = {};
  if (deviceKey !== undefined) data.deviceKey = deviceKey;
  const at = valueAt(body, path);

  switch (issue.code) {
    case 'custom': {
      const params = issue.params as RuleIssueParams | undefined;
      const rule = params?.rule ?? 'instant-clone/type';
      return [problem(rule, path, issue.message + keyNote, params?.messageId ?? 'custom', { ...data, ...(params?.data ?? {}) })];
    }
    case 'invalid_type': {
      if (!at.found) {
        const hints: Record<string, string> = {
          source: 'source is required: the id of the VM to instant-clone from, e.g. "vm-42"',
          name: 'name is required: the name of the new VM',
          type: 'type is required in a backing',
          key: 'key is required in a /rest map entry: the device key, e.g. "4000"',
          value: 'value is required in a /rest map entry: the update spec for that device',
          spec: 'spec is required: a /rest body is {"spec": {...}}',
        };
        return [problem('instant-clone/required', path, (hints[field] ?? `${field} is required`) + keyNote, 'missing', { ...data, field })];
      }
      const mapField = mapFieldOf(segs);
      if (mapField && form === 'api' && Array.isArray(at.value)) {
        return [problem('instant-clone/wrong-form', path, `${mapField} is a /rest-style array of {"key", "value"}; the /api form takes an object keyed by device key, e.g. {"4000": {...}} (vmparams instant-clone convert --to api)`, 'restMapInApi', { field: mapField })];
      }
      if (mapField && form === 'rest' && isObject(at.value)) {
        return [problem('instant-clone/wrong-form', path, `${mapField} is an /api-style object; the /rest form takes an array of {"key": "<device key>", "value": {...}} (vmparams instant-clone convert --to rest)`, 'apiMapInRest', { field: mapField })];
      }
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return [problem('instant-clone/type', path, `${field} must be ${expected}, not ${describe(at.value)}${keyNote}`, 'type', { ...data, field, expected: issue.expected })];
    }
    case 'too_small':
      return [problem('instant-clone/empty', path, `${field} must not be empty${keyNote}`, 'empty', { ...data, field })];
    case 'invalid_format': {
      const value = String(at.value);
      if (field === 'bios_uuid') {
        return [problem('instant-clone/bios-uuid-format', path, `bios_uuid ${JSON.stringify(value)} is not a UUID; write 32 hex digits as 8-4-4-4-12, e.g. "4231bf8b-3cb4-3a3f-1bfb-18c857ce95b6"`, 'format', { value })];
      }
      if (field === 'network_location' || field === 'proxy') {
        return [problem('instant-clone/uri-format', path, `${field} ${JSON.stringify(value)} is not a URI; write it with a scheme, e.g. "telnet://:5001" or "tcp://10.0.0.5:7000"${keyNote}`, 'format', { ...data, field, value })];
      }
      return [problem('instant-clone/type', path, `${field} has the wrong format${keyNote}`, 'format', { ...data, field })];
    }
    case 'invalid_value': {
      if (!at.found) {
        return [problem('instant-clone/required', path, `${field} is required${field === 'type' ? ' in a backing: one of ' + issue.values.map(String).join(', ') : ''}${keyNote}`, 'missing', { ...data, field })];
      }
      const allowed = issue.values.map(String);
      const got = describe(at.value);
      const type = typeAt(segs.slice(0, -1));
      if (type === 'Parallel.BackingSpec' && typeof at.value === 'string' && /^(PIPE|NETWORK)_/.test(at.value)) {
        return [problem('instant-clone/enum', path, `${at.value} is a serial-port backing; parallel ports accept only FILE or HOST_DEVICE${keyNote}`, 'serialOnly', { ...data, field, value: at.value })];
      }
      return [problem('instant-clone/enum', path, `${field} must be one of ${allowed.join(', ')}, not ${got}${keyNote}`, 'enum', { ...data, field, allowed: allowed.join(',') })];
    }
    case 'unrecognized_keys': {
      const type = entry || (form === 'rest' && path.length === 0) ? undefined : typeAt(segs);
      const allowed = type ? Object.keys(objectSchemas[type].shape) : form === 'rest' && path.length === 0 ? ['spec'] : ['key', 'value'];
      const where = type ?? (path.length === 0 ? 'the /rest body' : 'a /rest map entry');
      return issue.keys.map((key) => {
        const close = allowed.find((a) => editDistance(a, key) <= Math.max(1, Math.floor(key.length / 4)));
        const hint =
          unknownFieldHint(type, key) ??
          `unknown field "${key}" in ${where}${close ? `; did you mean "${close}"?` : `; allowed fields: ${allowed.join(', ')}`}`;
        return problem('instant-clone/unknown-field', [...path, key], hint + keyNote, 'unknown', { ...data, field: key, type: where });
      });
    }
    default:
      return [problem('instant-clone/type', path, `${issue.message}${keyNote}`, issue.code)];
  }
}

/**
 * zod's record drops a `__proto__` key without a word (zod 4.6 core/schemas.js, record parse), so its
 * value is never checked and our key refinement never sees it: report such keys of /api maps here.
 */
function protoKeys(body: Record<string, unknown>): Problem[] {
  return (Object.keys(MAP_FIELDS) as (keyof typeof MAP_FIELDS)[]).flatMap((field) => {
    const map = body[field];
    if (!isObject(map) || !Object.prototype.hasOwnProperty.call(map, '__proto__')) return [];
    return [problem('instant-clone/device-key', [field, '__proto__'], deviceKeyMessage('__proto__'), 'notInteger', { key: '__proto__' })];
  });
}

/**
 * Validate an instant-clone request body.
 * `input` is the parsed body, or JSON text/bytes (a string is always read as JSON text).
 * The form is detected unless `opts.form` says it; a body in the other form gets
 * `instant-clone/wrong-form` and is then checked as the form it is in.
 */
export function validate(input: unknown, opts: ValidateOptions = {}): InstantCloneReport {
  let body = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const parsed = parseJson(input);
    if (!parsed.ok) return { ...makeReport('InstantCloneSpec', [parsed.problem]), kind: 'InstantCloneSpec', form: opts.form ?? 'api' };
    body = parsed.value;
  } else if (depthOf(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ...makeReport('InstantCloneSpec', [tooDeep()]), kind: 'InstantCloneSpec', form: opts.form ?? 'api' };
  }
  const detected = detectForm(body);
  const problems: Problem[] = [];
  if (!isObject(body)) {
    problems.push(problem('instant-clone/type', [], `the body must be a JSON object (an InstantCloneSpec), not ${describe(body)}`, 'notObject'));
    return { ...makeReport('InstantCloneSpec', problems), kind: 'InstantCloneSpec', form: opts.form ?? detected };
  }
  if (opts.form && opts.form !== detected) {
    problems.push(
      opts.form === 'api'
        ? problem('instant-clone/wrong-form', [], 'this is a /rest body ({"spec": {...}}); POST /api/vcenter/vm?action=instant-clone takes the bare spec. Convert it with `vmparams instant-clone convert --to api` or send it with --form rest', 'restBodyForApi')
        : problem('instant-clone/wrong-form', [], 'this is a bare /api spec; POST /rest/vcenter/vm?action=instant-clone takes {"spec": {...}} with maps as [{key, value}]. Convert it with `vmparams instant-clone convert --to rest` or send it with --form api', 'apiBodyForRest'),
    );
  }
  const schema = detected === 'api' ? InstantCloneSpec : RestInstantCloneBody;
  const result = schema.safeParse(body);
  if (!result.success) {
    problems.push(...result.error.issues.flatMap((i) => toProblems(i, body, detected)));
  }
  if (detected === 'api') problems.push(...protoKeys(body));
  const report: InstantCloneReport = { ...makeReport('InstantCloneSpec', problems), kind: 'InstantCloneSpec', form: opts.form ?? detected };
  if (report.valid) report.spec = convert(body, 'api', detected) as InstantCloneSpecType;
  return report;
}
