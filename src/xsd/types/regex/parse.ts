/**
 * Parser for XSD 1.0 regular expressions (Part 2 Appendix F, with the 2004 Second Edition rules for
 * '-' in character groups). It accepts exactly the XSD grammar: everything JavaScript allows beyond
 * it (`\b`, `\1`, `(?:`, `*?`, `{,n}`, `\x41`, `\u0041`, POSIX classes, ...) is an error here, so a
 * schema that only JavaScript would accept is reported instead of being silently reinterpreted.
 */
import { SchemaTypeError } from '../errors.js';
import { clean } from '../facets/facet.js';
import { blockRanges } from './blocks.js';

/** A regular expression: alternatives of sequences of quantified atoms. */
export interface RegexNode {
  branches: Piece[][];
}

/** One atom with its quantifier; `max` is -1 when unbounded. */
export interface Piece {
  atom: Atom;
  min: number;
  max: number;
}

/** A normal character, the wildcard `.`, a class, an escape or a parenthesised sub-expression. */
export type Atom =
  | { t: 'char'; cp: number }
  | { t: 'any' }
  | { t: 'class'; cls: CharClass }
  | { t: 'esc'; esc: Escape }
  | { t: 'group'; re: RegexNode };

/** `[...]`: a positive or negative group, optionally minus another class (`[a-z-[aeiou]]`). */
export interface CharClass {
  neg: boolean;
  items: ClassItem[];
  sub?: CharClass;
}

/** A character range (a single character is a range of one) or an escape inside a class. */
export type ClassItem = { t: 'range'; from: number; to: number } | { t: 'esc'; esc: Escape };

/** Multi-character escapes (`\s \i \c \d \w` and complements), categories and blocks. */
export type Escape =
  | { t: 'multi'; c: 's' | 'S' | 'i' | 'I' | 'c' | 'C' | 'd' | 'D' | 'w' | 'W' }
  | { t: 'category'; neg: boolean; name: string }
  | { t: 'block'; neg: boolean; name: string; ranges: readonly [number, number][] };

/** General categories XSD 1.0 allows in `\p{..}` (F.1.1; `Cs` is not among them). */
const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No',
  'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'Z', 'Zs', 'Zl', 'Zp',
  'S', 'Sm', 'Sc', 'Sk', 'So', 'C', 'Cc', 'Cf', 'Co', 'Cn',
]);

const SINGLE_ESCAPES: Readonly<Record<string, number>> = {
  n: 0x0a, r: 0x0d, t: 0x09, '\\': 0x5c, '|': 0x7c, '.': 0x2e, '?': 0x3f, '*': 0x2a, '+': 0x2b,
  '(': 0x28, ')': 0x29, '{': 0x7b, '}': 0x7d, '-': 0x2d, '[': 0x5b, ']': 0x5d, '^': 0x5e,
};
const MULTI_ESCAPES = 'sSiIcCdDwW';
/** Metacharacters that cannot stand for themselves outside a class (F.1 "normal character"). */
const META = new Set(['.', '\\', '?', '*', '+', '{', '}', '(', ')', '|', '[', ']']);

/** Parse an XSD regular expression; throws SchemaTypeError when it is not one. */
export function parseRegex(source: string): RegexNode {
  return new Parser(source).parseAll();
}

class Parser {
  private readonly cps: string[];
  private i = 0;

  constructor(private readonly source: string) {
    this.cps = Array.from(source);
  }

  parseAll(): RegexNode {
    const re = this.regex();
    if (this.i < this.cps.length) this.fail(this.peek() === ')' ? "unbalanced ')'" : `unexpected '${this.peek()}'`);
    return re;
  }

  private fail(why: string): never {
    throw new SchemaTypeError(`the pattern '${clean(this.source)}' is not a valid XSD regular expression: ${why} (at character ${this.i + 1})`, 'pattern');
  }

  private peek(offset = 0): string | undefined {
    return this.cps[this.i + offset];
  }

  private regex(): RegexNode {
    const branches: Piece[][] = [this.branch()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.branch());
    }
    return { branches };
  }

  private branch(): Piece[] {
    const pieces: Piece[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      pieces.push({ atom, min, max });
    }
    return pieces;
  }

  private atom(): Atom {
    const c = this.peek() as string;
    if (c === '(') {
      this.i++;
      const re = this.regex();
      if (this.peek() !== ')') this.fail("missing ')'");
      this.i++;
      return { t: 'group', re };
    }
    if (c === '[') {
      this.i++;
      return { t: 'class', cls: this.classBody() };
    }
    if (c === '.') {
      this.i++;
      return { t: 'any' };
    }
    if (c === '\\') {
      const e = this.escape();
      return typeof e === 'number' ? { t: 'char', cp: e } : { t: 'esc', esc: e };
    }
    if (META.has(c)) this.fail(c === '?' || c === '*' || c === '+' || c === '{' ? `quantifier '${c}' has nothing to repeat` : `'${c}' must be escaped`);
    this.i++;
    return { t: 'char', cp: c.codePointAt(0) as number };
  }

  /** `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`; at most one per atom. */
  private quantifier(): [number, number] {
    const c = this.peek();
    let q: [number, number] = [1, 1];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, -1];
    else if (c === '+') q = [1, -1];
    else if (c === '{') {
      this.i++;
      const min = this.number();
      let max = min;
      if (this.peek() === ',') {
        this.i++;
        max = this.peek() === '}' ? -1 : this.number();
      }
      if (this.peek() !== '}') this.fail("a quantifier must end with '}'");
      if (max !== -1 && max < min) this.fail(`quantifier {${min},${max}} has its maximum below its minimum`);
      q = [min, max];
    } else return q;
    this.i++;
    const next = this.peek();
    if (next === '?' || next === '*' || next === '+' || next === '{') this.fail(`'${next}' cannot follow a quantifier (XSD has no lazy or possessive quantifiers)`);
    return q;
  }

  private number(): number {
    const start = this.i;
    while (/^[0-9]$/.test(this.peek() ?? '')) this.i++;
    if (this.i === start) this.fail('a quantifier needs a number');
    return Number(this.cps.slice(start, this.i).join(''));
  }

  /** After '\': a single-character escape (returns its code point) or a class escape. */
  private escape(): number | Escape {
    this.i++;
    const c = this.peek();
    if (c === undefined) this.fail("'\\' at the end of the pattern");
    if (c in SINGLE_ESCAPES) {
      this.i++;
      return SINGLE_ESCAPES[c];
    }
    if (MULTI_ESCAPES.includes(c)) {
      this.i++;
      return { t: 'multi', c: c as 's' };
    }
    if (c === 'p' || c === 'P') {
      this.i++;
      if (this.peek() !== '{') this.fail(`\\${c} must be followed by {name}`);
      this.i++;
      const start = this.i;
      while (this.peek() !== undefined && this.peek() !== '}') this.i++;
      if (this.peek() !== '}') this.fail(`\\${c}{ is not closed with '}'`);
      const name = this.cps.slice(start, this.i).join('');
      this.i++;
      const neg = c === 'P';
      if (name.startsWith('Is')) {
        const block = name.slice(2);
        const ranges = /^[a-zA-Z0-9-]+$/.test(block) ? blockRanges(block) : undefined;
        if (!ranges) this.fail(`'${clean(block)}' is not a Unicode block name XSD 1.0 knows`);
        return { t: 'block', neg, name: block, ranges };
      }
      if (!CATEGORIES.has(name)) this.fail(`'${clean(name)}' is not a Unicode general category`);
      return { t: 'category', neg, name };
    }
    this.fail(`'\\${clean(c)}' is not an XSD escape`);
  }

  /** After '[': charGroup ']' with the XSD 1.0 rules for '-' and subtraction. */
  private classBody(): CharClass {
    const cls: CharClass = { neg: false, items: [] };
    if (this.peek() === '^') {
      cls.neg = true;
      this.i++;
    }
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail("missing ']'");
      if (c === ']') {
        if (cls.items.length === 0) this.fail('empty character class');
        this.i++;
        return cls;
      }
      if (c === '-') {
        const next = this.peek(1);
        if (next === '[') {
          // charClassSub: posCharGroup '-' charClassExpr, and nothing after it but ']'
          if (cls.items.length === 0) this.fail("'-[' needs characters to subtract from");
          this.i += 2;
          cls.sub = this.classBody();
          if (this.peek() !== ']') this.fail("a class subtraction must end the class");
          this.i++;
          return cls;
        }
        // '-' stands for itself only first or last in a positive group (before ']' or '-[')
        if (cls.items.length === 0 || next === ']' || (next === '-' && this.peek(2) === '[')) {
          this.i++;
          cls.items.push({ t: 'range', from: 0x2d, to: 0x2d });
          continue;
        }
        this.fail("'-' inside a character class must be escaped, or come first or last");
      }
      if (c === '[') this.fail("'[' inside a character class must be escaped");
      let from: number;
      if (c === '\\') {
        const e = this.escape();
        if (typeof e !== 'number') {
          cls.items.push({ t: 'esc', esc: e });
          continue;
        }
        from = e;
      } else {
        this.i++;
        from = c.codePointAt(0) as number;
      }
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '[' && this.peek(1) !== undefined) {
        this.i++;
        const to = this.rangeEnd();
        if (to < from) this.fail('a character range ends before it starts');
        cls.items.push({ t: 'range', from, to });
      } else cls.items.push({ t: 'range', from, to: from });
    }
  }

  /** The end of `x-y`: a character other than '-', '[', ']', '\', or a single-character escape. */
  private rangeEnd(): number {
    const c = this.peek() as string;
    if (c === '\\') {
      const e = this.escape();
      if (typeof e !== 'number') this.fail('a character range cannot end with a class escape');
      return e;
    }
    if (c === '-' || c === '[') this.fail(`'${c}' cannot end a character range unescaped`);
    this.i++;
    return c.codePointAt(0) as number;
  }
}
