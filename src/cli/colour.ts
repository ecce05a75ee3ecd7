/**
 * Colour for text output: util.styleText, decided the way style.md §13 says (after TypeScript's
 * `defaultIsPretty` and Node's own rules): an explicit flag, then FORCE_COLOR / NO_COLOR, then TTY.
 */
import { styleText } from 'node:util';
import type { Io } from './io.js';

/** A text format util.styleText knows. */
export type Style = Parameters<typeof styleText>[0];

/** Colours a string when colour is on, returns it unchanged otherwise. */
export type Paint = (style: Style, text: string) => string;

/**
 * Whether to colour. `flag` is `--color` (true) / `--no-color` (false). FORCE_COLOR wins over NO_COLOR
 * as in Node (`0`/`false` turn it off); NO_COLOR counts when set and not empty (no-color.org);
 * otherwise colour only on a terminal that is not `TERM=dumb`.
 */
export function colourEnabled(io: Io, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.isTTY;
}

/** A Paint that colours when `on`. */
export function painter(on: boolean): Paint {
  if (!on) return (_style, text) => text;
  // The array form and validateStream: false, because Node 20.20's styleText otherwise checks
  // process.stdout itself, which is not the stream we write to in tests.
  return (style, text) => styleText(Array.isArray(style) ? style : [style], text, { validateStream: false });
}
