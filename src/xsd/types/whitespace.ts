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

/** whiteSpace="replace". */
export function replaceWs(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return s.replace(/[\t\n\r]/g, ' ');
  }
  return s;
}

/** whiteSpace="collapse". */
export function collapseWs(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  if (!isWs(s.charCodeAt(0)) && !isWs(s.charCodeAt(n - 1))) {
    let clean = true;
    for (let i = 1; i < n - 1; i++) {
      const c = s.charCodeAt(i);
      if (c === 9 || c === 10 || c === 13 || (c === 32 && s.charCodeAt(i + 1) === 32)) {
        clean = false;
        break;
      }
    }
    if (clean) return s;
  }
  return s.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '');
}

/**
 * Leading and trailing whitespace removed: collapse for the types whose lexical space has no
 * inner whitespace at all (every non-string atomic type), where inner spaces fail anyway.
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
