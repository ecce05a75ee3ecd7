/**
 * `validate --format json`: ONE object on stdout, shaped exactly as interface.md shows
 * (`files[]` with file, kind, valid, problems; `summary` with files, valid, errors, warnings).
 */
import type { Problem } from '../lib.js';
import type { FileResult, Totals } from './results.js';

/** A problem as written to JSON: the interface.md fields first, then messageId/data when present. */
function problemJson(p: Problem): Record<string, unknown> {
  const o: Record<string, unknown> = { severity: p.severity, rule: p.rule, line: p.line, column: p.column, path: p.path, message: p.message };
  if (p.messageId !== undefined) o.messageId = p.messageId;
  if (p.data !== undefined) o.data = p.data;
  return o;
}

/** The whole JSON document (with a trailing newline). */
export function formatJson(results: readonly FileResult[], t: Totals): string {
  const doc = {
    files: results.map((r) => ({ file: r.display, kind: r.report.kind, valid: r.report.valid, problems: r.report.problems.map(problemJson) })),
    summary: { files: t.files, valid: t.valid, errors: t.errors, warnings: t.warnings },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
