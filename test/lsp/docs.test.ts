/** Completion and hover read `doc` from the model descriptions: every element and attribute a request can hold has one. */
import { describe, expect, it } from 'vitest';
import type { Content } from '../../src/model/dsl.js';
import { KINDS, ROOT_DOCS, ROOTS } from '../../src/model/roots.js';

/** Every element and attribute reachable from the five roots, as `path: doc`. */
function documented(): { what: string; doc: string | undefined }[] {
  const out: { what: string; doc: string | undefined }[] = [];
  const seen = new Set<Content>();
  const walk = (c: Content, path: string) => {
    if (c.kind === 'xml' || seen.has(c)) return;
    seen.add(c);
    for (const a of c.attrs) out.push({ what: `${path}/@${a.local}`, doc: a.doc });
    if (c.kind !== 'complex') return;
    for (const p of c.children) {
      for (const e of p.kind === 'choice' ? p.options : [p]) {
        out.push({ what: `${path}/${e.local}`, doc: e.doc });
        walk(e.content, `${path}/${e.local}`);
      }
    }
  };
  for (const k of KINDS) walk(ROOTS[k], k);
  return out;
}

describe('model documentation', () => {
  it('has one line for every element and attribute of the descriptions', () => {
    const all = documented();
    expect(all.length).toBeGreaterThan(250);
    expect(all.filter((x) => !x.doc).map((x) => x.what)).toEqual([]);
    for (const { what, doc } of all) {
      expect(doc, what).not.toMatch(/\n/);
      expect(doc!.length, what).toBeLessThanOrEqual(140);
    }
  });

  it('says what each request does', () => {
    for (const k of KINDS) expect(ROOT_DOCS[k]).toMatch(/vApp/);
  });
});
