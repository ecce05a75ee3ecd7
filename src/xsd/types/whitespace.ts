/**
 * whiteSpace processing (XSD 1.0 Part 2 §4.3.6): preserve, replace (#x9 #xA #xD -> #x20) and
 * collapse (replace, then runs of #x20 to one, and none at either end). Each returns its input
 * unchanged, without allocating, when there is nothing to do, which is the common case.
 */

/** The three whiteSpace values, weakest first. */
export type WhiteSpace = 'preserve' | 'replace' | 'collapse';

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

// indexOf scans natively (several times faster than a charCodeAt loop on long values)
function hasTabOrBreak(s: string): boolean {
  return s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\r') >= 0;
}

/** whiteSpace="replace". */
export function replaceWs(s: string): string {
  return hasTabOrBreak(s) ? s.replace(/[\t\n\r]/g, ' ') : s;
}

/** whiteSpace="collapse". */
export function collapseWs(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  if (!isWs(s.charCodeAt(0)) && !isWs(s.charCodeAt(n - 1)) && s.indexOf('  ') < 0 && !hasTabOrBreak(s)) return s;
  return s.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '');
}

/**
 * Leading and trailing whitespace removed: collapse for the types whose lexical space has no
 * inner whitespace at all (every non-string atomic type but base64Binary and anyURI), where
 * inner spaces fail anyway.
 */
export function trimWs(s: string): string {
  const n = s.length;
  if (n === 0 || (!isWs(s.charCodeAt(0)) && !isWs(s.charCodeAt(n - 1)))) return s;
  let a = 0;
  let b = n;
  while (a < b && isWs(s.charCodeAt(a))) a++;
  while (b > a && isWs(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Apply one whiteSpace value. */
export function normalizeWs(s: string, ws: WhiteSpace): string {
  return ws === 'collapse' ? collapseWs(s) : ws === 'replace' ? replaceWs(s) : s;
}
