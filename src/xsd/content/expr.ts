/**
 * Content models as regular expressions with counters, hash-consed, and their derivatives
 * (Brzozowski 1964; with counting as in Sperberg-McQueen's "Notes on finite state automata with
 * counters"): d(e{m,n}) = d(e)·e{m-1,n-1}. Each distinct derivative is one automaton state, so a
 * model with maxOccurs 1 / unbounded becomes a small DFA at compile time, and a model with large
 * counts (maxOccurs="6000" on a sequence) is explored lazily, one state per count actually reached,
 * instead of being expanded. Alternatives are kept as sorted sets (ACI), sequences right-nested,
 * which keeps the number of derivatives finite.
 *
 * The table is plain arrays of numbers, so it serializes as is (compiled.ts) and the validator can
 * extend a lazily explored model at run time with the same code.
 */

/** Node kinds. */
export const K = { Empty: 0, Eps: 1, Leaf: 2, Seq: 3, Alt: 4, Rep: 5 } as const;

/** The empty language and the empty word: node ids 0 and 1 of every table. */
export const EMPTY = 0;
export const EPS = 1;

/** The serialized form of an expression table. */
export interface ExprJSON {
  k: number[];
  a: number[];
  b: number[];
  /** Rep bounds; max -1 = unbounded. */
  lo: number[];
  hi: number[];
  alts: number[][];
}

/** A hash-consed expression table. */
export class ExprTable {
  readonly k: number[] = [];
  /** Leaf: leaf id; Seq: left; Alt: index into alts; Rep: child. */
  readonly a: number[] = [];
  /** Seq: right. */
  readonly b: number[] = [];
  readonly lo: number[] = [];
  readonly hi: number[] = [];
  readonly alts: number[][] = [];
  private readonly nullableMemo: (boolean | undefined)[] = [];
  private readonly index = new Map<string, number>();

  constructor(json?: ExprJSON) {
    if (json) {
      this.k.push(...json.k);
      this.a.push(...json.a);
      this.b.push(...json.b);
      this.lo.push(...json.lo);
      this.hi.push(...json.hi.map((h) => (h < 0 ? Infinity : h)));
      this.alts.push(...json.alts);
      for (let i = 0; i < this.k.length; i++) this.index.set(this.keyOf(i), i);
      return;
    }
    this.add(K.Empty, 0, 0, 0, 0);
    this.add(K.Eps, 0, 0, 0, 0);
  }

  /** Plain-JSON form. */
  toJSON(): ExprJSON {
    return { k: this.k, a: this.a, b: this.b, lo: this.lo, hi: this.hi.map((h) => (h === Infinity ? -1 : h)), alts: this.alts };
  }

  private keyOf(i: number): string {
    const k = this.k[i];
    if (k === K.Alt) return `4:${this.alts[this.a[i]].join(',')}`;
    return `${k}:${this.a[i]}:${this.b[i]}:${this.lo[i]}:${this.hi[i]}`;
  }

  private add(k: number, a: number, b: number, lo: number, hi: number, alt?: number[]): number {
    let key: string;
    if (alt) key = `4:${alt.join(',')}`;
    else key = `${k}:${a}:${b}:${lo}:${hi}`;
    const hit = this.index.get(key);
    if (hit !== undefined) return hit;
    const id = this.k.length;
    this.k.push(k);
    if (alt) {
      this.a.push(this.alts.length);
      this.alts.push(alt);
    } else this.a.push(a);
    this.b.push(b);
    this.lo.push(lo);
    this.hi.push(hi);
    this.index.set(key, id);
    return id;
  }

  /** A leaf (one particle: an element declaration with its substitutes, or a wildcard). */
  leaf(leafId: number): number {
    return this.add(K.Leaf, leafId, 0, 0, 0);
  }

  /** x·y. */
  seq(x: number, y: number): number {
    if (x === EMPTY || y === EMPTY) return EMPTY;
    if (x === EPS) return y;
    if (y === EPS) return x;
    if (this.k[x] === K.Seq) return this.seq(this.a[x], this.seq(this.b[x], y));
    return this.add(K.Seq, x, y, 0, 0);
  }

  /** x | y | ... (a set; an alternative another one covers is dropped, see covers()). */
  alt(xs: readonly number[]): number {
    const set = new Set<number>();
    for (const x of xs) {
      if (x === EMPTY) continue;
      if (this.k[x] === K.Alt) for (const y of this.alts[this.a[x]]) set.add(y);
      else set.add(x);
    }
    if (set.size === 0) return EMPTY;
    if (set.size === 1) return set.values().next().value!;
    let list = [...set];
    if (list.length <= 256) {
      // Counting makes derivatives differ only in their counts (x{2,5} | x{1,7}); keeping only the
      // widest keeps the number of states linear in the counts instead of growing with each child.
      list = list.filter((y, i) => !list.some((x, j) => j !== i && this.covers(x, y) && (!this.covers(y, x) || j < i)));
    }
    if (list.length === 1) return list[0];
    return this.add(K.Alt, 0, 0, 0, 0, list.sort((p, q) => p - q));
  }

  /** A cheap, conservative language inclusion: true only when x certainly matches everything y does. */
  covers(x: number, y: number): boolean {
    if (x === y || y === EMPTY) return true;
    const kx = this.k[x];
    const ky = this.k[y];
    if (ky === K.Eps) return this.nullable(x);
    if (kx === K.Rep) {
      if (ky === K.Rep && this.a[x] === this.a[y]) return this.lo[x] <= this.lo[y] && this.hi[x] >= this.hi[y];
      if (this.a[x] === y) return this.lo[x] <= 1 && this.hi[x] >= 1;
      return false;
    }
    if (kx === K.Seq && ky === K.Seq) return this.covers(this.a[x], this.a[y]) && this.covers(this.b[x], this.b[y]);
    if (kx === K.Alt) return this.alts[this.a[x]].some((z) => this.covers(z, y));
    return false;
  }

  /** x{lo,hi}. */
  rep(x: number, lo: number, hi: number): number {
    if (hi === 0 || x === EPS) return EPS;
    if (x === EMPTY) return lo === 0 ? EPS : EMPTY;
    // a nullable x can fill any minimum with empty iterations: x{lo,hi} = x{0,hi}
    if (lo > 0 && this.nullable(x)) lo = 0;
    // (y{0|1,∞}){lo,hi} = y{0|lo,∞}
    if (this.k[x] === K.Rep && this.hi[x] === Infinity && this.lo[x] <= 1) return this.rep(this.a[x], this.lo[x] === 0 ? 0 : lo, Infinity);
    if (lo === 1 && hi === 1) return x;
    return this.add(K.Rep, x, 0, lo, hi);
  }

  /** True when the expression matches the empty sequence. */
  nullable(x: number): boolean {
    const m = this.nullableMemo[x];
    if (m !== undefined) return m;
    let r: boolean;
    switch (this.k[x]) {
      case K.Empty:
      case K.Leaf:
        r = false;
        break;
      case K.Eps:
        r = true;
        break;
      case K.Seq:
        r = this.nullable(this.a[x]) && this.nullable(this.b[x]);
        break;
      case K.Alt:
        r = this.alts[this.a[x]].some((y) => this.nullable(y));
        break;
      default:
        r = this.lo[x] === 0 || this.nullable(this.a[x]);
    }
    this.nullableMemo[x] = r;
    return r;
  }

  /** The leaves that can match the next child (the first set). */
  first(x: number, out: Set<number> = new Set()): Set<number> {
    switch (this.k[x]) {
      case K.Leaf:
        out.add(this.a[x]);
        break;
      case K.Seq:
        this.first(this.a[x], out);
        if (this.nullable(this.a[x])) this.first(this.b[x], out);
        break;
      case K.Alt:
        for (const y of this.alts[this.a[x]]) this.first(y, out);
        break;
      case K.Rep:
        this.first(this.a[x], out);
        break;
    }
    return out;
  }

  /** The derivative of x by a child that the leaves in `matches` accept; matched leaves are added to `hit`. */
  derive(x: number, matches: (leaf: number) => boolean, hit: Set<number>, memo = new Map<number, number>()): number {
    const m = memo.get(x);
    if (m !== undefined) return m;
    let r: number;
    switch (this.k[x]) {
      case K.Leaf:
        if (matches(this.a[x])) {
          hit.add(this.a[x]);
          r = EPS;
        } else r = EMPTY;
        break;
      case K.Seq: {
        const left = this.seq(this.derive(this.a[x], matches, hit, memo), this.b[x]);
        r = this.nullable(this.a[x]) ? this.alt([left, this.derive(this.b[x], matches, hit, memo)]) : left;
        break;
      }
      case K.Alt:
        r = this.alt(this.alts[this.a[x]].map((y) => this.derive(y, matches, hit, memo)));
        break;
      case K.Rep: {
        const lo = this.lo[x];
        const hi = this.hi[x];
        r = this.seq(this.derive(this.a[x], matches, hit, memo), this.rep(this.a[x], lo > 0 ? lo - 1 : 0, hi === Infinity ? Infinity : hi - 1));
        break;
      }
      default:
        r = EMPTY;
    }
    memo.set(x, r);
    return r;
  }
}
