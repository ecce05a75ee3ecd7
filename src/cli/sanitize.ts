/**
 * Output hygiene for text that came from outside (server bodies, document values, JSON keys):
 * `escapeControls` makes control characters and invisible direction overrides visible, so nothing a
 * server or a document says can clear the screen, retitle the terminal or hide text (issue 11 item 8;
 * "Trojan Source", CVE-2021-42574, for the bidi controls); `redact` removes credentials in every
 * encoding a client or a proxy echo may show them in (vcd-api-facts.md §9: pyvcloud redacts
 * `Authorization`, `x-vcloud-authorization` and the access-token header the same way).
 * Pure string functions: no node: imports, so the browser build can use them.
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/** Short escapes for the common controls; everything else is written `\uXXXX`. */
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0' };

/**
 * C0 (U+0000-U+001F), DEL, C1 (U+0080-U+009F), the bidi marks and overrides (U+061C, U+200E/F,
 * U+202A-U+202E, U+2066-U+2069), the line and paragraph separators U+2028/U+2029, and lone surrogates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` with every control character, bidi control and lone surrogate written as a visible escape (`\n`, `\u001b`). */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters JSON.stringify leaves raw that a terminal would act on: C1 controls, separators, bidi controls. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify, with the characters it leaves raw that a terminal acts on written as `\uXXXX`
 * escapes (the same JSON value; C0 controls and lone surrogates JSON.stringify escapes already).
 */
export function jsonText(value: unknown, indent: number = 2): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Header names whose values are credentials (request or response side). */
const SECRET_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-vmware-vcloud-access-token',
  'x-vcloud-authorization',
  'vmware-api-session-id',
];

/** `Name: value` header lines and `"name": "value"` JSON members of those headers. */
const HEADER_LINE = new RegExp(`(^|[\\s"'{,;])(${SECRET_HEADERS.join('|')})(["']?\\s*[:=]\\s*)(?:"(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\r\\n]*)`, 'gim');
/** OAuth fields (RFC 6749 §5.1) in JSON or form bodies. */
const TOKEN_FIELD = /(["']?\b(?:access_token|refresh_token|id_token|password|client_secret)\b["']?\s*[:=]\s*)(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s&,;"'}]+)/gi;
/** `Basic <base64>` and `Bearer <token>` wherever they appear. */
const SCHEME = /\b(Basic|Bearer)(\s+)([A-Za-z0-9._~+/=-]{6,})/gi;
/** A credential has a digit, a symbol or an inner capital; an English word ("Basic authentication") has none. */
const looksLikeToken = (t: string) => /[0-9._~+/=-]/.test(t) || /[A-Z]/.test(t.slice(1));
/** JWTs: three base64url parts, the first a JSON header (`eyJ` is base64 of `{"`). */
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

/** base64 of a UTF-8 string without node's Buffer (btoa wants latin-1). */
function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Every spelling of a secret that a body, a header echo or a URL may carry. */
function spellings(secret: string): string[] {
  const b64 = base64(secret);
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    b64,
    b64.replace(/=+$/, ''),
    b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  ]);
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `s` with credentials replaced by `[redacted]`: each of `secrets` in plain, URL-, form-, JSON- and
 * base64 (standard and url-safe) encoding; `Basic`/`Bearer` credentials; `Authorization`, `Cookie`,
 * `Set-Cookie`, `X-VMWARE-VCLOUD-ACCESS-TOKEN`, `x-vcloud-authorization` and `vmware-api-session-id`
 * header values; OAuth token fields; JWT-shaped tokens. Pass `user:password` (and `user@org:password`)
 * among the secrets so that their base64 (what Basic auth sends) is found too. Secrets shorter than
 * 4 characters are only replaced as whole words, so a tiny password does not shred the text.
 */
export function redact(s: string, secrets: readonly string[] = []): string {
  let out = s;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of spellings(secret)) {
      const pattern = form.length < 4 ? new RegExp(`(?<![\\w])${escapeRegExp(form)}(?![\\w])`, 'g') : new RegExp(escapeRegExp(form), 'g');
      out = out.replace(pattern, REDACTED);
    }
  }
  return out
    .replace(HEADER_LINE, (_m, lead: string, name: string, sep: string) => `${lead}${name}${sep}${REDACTED}`)
    .replace(TOKEN_FIELD, (_m, key: string) => `${key}${REDACTED}`)
    .replace(SCHEME, (m, scheme: string, space: string, token: string) => (looksLikeToken(token) ? `${scheme}${space}${REDACTED}` : m))
    .replace(JWT, REDACTED);
}

/** What may be printed of outside text: redacted first (a secret may contain controls), then escaped. */
export function safeText(s: string, secrets: readonly string[] = []): string {
  return escapeControls(redact(s, secrets));
}
