/**
 * xs:redefine (Part 1 §4.2.2): a redefining component takes the name of the one it redefines,
 * everywhere in the set, and the original lives on under a hidden key that only the redefining
 * component's own self-reference (base= of a type, ref= of a group or attribute group) reaches.
 */
import type { At } from './context.js';
import { fail, nameOf } from './context.js';
import { qkey } from '../names.js';

/** The symbol spaces a redefinition can be in. */
export type RedefineSpace = 'type' | 'group' | 'attributeGroup';

interface Alias {
  doc: number;
  start: number;
  end: number;
  space: string;
  key: string;
  to: string;
}

/** The redefinitions of a schema set. */
export class Redefinitions {
  private readonly pending: { at: At; space: RedefineSpace }[] = [];
  private readonly aliases: Alias[] = [];

  /** Record a child of xs:redefine (applied by apply() once every document is registered). */
  add(at: At, space: RedefineSpace): void {
    this.pending.push({ at, space });
  }

  /** Swap each redefinition in under its name; `defs` are the registered definitions by space. */
  apply(defs: Record<string, Map<string, At>>, describe: (space: string) => string): void {
    let n = 0;
    // innermost first: a redefine inside a redefined document is applied before the outer one
    const order = [...this.pending].sort((x, y) => y.at.d.id - x.at.d.id);
    for (const { at, space } of order) {
      const key = qkey(at.d.tns, nameOf(at));
      const original = defs[space].get(key);
      if (!original) fail(at, `xs:redefine redefines ${describe(space)} ${key}, which the redefined schema does not define`);
      const hidden = `${key}\u0001redefined${++n}`;
      defs[space].set(hidden, original);
      defs[space].set(key, at);
      // the redefining component's subtree: node ids from it up to the next node after it
      const doc = at.d.doc;
      let end = at.node;
      for (let e = at.node; e > 0 && end === at.node; e = doc.parents[e]) if (doc.nexts[e] !== -1) end = doc.nexts[e];
      if (end === at.node) end = doc.count;
      this.aliases.push({ doc: at.d.id, start: at.node, end, space, key, to: hidden });
    }
  }

  /** The key a reference written at `at` means: a redefinition's self-reference means the original. */
  keyFor(space: string, at: At, key: string): string {
    for (const a of this.aliases) {
      if (a.space === space && a.key === key && a.doc === at.d.id && at.node > a.start && at.node < a.end) return a.to;
    }
    return key;
  }
}
