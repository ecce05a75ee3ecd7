/**
 * The walk's frame stack as parallel typed arrays (one entry per open element whose children are
 * being matched), reused from one document to the next, and the member sets of xs:all models
 * (a bit mask, or a byte array for models with more than 30 members).
 */

/** Frame flags. */
export const F_LAX = 1; // no type: children are validated only where a global declaration exists
export const F_FAILED = 2; // the content model already reported a problem: no more for this parent
export const F_TEXT = 4; // a text problem was reported
export const F_ALL = 8; // an xs:all model

/** The frame stack. */
export class Frames {
  depth = 0;
  nodes: Int32Array;
  types: Int32Array;
  states: Int32Array;
  flags: Int32Array;
  decls: Int32Array;
  /** xs:all: members seen as bits, or an index into `sets` for large models. */
  private seen: Float64Array;
  private sets: Uint8Array[] = [new Uint8Array(0)];

  private constructor(n: number) {
    this.nodes = new Int32Array(n);
    this.types = new Int32Array(n);
    this.states = new Int32Array(n);
    this.flags = new Int32Array(n);
    this.decls = new Int32Array(n);
    this.seen = new Float64Array(n);
  }

  /** A cleared stack (the one the last walk released, when there is one). */
  static take(): Frames {
    const f = spare ?? new Frames(64);
    spare = null;
    f.depth = 0;
    f.sets.length = 1;
    return f;
  }

  /** Hand the stack back for the next walk. */
  release(): void {
    spare = this;
  }

  /** Open a frame. */
  push(node: number, type: number, decl: number, flags: number): void {
    const d = this.depth;
    if (d === this.nodes.length) this.grow();
    this.nodes[d] = node;
    this.types[d] = type;
    this.states[d] = 0;
    this.flags[d] = flags;
    this.decls[d] = decl;
    this.seen[d] = 0;
    this.depth = d + 1;
  }

  /** Has member i of the xs:all model of frame d been seen? */
  isSeen(d: number, i: number, members: number): boolean {
    if (members > 30) return this.sets[this.seen[d]][i] === 1;
    return (this.seen[d] & (1 << i)) !== 0;
  }

  /** No member seen yet. */
  noneSeen(d: number, members: number): boolean {
    return members > 30 ? this.sets[this.seen[d]].every((x) => x === 0) : this.seen[d] === 0;
  }

  /** Mark member i seen. */
  markSeen(d: number, i: number, members: number): void {
    if (members <= 30) {
      this.seen[d] = this.seen[d] | (1 << i);
      return;
    }
    if (this.seen[d] === 0) {
      this.sets.push(new Uint8Array(members));
      this.seen[d] = this.sets.length - 1;
    }
    this.sets[this.seen[d]][i] = 1;
  }

  private grow(): void {
    const n = this.nodes.length * 2;
    const g = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.nodes = g(this.nodes);
    this.types = g(this.types);
    this.states = g(this.states);
    this.flags = g(this.flags);
    this.decls = g(this.decls);
    const s = new Float64Array(n);
    s.set(this.seen);
    this.seen = s;
  }
}

let spare: Frames | null = null;
