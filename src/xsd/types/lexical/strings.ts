/**
 * The string-derived built-ins (XSD 1.0 Part 2 §3.3.1-3.3.12): their lexical checks after
 * whitespace processing. normalizedString and token need none beyond their whiteSpace facet;
 * language is RFC 3066's `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`; Name, NCName (and ID, IDREF, ENTITY)
 * and NMTOKEN use the XML 1.0 name characters of chars.ts.
 */

function alpha(c: number): boolean {
  const l = c | 0x20;
  return l >= 97 && l <= 122;
}

/** xs:language lexical check, without a regular expression. */
export function isLanguage(s: string): boolean {
  const n = s.length;
  let run = 0;
  let first = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 45) {
      if (run === 0) return false;
      run = 0;
      first = false;
      continue;
    }
    if (!(alpha(c) || (!first && c >= 48 && c <= 57))) return false;
    if (++run > 8) return false;
  }
  return run > 0;
}
