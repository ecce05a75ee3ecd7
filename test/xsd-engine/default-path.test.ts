/**
 * The default validate path (src/validate/index.ts and what it imports statically) uses the bundled
 * set compiled at build time: it imports no node: module (a browser bundle of it needs no shims),
 * no libxml2-wasm, and not the schema compiler.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Static (non-type) imports reachable from a module: local files and package specifiers. */
function graph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const stack = [path.join(ROOT, entry)];
  while (stack.length) {
    const f = stack.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) stack.push(path.resolve(path.dirname(f), spec.replace(/\.js$/, '.ts')));
      else if (!packages.has(spec)) packages.set(spec, path.relative(ROOT, f));
    }
  }
  return { files, packages };
}

describe('the default validate path', () => {
  const { files, packages } = graph('src/validate/index.ts');
  it('imports no node: module and no libxml2-wasm', () => {
    expect([...packages].filter(([p]) => p.startsWith('node:') || p === 'libxml2-wasm').map(([p, from]) => `${from} -> ${p}`)).toEqual([]);
  });
  it('loads the compiled bundled set, not the compiler', () => {
    const rel = [...files].map((f) => path.relative(ROOT, f));
    expect(rel).toContain(path.join('src', 'xsd', 'bundled.generated.ts'));
    expect(rel.filter((f) => f.startsWith(path.join('src', 'xsd', 'parse')) || f.endsWith(path.join('xsd', 'compile.ts')) || f.includes(path.join('xsd', 'load')))).toEqual([]);
  });
});
