/**
 * Errors of the Cloud Director client: one class, `VcdError`, whose `kind` says what failed, and
 * which carries the server's `<Error>` fields (common.xsd ErrorType: `majorErrorCode` = HTTP status,
 * `minorErrorCode` such as `BAD_REQUEST`, one-line `message`; vcd-api-facts.md §6) and, when the
 * message names an element of the sent document, that element's place. The server's `stackTrace`
 * is never kept: it is for system administrators and can be pages long.
 */
import { attr, kid, readAnswer } from './xml.js';

/**
 * What failed: `http` an action or read answered with an error status, `task` the task ended in
 * error/aborted/canceled, `invalid` local validation refused the document, `login` the session
 * could not be made (wrong credentials: 401/403), `version` no usable API version, `transport`
 * no connection, `tls` the certificate, `timeout` no answer in time, `protocol` an answer that is
 * not what the API describes, `usage` a bad argument.
 */
export type VcdErrorKind = 'http' | 'task' | 'invalid' | 'login' | 'version' | 'transport' | 'tls' | 'timeout' | 'protocol' | 'usage';

/** Where an element the server named is in the sent document (1-based). */
export interface ElementPlace {
  line: number;
  column: number;
  /** Element path, `/ComposeVAppParams/SourcedItem[2]/InstantiationParams`. */
  path: string;
  /** The name as the server wrote it (`FenceMode`, `rasd:InstanceID`). */
  element: string;
}

/** The fields of a server `<Error>` (or of a cloudapi JSON error). */
export interface ServerError {
  majorErrorCode?: number;
  minorErrorCode?: string;
  /** The message, its lines joined with ` - ` and the leading `[ request-id ]` removed. */
  message?: string;
  /** The request id the cell put in front of the message (`[ 5b1b... ]`), if any. */
  requestId?: string;
}

/** A failure talking to Cloud Director. `message` is one line for the user, free of secrets. */
export class VcdError extends Error {
  readonly kind: VcdErrorKind;
  /** HTTP status of the failing answer, when there was one. */
  readonly status: number | undefined;
  readonly majorErrorCode: number | undefined;
  readonly minorErrorCode: string | undefined;
  /** The server's own message (ServerError.message), when it sent one. */
  readonly serverMessage: string | undefined;
  readonly requestId: string | undefined;
  /** href of the task that failed (kind `task`), or of the task the action started. */
  task: string | undefined;
  /** href of the vApp the action created or changed, when known. */
  vApp: string | undefined;
  /** The element of the sent document the server's message names, when found. */
  place: ElementPlace | undefined;
  /** Node's or undici's error code for transport failures (`ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`). */
  readonly code: string | undefined;
  /** Local validation problems (kind `invalid`). */
  readonly problems: readonly unknown[] | undefined;

  constructor(
    kind: VcdErrorKind,
    message: string,
    init: { status?: number; server?: ServerError; task?: string; vApp?: string; place?: ElementPlace; code?: string; cause?: unknown; problems?: readonly unknown[] } = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'VcdError';
    this.kind = kind;
    this.status = init.status;
    this.majorErrorCode = init.server?.majorErrorCode;
    this.minorErrorCode = init.server?.minorErrorCode;
    this.serverMessage = init.server?.message;
    this.requestId = init.server?.requestId;
    this.task = init.task;
    this.vApp = init.vApp;
    this.place = init.place;
    this.code = init.code;
    this.problems = init.problems;
  }
}

/** The message lines of an Error joined on one line, with the leading request id split off. */
function cleanMessage(raw: string): { message: string; requestId?: string } {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^- /, ''))
    .filter(Boolean);
  let first = lines[0] ?? '';
  const id = /^\[\s*([^\]\s]+)\s*\]\s*/.exec(first);
  if (id) {
    first = first.slice(id[0].length);
    lines[0] = first;
  }
  return { message: lines.filter(Boolean).join(' - '), ...(id ? { requestId: id[1] } : {}) };
}

/**
 * The `<Error>` in a server answer (root `Error`, or the `Error` child of a Task), or the fields of a
 * cloudapi JSON error (`{"minorErrorCode", "message", ...}`); undefined when the body has neither.
 */
export function parseServerError(body: string): ServerError | undefined {
  const text = body.trim();
  if (text.startsWith('{')) {
    try {
      const j = JSON.parse(text) as Record<string, unknown>;
      if (typeof j.message !== 'string' && typeof j.minorErrorCode !== 'string') return undefined;
      return fromFields(j.majorErrorCode, j.minorErrorCode, j.message);
    } catch {
      return undefined;
    }
  }
  if (!text.startsWith('<')) return undefined;
  const root = readAnswer(text);
  if (!root) return undefined;
  const el = root.name === 'Error' ? root : kid(root, 'Error');
  if (!el) return undefined;
  return fromFields(attr(el, 'majorErrorCode'), attr(el, 'minorErrorCode'), attr(el, 'message'));
}

/** ServerError from the three attributes, whatever their JSON or XML types. */
export function fromFields(major: unknown, minor: unknown, message: unknown): ServerError {
  const out: ServerError = {};
  const n = typeof major === 'number' ? major : typeof major === 'string' && /^\d{3}$/.test(major.trim()) ? Number(major) : undefined;
  if (n !== undefined) out.majorErrorCode = n;
  if (typeof minor === 'string' && minor.trim()) out.minorErrorCode = minor.trim();
  if (typeof message === 'string' && message.trim()) Object.assign(out, cleanMessage(message));
  return out;
}

/** `BAD_REQUEST (400): message`, the way the CLI and VcdError messages show a server error. */
export function describeServerError(e: ServerError, status?: number): string {
  const major = e.majorErrorCode ?? status;
  const head = e.minorErrorCode ? (major !== undefined ? `${e.minorErrorCode} (${major})` : e.minorErrorCode) : `HTTP ${major ?? '?'}`;
  return e.message ? `${head}: ${e.message}` : head;
}
