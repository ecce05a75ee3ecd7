/**
 * XSD regular expression -> JavaScript RegExp source (flag `v`, Node 20+), done once when a schema
 * is compiled; the source string is what a generated module stores. XSD matches the whole value
 * (F.1: implicitly anchored), so the result is `^(?:...)$`; `^` and `$` inside are plain characters.
 * Escapes take their XSD meanings, not JavaScript's: `.` = [^\n\r], `\s` = [ \t\n\r],
 * `\d` = \p{Nd}, `\w` = [^\p{P}\p{Z}\p{C}], `\i`/`\c` = XML 1.0 name characters, `\p{IsX}` = a
 * Unicode block as code-point ranges. Class subtraction uses the `v` flag's `--`.
 */
import { NAME_CHAR_RANGES, NAME_START_RANGES, decodeRanges } from '../chars.js';
import { parseRegex, type Atom, type CharClass, type ClassItem, type Escape, type RegexNode } from './parse.js';

/** A translated pattern: RegExp source and flags. */
export interface JsRegex {
  source: string;
  flags: string;
}

/** Translate an XSD regular expression; throws SchemaTypeError when it is not valid XSD. */
export function translateRegex(xsd: string): JsRegex {
  return { source: `^(?:${regexBody(xsd)})$`, flags: 'v' };
}

/** The translation without anchors (to combine the ORed patterns of one step). */
export function regexBody(xsd: string): string {
  return regex(parseRegex(xsd));
}

/** A code point as a literal that is safe in and out of `v`-mode classes. */
function lit(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCodePoint(cp);
  return `\\u{${cp.toString(16)}}`;
}

function rangeText(from: number, to: number): string {
  return from === to ? lit(from) : `${lit(from)}-${lit(to)}`;
}

function rangesText(ranges: readonly (readonly [number, number])[]): string {
  return ranges.map(([a, b]) => rangeText(a, b)).join('');
}

let nameStart: string | undefined;
let nameChar: string | undefined;

const WS = '\\u{9}\\u{a}\\u{d}\\u{20}';

/** An escape as members of a class union (bare, to go inside `[...]`). */
function escMembers(e: Escape): string {
  switch (e.t) {
    case 'category':
      return `\\${e.neg ? 'P' : 'p'}{${e.name}}`;
    case 'block':
      return e.neg ? `[^${rangesText(e.ranges)}]` : rangesText(e.ranges);
    case 'multi':
      switch (e.c) {
        case 's': return WS;
        case 'S': return `[^${WS}]`;
        case 'd': return '\\p{Nd}';
        case 'D': return '\\P{Nd}';
        // F.1.1: \w = [#x0000-#x10FFFF]-[\p{P}\p{Z}\p{C}]
        case 'w': return '[^\\p{P}\\p{Z}\\p{C}]';
        case 'W': return '\\p{P}\\p{Z}\\p{C}';
        case 'i': return (nameStart ??= rangesText(decodeRanges(NAME_START_RANGES)));
        case 'I': return `[^${(nameStart ??= rangesText(decodeRanges(NAME_START_RANGES)))}]`;
        case 'c': return (nameChar ??= rangesText(decodeRanges(NAME_CHAR_RANGES)));
        case 'C': return `[^${(nameChar ??= rangesText(decodeRanges(NAME_CHAR_RANGES)))}]`;
      }
  }
}

/** An escape on its own (outside a class): bare where it is one class already. */
function escAtom(e: Escape): string {
  const m = escMembers(e);
  if (e.t === 'category' || (e.t === 'multi' && (e.c === 'd' || e.c === 'D'))) return m;
  // the complements (\S \w \I \C, \P{IsX}) are a [^...] class already; the others need brackets
  const complement = e.t === 'block' ? e.neg : e.c === 'S' || e.c === 'w' || e.c === 'I' || e.c === 'C';
  return complement ? m : `[${m}]`;
}

function item(it: ClassItem): string {
  return it.t === 'range' ? rangeText(it.from, it.to) : escMembers(it.esc);
}

function charClass(cls: CharClass): string {
  const union = cls.items.map(item).join('');
  if (!cls.sub) return `[${cls.neg ? '^' : ''}${union}]`;
  // v-mode subtraction takes class operands: [[^abc]--[b]] = (not a, b, c) minus b
  return `[[${cls.neg ? '^' : ''}${union}]--${charClass(cls.sub)}]`;
}

function atom(a: Atom): string {
  switch (a.t) {
    case 'char': return lit(a.cp);
    case 'any': return '[^\\n\\r]';
    case 'class': return charClass(a.cls);
    case 'esc': return escAtom(a.esc);
    case 'group': return `(?:${regex(a.re)})`;
  }
}

function quant(min: number, max: number): string {
  if (min === 1 && max === 1) return '';
  if (min === 0 && max === 1) return '?';
  if (min === 0 && max === -1) return '*';
  if (min === 1 && max === -1) return '+';
  if (max === -1) return `{${min},}`;
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

function regex(re: RegexNode): string {
  return re.branches.map((b) => b.map((p) => atom(p.atom) + quant(p.min, p.max)).join('')).join('|');
}
