/**
 * `validate --format github`: GitHub Actions workflow commands, one line per problem (interface.md):
 * `::error file=F,line=L,col=C,title=RULE::MESSAGE`, `::warning` for warnings, `::notice` for info.
 * The runner turns them into annotations on the pull request's diff. Escaping is the toolkit's
 * (actions/toolkit packages/core/src/command.ts, escapeData and escapeProperty): `%`, CR and LF in
 * the message; those and `:` and `,` in property values. A position of 0 (unknown) is left out.
 */
import type { Problem } from '../lib.js';
import type { FileResult } from './results.js';
import { visible } from './text.js';

const COMMAND: Record<Problem['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message of a workflow command (toolkit escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (toolkit escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One line per problem; nothing for files without problems. */
export function formatGithub(results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) {
    for (const p of r.report.problems) {
      // Control characters other than CR/LF are written visibly: the log is a terminal of sorts too.
      const props = [`file=${visible(escapeProperty(r.display))}`];
      if (p.line > 0) props.push(`line=${p.line}`);
      if (p.line > 0 && p.column > 0) props.push(`col=${p.column}`);
      props.push(`title=${escapeProperty(p.rule)}`);
      out += `::${COMMAND[p.severity]} ${props.join(',')}::${visible(escapeData(p.message))}\n`;
    }
  }
  return out;
}
