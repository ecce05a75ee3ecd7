/**
 * `validate --format junit`: JUnit XML as CI servers read it (interface.md: one `<testsuite>`, one
 * `<testcase>` per file, a `<failure>` per error). The element and attribute names are those of the
 * Ant/Surefire report that Jenkins' junit step and GitLab's `artifacts:reports:junit` parse: a
 * testsuite with `name`, `tests`, `failures`, `errors`, `skipped`; testcases with `classname`,
 * `name` and `file`; `<failure message type>` with the details as text. Warnings and info go to the
 * testcase's `<system-out>`, so they are visible without failing the test; files a walk skipped are
 * `<skipped>` testcases.
 */
import type { Problem } from '../lib.js';
import type { FileResult, SkippedFile } from './results.js';

/** Characters XML 1.0 allows (§2.2); others are written as `\uXXXX` text, since no reference can carry them. */
function xmlChars(s: string): string {
  // The complement of Char = #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF] (surrogate pairs).
  return s.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escape for an attribute value in double quotes (line breaks as references, so they survive attribute normalization). */
function attr(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Escape for character data. */
function text(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const where = (file: string, p: Problem) => `${file}:${p.line}:${p.column}`;

/** Options for the JUnit formatter. */
export interface JunitOptions {
  /** The testsuite's name (default `vmparams validate`). */
  name?: string;
}

/** The whole JUnit XML report (with a trailing newline). */
export function formatJunit(results: readonly FileResult[], skipped: readonly SkippedFile[] = [], opts: JunitOptions = {}): string {
  const cases: string[] = [];
  let failed = 0;
  for (const r of results) {
    const errors = r.report.problems.filter((p) => p.severity === 'error');
    const others = r.report.problems.filter((p) => p.severity !== 'error');
    if (errors.length > 0) failed++;
    const head = `  <testcase classname="vmparams" name="${attr(r.display)}" file="${attr(r.display)}"`;
    if (r.report.problems.length === 0) {
      cases.push(`${head}/>`);
      continue;
    }
    const body: string[] = [];
    for (const p of errors) {
      body.push(`    <failure message="${attr(p.message)}" type="${attr(p.rule)}">${text(`${where(r.display, p)}: ${p.rule}: ${p.message}${p.path ? `\n(at ${p.path})` : ''}`)}</failure>`);
    }
    if (others.length > 0) {
      body.push(`    <system-out>${text(others.map((p) => `${where(r.display, p)}: ${p.severity} ${p.rule}: ${p.message}`).join('\n'))}</system-out>`);
    }
    cases.push(`${head}>\n${body.join('\n')}\n  </testcase>`);
  }
  for (const s of skipped) {
    cases.push(`  <testcase classname="vmparams" name="${attr(s.display)}" file="${attr(s.display)}">\n    <skipped message="${attr(s.reason)}"/>\n  </testcase>`);
  }
  const suite =
    `<testsuite name="${attr(opts.name ?? 'vmparams validate')}" tests="${results.length + skipped.length}" failures="${failed}" errors="0" skipped="${skipped.length}">` +
    (cases.length ? `\n${cases.join('\n')}\n` : '') +
    '</testsuite>';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${suite}\n`;
}
