/** Where ../shared/reference is, and which of its real documents the official schema accepts (SOURCES.md). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const REFERENCE = resolve(ROOT, '../shared/reference');
export const HAVE_REFERENCE = existsSync(join(REFERENCE, 'corpus/real/SOURCES.md'));
export const CORPUS = join(REFERENCE, 'corpus/real');

/** Print once why reference-based tests are skipped. */
export function skipReason(): string | undefined {
  if (HAVE_REFERENCE) return undefined;
  const why = `skipped: ${REFERENCE} is absent (reference-based tests need ../shared/reference beside the repository)`;
  console.warn(why);
  return why;
}

/** Real corpus documents with their official verdict from SOURCES.md. */
export function corpus(): { file: string; path: string; valid: boolean }[] {
  if (!HAVE_REFERENCE) return [];
  const sources = readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8');
  const verdict = new Map<string, boolean>();
  for (const line of sources.split('\n')) {
    const m = /^\|\s*(\S+\.xml)\s*\|.*?\|\s*(VALID|INVALID[^|]*)\s*\|/.exec(line);
    if (m) verdict.set(m[1], m[2] === 'VALID');
  }
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => ({ file, path: join(CORPUS, file), valid: verdict.get(file) ?? false }));
}

/** Our fixtures (relative names) under fixtures/<sub>. */
export function fixtures(sub: 'valid' | 'invalid' | 'invalid/semantic'): string[] {
  const dir = join(ROOT, 'fixtures', sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => join(dir, f));
}
