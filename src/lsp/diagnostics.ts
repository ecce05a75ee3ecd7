/**
 * Diagnostics: the problems `validate` reports for the document (its folder's config file
 * included), each placed on the element's start tag or the attribute it is about, with the rule id
 * as `code` and the rule's documentation as `codeDescription` (interface.md, "Language server").
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Fix, Problem, Severity } from '../validate/problem.js';
import { validateSync, type ValidateOptions } from '../validate/index.js';
import type { Analysis } from './analysis.js';
import { problemSpan } from './ranges.js';

/** A diagnostic with the fix of the problem it shows, kept for code actions. */
export interface Finding {
  diagnostic: Diagnostic;
  /** The rule's automatic fix (src/validate/problem.ts Fix): offsets into the validated text, the tree's text. */
  fix?: Fix;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } satisfies Record<Severity, DiagnosticSeverity>;

/** The `source` of every diagnostic. */
export const SOURCE = 'vmparams';

/** One problem as a diagnostic; `docsUrl` gives the rule's documentation link. */
export function toDiagnostic(analysis: Analysis, p: Problem, docsUrl: (rule: string) => string | undefined): Diagnostic {
  let [start, end] = problemSpan(analysis.tree, analysis.positions.lines, p);
  // A one-character range on a line break would end on the next line: keep it on the problem's line.
  if (end === start + 1 && (start >= analysis.source.length || /[\r\n]/.test(analysis.source[start]))) end = start;
  const d: Diagnostic = { range: analysis.positions.range(start, end), severity: SEVERITY[p.severity], source: SOURCE, code: p.rule, message: p.message };
  const href = docsUrl(p.rule);
  if (href) d.codeDescription = { href };
  return d;
}

/**
 * Validate a request document and turn its problems into findings. Nothing for a document that is
 * not a request. Throws what validate throws for options it cannot use (a bad context, API version).
 */
export function diagnose(analysis: Analysis, options: ValidateOptions, docsUrl: (rule: string) => string | undefined): Finding[] {
  if (!analysis.request) return [];
  const report = validateSync(analysis.source, options);
  return report.problems.map((p) => ({ diagnostic: toDiagnostic(analysis, p, docsUrl), fix: p.fix?.edits.length ? p.fix : undefined }));
}
