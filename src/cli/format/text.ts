/**
 * Text output of validate, after tsc and eslint's stylish (style.md §13): one problem a line as
 * `file:line:column: severity rule: message`, a `~` code frame under it on a terminal, and a summary
 * line `✖ 3 problems (2 errors, 1 warning) in 2 files`.
 */
import fs from 'node:fs';
import type { Paint, Style } from '../colour.js';
import { escapeControls } from '../sanitize.js';
import type { Problem } from '../lib.js';
import type { FileResult, SkippedFile, Totals } from './results.js';

/** Options for the text formatter. */
export interface TextOptions {
  paint: Paint;
  /** Print a code frame under each problem (terminals only). */
  frames: boolean;
}

const SEVERITY_STYLE: Record<Problem['severity'], Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/** The lines for one document's problems (empty string when it has none). */
export function formatFileText(result: FileResult, opts: TextOptions): string {
  const { paint } = opts;
  let lines: string[] | undefined;
  let out = '';
  const display = visible(result.display);
  for (const p of result.report.problems) {
    out +=
      `${paint('cyan', display)}:${paint('yellow', String(p.line))}:${paint('yellow', String(p.column))}: ` +
      `${paint(SEVERITY_STYLE[p.severity], p.severity)} ${paint('gray', p.rule)}: ${visible(p.message)}\n`;
    if (opts.frames && p.line > 0) {
      lines ??= sourceLines(result);
      const frame = codeFrame(lines, p.line, p.column, paint, SEVERITY_STYLE[p.severity]);
      if (frame) out += frame;
    }
  }
  return out;
}

function sourceLines(result: FileResult): string[] {
  try {
    const bytes = result.bytes ?? (result.abs ? fs.readFileSync(result.abs) : undefined);
    if (!bytes) return [];
    return new TextDecoder('utf-8').decode(bytes).split('\n');
  } catch {
    return [];
  }
}

/** The widest source excerpt shown; longer lines are cut around the column. */
const MAX_WIDTH = 160;

/** `  12 | <source line>` and `     | ~~~~` under the name at `column` (tsc draws `~` the same way). */
function codeFrame(lines: string[], line: number, column: number, paint: Paint, style: Style): string {
  const raw = lines[line - 1];
  if (raw === undefined) return '';
  let text = visible(raw.replace(/\r$/, '').replace(/\t/g, ' '));
  // libxml2 reports schema problems by line only: point at the first tag on that line then.
  let col = column > 0 ? column : text.search(/\S/) + 1;
  if (text.length > MAX_WIDTH) {
    const start = Math.max(0, Math.min(col - 1 - 40, text.length - MAX_WIDTH));
    text = (start > 0 ? '…' : '') + text.slice(start, start + MAX_WIDTH) + (start + MAX_WIDTH < text.length ? '…' : '');
    col = col - start + (start > 0 ? 1 : 0);
  }
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  let out = `  ${paint('inverse', gutter)} ${text}\n`;
  if (col > 0) {
    const token = /^<?\/?[^\s<>/="']+/.exec(text.slice(col - 1))?.[0] ?? ' ';
    out += `  ${paint('inverse', pad)} ${' '.repeat(col - 1)}${paint(style, '~'.repeat(Math.max(1, token.length)))}\n`;
  }
  return out;
}

/**
 * Control characters (and bidi controls) written as visible escapes: a file name or a message quoting
 * one must not drive the terminal (sanitize.ts).
 */
export const visible = escapeControls;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `; 2 files skipped (not Cloud Director requests; ...)` after the summary, when a walk skipped some. */
function skippedNote(skipped: readonly SkippedFile[], why: string): string {
  if (skipped.length === 0) return '';
  return `; ${plural(skipped.length, 'file')} skipped (${why}; --format json lists them)`;
}

/**
 * The closing line: what was found, or that everything passed; then how many files a walk skipped
 * and why (`why`: what they are not).
 */
export function formatSummaryText(t: Totals, failed: boolean, paint: Paint, skipped: readonly SkippedFile[] = [], why = 'not Cloud Director requests'): string {
  const problems = t.errors + t.warnings + t.infos;
  if (problems === 0) {
    return paint(['green', 'bold'], `✔ ${plural(t.files, 'file')} checked, no problems`) + skippedNote(skipped, why) + '\n';
  }
  const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
  if (t.infos > 0) parts.push(`${t.infos} info`);
  const text = `${failed ? '✖' : '⚠'} ${plural(problems, 'problem')} (${parts.join(', ')}) in ${plural(t.filesWithProblems, 'file')}`;
  const checked = t.files !== t.filesWithProblems ? ` (${plural(t.files, 'file')} checked)` : '';
  return paint([failed ? 'red' : 'yellow', 'bold'], text) + checked + skippedNote(skipped, why) + '\n';
}
