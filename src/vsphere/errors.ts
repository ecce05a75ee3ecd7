/**
 * Errors of the instant-clone client: vAPI errors decoded from the server's body (both shapes),
 * plus transport, TLS, timeout and protocol failures.
 *
 * Body shapes (instant-clone-facts.md §2): `/api` sends the error structure itself
 * (`{"error_type", "messages", "data"}`); `/rest` wraps it (`{"type": "com.vmware.vapi.std.errors.x",
 * "value": {...}}`). Status codes are ambiguous (400 and 500 each cover several types, and the two
 * forms differ), so the type always comes from the body; the status is only a fallback.
 */
import { isObject } from './form.js';
import type { InstantCloneReport } from './validate.js';

/** A vAPI localizable message (`VapiStdLocalizableMessage`). */
export interface LocalizableMessage {
  id: string;
  default_message: string;
  args: string[];
  params?: Record<string, unknown>;
  localized?: string;
}

/** Base class of every error the client throws. */
export class InstantCloneError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An error the server reported through the vAPI error structure (or, without a body, its status code). */
export class VapiError extends InstantCloneError {
  /** vAPI error type as in `error_type`: `NOT_FOUND`, `ALREADY_EXISTS`, ... */
  readonly errorType: string;
  /** The same in vAPI's lower-case spelling (`not_found`), as in `com.vmware.vapi.std.errors.not_found`. */
  readonly kind: string;
  /** HTTP status of the response. */
  readonly status: number;
  readonly messages: LocalizableMessage[];
  /** Optional structured data the server attached. */
  readonly data: unknown;
  /** `unauthenticated` only: the challenge (WWW-Authenticate) the server sent. */
  readonly challenge: string | undefined;
  /** True when the body had no vAPI error and the type was guessed from the status code. */
  readonly fromStatus: boolean;
  constructor(init: { errorType: string; status: number; messages?: LocalizableMessage[]; data?: unknown; challenge?: string; fromStatus?: boolean; detail?: string }) {
    const kind = init.errorType.toLowerCase();
    const text = (init.messages ?? []).map((m) => m.default_message || m.id).filter(Boolean).join('; ');
    super(`${kind} (HTTP ${init.status})${text ? `: ${text}` : init.detail ? `: ${init.detail}` : ''}`);
    this.errorType = init.errorType;
    this.kind = kind;
    this.status = init.status;
    this.messages = init.messages ?? [];
    this.data = init.data;
    this.challenge = init.challenge;
    this.fromStatus = init.fromStatus ?? false;
  }
}

/** `already_exists`: a VM with that name already exists in the folder. */
export class AlreadyExistsError extends VapiError {}
/** `invalid_argument`: the spec is wrong in a way the server found (e.g. incompatible placement). */
export class InvalidArgumentError extends VapiError {}
/** `unauthorized`: the session lacks a privilege (see `privileges()`). */
export class UnauthorizedError extends VapiError {}
/** `not_found`: a VM, folder, pool, datastore or network of the spec does not exist. */
export class NotFoundError extends VapiError {}
/** `error`: vAPI's generic error type. */
export class GeneralError extends VapiError {}
/** `resource_inaccessible`: e.g. the host of the source VM is unreachable. */
export class ResourceInaccessibleError extends VapiError {}
/** `unable_to_allocate_resource`: not enough capacity for the clone. */
export class UnableToAllocateResourceError extends VapiError {}
/** `service_unavailable`: vCenter cannot serve the request now. */
export class ServiceUnavailableError extends VapiError {}
/** `unauthenticated`: no session, an expired session or wrong credentials. */
export class UnauthenticatedError extends VapiError {}

/** The typed error class of each vAPI error type the instant-clone operation documents. */
export const ERROR_CLASSES = {
  ALREADY_EXISTS: AlreadyExistsError,
  INVALID_ARGUMENT: InvalidArgumentError,
  UNAUTHORIZED: UnauthorizedError,
  NOT_FOUND: NotFoundError,
  ERROR: GeneralError,
  RESOURCE_INACCESSIBLE: ResourceInaccessibleError,
  UNABLE_TO_ALLOCATE_RESOURCE: UnableToAllocateResourceError,
  SERVICE_UNAVAILABLE: ServiceUnavailableError,
  UNAUTHENTICATED: UnauthenticatedError,
} as const;

/** The connection failed (refused, reset, DNS) before a response arrived. */
export class TransportError extends InstantCloneError {
  /** Node's error code, e.g. `ECONNREFUSED`. */
  readonly code: string | undefined;
  constructor(message: string, code?: string, cause?: unknown) {
    super(message, { cause });
    this.code = code;
  }
}

/** The TLS handshake failed, typically an untrusted or mismatched certificate. */
export class TlsError extends TransportError {}

/** No complete response within the timeout. */
export class TimeoutError extends TransportError {
  readonly timeoutMs: number;
  constructor(message: string, timeoutMs: number) {
    super(message, 'ETIMEDOUT');
    this.timeoutMs = timeoutMs;
  }
}

/** The server answered, but not as the API describes (unexpected status or body, a redirect). */
export class ProtocolError extends InstantCloneError {
  readonly status: number;
  readonly body: string;
  constructor(message: string, status: number, body: string) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/**
 * Creating the session failed (wrong user or password, a locked account, a server error at login):
 * the spec was not sent. `cause` is the VapiError the session service answered with.
 */
export class LoginError extends InstantCloneError {
  /** HTTP status of the session request. */
  readonly status: number;
  constructor(message: string, status: number, cause: unknown) {
    super(message, { cause });
    this.status = status;
  }
}

/** The spec failed local validation, so it was not sent. */
export class SpecValidationError extends InstantCloneError {
  readonly report: InstantCloneReport;
  constructor(report: InstantCloneReport) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    super(`the spec is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}): ${errors.map((p) => `${p.path || '/'}: ${p.message}`).join('; ')}`);
    this.report = report;
  }
}

/**
 * What the GOSDK REST client guesses from a status code when the body carries no error
 * (runtime/data/serializers/rest/ResponseDeserializer.go HTTP_TO_VAPI_ERROR_MAP).
 */
const TYPE_BY_STATUS: Record<number, string> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  409: 'CONCURRENT_CHANGE',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
  504: 'TIMED_OUT',
};

function toMessages(v: unknown): LocalizableMessage[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((m) => ({
    id: typeof m.id === 'string' ? m.id : '',
    default_message: typeof m.default_message === 'string' ? m.default_message : '',
    args: Array.isArray(m.args) ? m.args.map(String) : [],
    ...(isObject(m.params) ? { params: m.params } : {}),
    ...(typeof m.localized === 'string' ? { localized: m.localized } : {}),
  }));
}

/** What a body is, without its content: `312 bytes of text/html`. */
export function describeBody(bodyText: string, headers: Record<string, string | string[] | undefined> = {}): string {
  const type = headers['content-type'];
  const mediaType = (Array.isArray(type) ? type[0] : type)?.split(';')[0]?.trim();
  const size = new TextEncoder().encode(bodyText).length;
  return `${size} byte${size === 1 ? '' : 's'}${mediaType && /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? ` of ${mediaType}` : ''}`;
}

/**
 * Decode an error response into a typed VapiError. Order (facts §2, "Parse defensively"): top-level
 * `error_type`; else `type` (last dotted segment, upper-cased); else `value.error_type`; else the status.
 */
export function decodeVapiError(status: number, bodyText: string, headers: Record<string, string | string[] | undefined> = {}): VapiError {
  let body: unknown;
  try {
    body = bodyText.trim() === '' ? undefined : JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  let errorType: string | undefined;
  let inner: Record<string, unknown> = {};
  if (isObject(body)) {
    if (typeof body.error_type === 'string') {
      errorType = body.error_type;
      inner = body;
    } else if (typeof body.type === 'string') {
      errorType = (body.type.split('.').pop() ?? '').toUpperCase();
      inner = isObject(body.value) ? body.value : body;
    } else if (isObject(body.value) && typeof body.value.error_type === 'string') {
      errorType = body.value.error_type;
      inner = body.value;
    } else if (Array.isArray(body.messages)) inner = body;
  }
  const fromStatus = !errorType;
  if (!errorType) errorType = TYPE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'ERROR');
  const header = headers['www-authenticate'];
  const challenge = typeof inner.challenge === 'string' ? inner.challenge : Array.isArray(header) ? header.join(', ') : header;
  const Cls = (ERROR_CLASSES as Record<string, typeof VapiError>)[errorType] ?? VapiError;
  // Never the body itself: a proxy that echoes the request would show the Authorization header (issue 11 item 8).
  const detail = fromStatus && bodyText.trim() !== '' ? `no vAPI error in the body (${describeBody(bodyText, headers)})` : undefined;
  return new Cls({ errorType, status, messages: toMessages(inner.messages), data: inner.data, challenge, fromStatus, detail });
}
