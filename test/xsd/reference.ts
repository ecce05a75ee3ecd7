/**
 * Where the shared reference material lives (../shared/reference, a sibling of the repository
 * root) and which documents the differential schema tests use. Nothing here is copied into the
 * project: the files are read at run time, and the tests skip with a printed reason when absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is test/xsd/reference.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ../shared/reference relative to the repository root. */
export const REFERENCE = path.resolve(REPO_ROOT, '..', 'shared', 'reference');
/** The official schema drop, laid out as a Cloud Director server publishes it. */
export const OFFICIAL_SCHEMA_DIR = path.join(REFERENCE, 'vcd-api-schemas', 'etc');
/** Real-world request documents with their official verdicts in SOURCES.md. */
export const CORPUS_DIR = path.join(REFERENCE, 'corpus', 'real');

/** Why the differential tests cannot run here, or null when they can. */
export function referenceMissing(): string | null {
  for (const p of [path.join(OFFICIAL_SCHEMA_DIR, '1.5', 'schemas', 'master', 'master.xsd'), CORPUS_DIR]) {
    if (!fs.existsSync(p)) return `skipped: ${p} not found (the shared reference is not available here)`;
  }
  return null;
}

/** All *.xml below dir, recursively, sorted (empty when dir does not exist). */
export function xmlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...xmlFiles(p));
    else if (e.name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}

/** Stable 32-bit hash of a string (FNV-1a), used to seed mutations per file. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Official verdicts from corpus/real/SOURCES.md: file name -> valid? */
export function sourcesVerdicts(): Map<string, boolean> {
  const text = fs.readFileSync(path.join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
  const out = new Map<string, boolean>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | file | source repo | path | commit | result | errors | 9.1 | first error | notes |
    if (cells.length < 7 || !/\.xml$/.test(cells[1])) continue;
    out.set(cells[1], /^VALID$/.test(cells[5]));
  }
  return out;
}
