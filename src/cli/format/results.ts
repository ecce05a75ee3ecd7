/**
 * What the validate formatters work on: one report per input document, and the totals that the
 * summary line, the JSON `summary` object and the exit status are computed from.
 */
import type { Report } from '../lib.js';

/** One validated document. */
export interface FileResult {
  /** Shown path (relative to the working directory) or `<stdin>`. */
  display: string;
  /** Absolute path (undefined for standard input). */
  abs?: string;
  /** The bytes, when kept (standard input), for code frames. */
  bytes?: Uint8Array;
  report: Report;
}

/** A file found by walking or a glob that was not validated, and why (e.g. not a Cloud Director request). */
export interface SkippedFile {
  display: string;
  reason: string;
}

/** Totals over a run. */
export interface Totals {
  files: number;
  /** Documents without an error. */
  valid: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Documents with at least one problem of any severity. */
  filesWithProblems: number;
}

/** Count problems by severity. */
export function totals(results: readonly FileResult[]): Totals {
  const t: Totals = { files: results.length, valid: 0, errors: 0, warnings: 0, infos: 0, filesWithProblems: 0 };
  for (const { report } of results) {
    if (report.valid) t.valid++;
    if (report.problems.length > 0) t.filesWithProblems++;
    for (const p of report.problems) {
      if (p.severity === 'error') t.errors++;
      else if (p.severity === 'warning') t.warnings++;
      else t.infos++;
    }
  }
  return t;
}

/**
 * Exit status of validate (interface.md): 1 when a document has an error, or a warning under
 * --strict, or more warnings than --max-warnings allows (eslint's option).
 */
export function exitStatus(t: Totals, strict: boolean, maxWarnings?: number): 0 | 1 {
  return t.errors > 0 || (strict && t.warnings > 0) || (maxWarnings !== undefined && t.warnings > maxWarnings) ? 1 : 0;
}

/** The results with only their errors (`--quiet`): warnings and info are neither shown nor counted. */
export function errorsOnly(results: readonly FileResult[]): FileResult[] {
  return results.map((r) => (r.report.problems.every((p) => p.severity === 'error') ? r : { ...r, report: { ...r.report, problems: r.report.problems.filter((p) => p.severity === 'error') } }));
}
