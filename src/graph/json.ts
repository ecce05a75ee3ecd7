/**
 * The `json` format: the VAppGraph itself (interface.md "See the vApp"), two-space indented. Values
 * are the document's text exactly; JSON.stringify already escapes C0 controls, and the C1 controls,
 * DEL and line separators are written as \u escapes too, so no raw control character (a terminal
 * escape from outside input) reaches the output, yet JSON.parse gives the same strings back.
 */
import type { VAppGraph } from './types.js';

/** The graph as JSON text, one object, ending in a newline. */
export function toJson(g: VAppGraph): string {
  const text = JSON.stringify(g, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text + '\n';
}
