/**
 * The `#xml=` URL fragment (interface.md "Playground"): the document as base64url (RFC 4648 §5,
 * no padding) of its UTF-8 bytes, so a link carries the whole request and no server sees it
 * (browsers do not send the fragment).
 */

/** base64url of the UTF-8 bytes of `text`, without `=` padding. */
export function encodeFragment(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  // String.fromCharCode on slices: one call per byte would be slow on a 20 KB document.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of a base64url fragment value (padding optional; standard base64 `+` `/` accepted too); null when it is not base64 or not UTF-8. */
export function decodeFragment(value: string): string | null {
  const b64 = value.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return null;
  try {
    const bin = atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The `xml` value of a location hash (`#xml=...`; other `&`-separated keys ignored): the text, `undefined` when there is none, null when it cannot be decoded. */
export function xmlFromHash(hash: string): string | null | undefined {
  const raw = /(?:^#?|&)xml=([^&]*)/.exec(hash)?.[1];
  if (raw === undefined) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return decodeFragment(value);
}
