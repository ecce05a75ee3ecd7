/**
 * Where schema documents come from. The compiler never opens a file or a URL itself: it asks a
 * SchemaSource, so the same compiler runs on an in-memory `files` map (the library, a browser
 * playground) and on a directory (load/fs.ts, the only module with node:fs). A schemaLocation is
 * resolved against the including document; an absolute URL (`http://schemas.dmtf.org/...`) is only
 * ever mapped to a file the source already has, never fetched.
 */

/** A place schema documents are read from. Locations are opaque strings the source hands out. */
export interface SchemaSource {
  /** The text or bytes at a location, or undefined when there is none. */
  read(location: string): string | Uint8Array | undefined;
  /**
   * The location a schemaLocation means, seen from the document at `base`; undefined when it
   * cannot be resolved locally. `ns` is the namespace the reference expects (for absolute URLs).
   */
  resolve(ref: string, base: string, ns: string | null): string | undefined;
  /** How to show a location in a message (a relative path). */
  display(location: string): string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for an absolute URI reference (`http:`, `file:`, `urn:`...). */
export function isAbsoluteUri(ref: string): boolean {
  return SCHEME.test(ref) && !/^[a-z]:[\\/]/i.test(ref);
}

/** `a/b/../c/./d` -> `a/c/d` (POSIX, keeps a leading `/`). */
export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !abs) out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

/** Directory part of a POSIX path ('' for a bare name). */
export function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
}

/** A relative reference resolved against the directory of `base` (percent-escapes decoded). */
export function joinRelative(base: string, ref: string): string {
  let r = ref.replace(/\\/g, '/').replace(/[?#].*$/, '');
  try {
    r = decodeURIComponent(r);
  } catch {
    // keep it as written: a stray % is not an escape
  }
  return normalizePath(r.startsWith('/') ? r : dirOf(base) + r);
}

/** targetNamespace of a schema text (null for none); a cheap look used only to map absolute URLs. */
export function sniffTargetNamespace(text: string): string | null {
  const m = /<(?:[\w.-]+:)?schema\b[^>]*?\btargetNamespace\s*=\s*(["'])(.*?)\1/s.exec(text);
  return m ? m[2] : null;
}

/** Number of trailing path segments two slash-separated paths share. */
function commonTail(a: string, b: string): number {
  const x = a.split('/').reverse();
  const y = b.split('/').reverse();
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

const decoder = new TextDecoder();

/**
 * Schema files held in memory, keyed by POSIX path (relative or absolute). Absolute schemaLocations
 * map to the file with the same name and the expected target namespace (the longest shared path
 * tail wins); without a name match, to the only file of that namespace.
 */
export class MapSource implements SchemaSource {
  private readonly files = new Map<string, string | Uint8Array>();
  private readonly tns = new Map<string, string | null>();

  constructor(files: Iterable<[string, string | Uint8Array]>) {
    for (const [k, v] of files) this.files.set(normalizePath(k.replace(/\\/g, '/')), v);
  }

  read(location: string): string | Uint8Array | undefined {
    return this.files.get(location);
  }

  /** Every file held, as [path, content]. */
  entries(): IterableIterator<[string, string | Uint8Array]> {
    return this.files.entries();
  }

  resolve(ref: string, base: string, ns: string | null): string | undefined {
    const trimmed = ref.trim();
    if (!isAbsoluteUri(trimmed)) {
      const p = joinRelative(base, trimmed);
      return this.files.has(p) ? p : undefined;
    }
    if (/^file:/i.test(trimmed)) {
      try {
        const p = normalizePath(decodeURIComponent(new URL(trimmed).pathname));
        if (this.files.has(p)) return p;
      } catch {
        // not a usable file: URL
      }
    }
    return this.mapAbsolute(trimmed, ns);
  }

  display(location: string): string {
    return location;
  }

  /**
   * Every absolute schemaLocation written in the files' import/include/redefine elements, mapped to
   * the file it resolves to (for engines that do not say which namespace a URL should have).
   */
  absoluteRefs(): Map<string, string> {
    const out = new Map<string, string>();
    const tag = /<(?:[\w.-]+:)?(import|include|redefine)\b([^>]*)>/g;
    for (const [loc, v] of this.files) {
      const text = typeof v === 'string' ? v : decoder.decode(v);
      for (const m of text.matchAll(tag)) {
        const ref = /\bschemaLocation\s*=\s*(["'])(.*?)\1/s.exec(m[2])?.[2].trim();
        if (!ref || !isAbsoluteUri(ref) || out.has(ref)) continue;
        const ns = m[1] === 'import' ? (/\bnamespace\s*=\s*(["'])(.*?)\1/s.exec(m[2])?.[2] ?? null) : this.namespaceOf(loc);
        const hit = this.resolve(ref, loc, ns);
        if (hit !== undefined) out.set(ref, hit);
      }
    }
    return out;
  }

  private namespaceOf(location: string): string | null {
    if (!this.tns.has(location)) {
      const v = this.files.get(location)!;
      this.tns.set(location, sniffTargetNamespace(typeof v === 'string' ? v : decoder.decode(v)));
    }
    return this.tns.get(location)!;
  }

  private mapAbsolute(url: string, ns: string | null): string | undefined {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(url).pathname);
    } catch {
      return undefined;
    }
    const name = urlPath.split('/').pop() ?? '';
    let best: string | undefined;
    let bestScore = -1;
    let sameNs = 0;
    for (const loc of this.files.keys()) {
      if (this.namespaceOf(loc) !== ns) continue;
      sameNs++;
      const score = (loc.split('/').pop() === name ? 1000 : 0) + commonTail(urlPath, loc);
      if (score > bestScore) {
        best = loc;
        bestScore = score;
      }
    }
    return best !== undefined && (bestScore >= 1000 || sameNs === 1) ? best : undefined;
  }
}
