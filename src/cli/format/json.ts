/**
 * `validate --format json`: ONE object on stdout, shaped exactly as interface.md shows
 * (`files[]` with file, kind, valid, problems; `summary` with files, valid, errors, warnings).
 */
import type { Problem } from '../lib.js';
import type { FileResult, SkippedFile, Totals } from './results.js';

/** A problem as written to JSON: the interface.md fields first, then messageId/data when present. */
function problemJson(p: Problem): Record<string, unknown> {
  const o: Record<string, unknown> = { severity: p.severity, rule: p.rule, line: p.line, column: p.column, path: p.path, message: p.message };
  if (p.messageId !== undefined) o.messageId = p.messageId;
  if (p.data !== undefined) o.data = p.data;
  // An automatic fix (rules with `fixable`): edits as offsets into the decoded document text.
  if (p.fix !== undefined) o.fix = p.fix;
  return o;
}

/**
 * The whole JSON document (with a trailing newline). Files skipped by a walk add `skipped`
 * (`[{ file, reason }]`) and `summary.skipped`; both are left out when nothing was skipped, so the
 * object is then exactly interface.md's.
 */
export function formatJson(results: readonly FileResult[], t: Totals, skipped: readonly SkippedFile[] = []): string {
  const doc: Record<string, unknown> = {
    files: results.map((r) => ({ file: r.display, kind: r.report.kind, valid: r.report.valid, problems: r.report.problems.map(problemJson) })),
  };
  const summary: Record<string, number> = { files: t.files, valid: t.valid, errors: t.errors, warnings: t.warnings };
  if (skipped.length > 0) {
    doc.skipped = skipped.map((s) => ({ file: s.display, reason: s.reason }));
    summary.skipped = skipped.length;
  }
  doc.summary = summary;
  return JSON.stringify(doc, null, 2) + '\n';
}
