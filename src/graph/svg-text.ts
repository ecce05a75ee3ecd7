/**
 * Text for the SVG picture without a font engine: an estimate of how wide a string is set in
 * Helvetica/Arial (the advance widths of Helvetica's AFM metrics, grouped), used to size boxes and to
 * shorten what would not fit with an ellipsis. Overestimates slightly so text stays inside its box in
 * wider fallback fonts (DejaVu Sans, which rsvg-convert and Linux browsers often pick).
 */

// Helvetica advance widths in 1/1000 em (Adobe Helvetica AFM), grouped by similar width.
const GROUPS: Array<[string, number]> = [
  ["'", 191],
  ['ijl|', 222],
  [' !,./:;I[\\]ft', 278],
  ['r()-`', 333],
  ['"*^', 389],
  ['Jcksvxyz', 500],
  ['#$0123456789?L_abdeghnopqu~', 556],
  ['+<=>FTZ', 584],
  ['&ABEKPSVXY', 667],
  ['CDHNRUw', 722],
  ['GOQ', 778],
  ['Mm', 833],
  ['%', 889],
  ['W@', 944],
  // The separators vmparams itself writes: periodcentered (Helvetica 278), arrow and ellipsis (DejaVu Sans ~840, 1000).
  ['·', 278],
  ['→', 840],
  ['…', 1000],
];
const WIDTH = new Map<string, number>();
for (const [chars, w] of GROUPS) for (const c of chars) WIDTH.set(c, w);
/** Anything else (accented letters, CJK, symbols): about an em-dash wide, on the safe side. */
const OTHER = 800;
/** Bold Helvetica is about 6% wider; the fallback fonts another 8%. */
const BOLD = 1.06;
const SAFETY = 1.08;

/** Estimated width in px of `text` at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const c of text) w += WIDTH.get(c) ?? OTHER;
  return (w / 1000) * size * SAFETY * (bold ? BOLD : 1);
}

/** `text`, or its start with `…` when it is wider than `max` px. */
export function fit(text: string, max: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // The longest prefix that fits with the ellipsis (widths only grow with length).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('') + '…', size, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML content or a double-quoted attribute. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}
