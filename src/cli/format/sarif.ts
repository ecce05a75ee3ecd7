/**
 * `validate --format sarif`: a SARIF 2.1.0 log (OASIS sarif-v2.1.0 errata 01), so code-scanning
 * tools show the problems inline. One run; `tool.driver.rules` is the catalogue (`vmparams rules`),
 * each with a `helpUri`; each result has a physical location (a file URI relative to %SRCROOT% = the
 * working directory, or an absolute `file:` URI without a base for files outside it, §3.4.4) with the
 * line and column, and a logical location (the element path, or the JSON pointer for instant-clone
 * specs). Typed with @types/sarif; test/cli/sarif-schema.test.ts checks logs against the schema.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { RuleInfo } from '../catalogue.js';
import type { Problem } from '../lib.js';
import { STDIN_NAME } from '../inputs.js';
import type { FileResult } from './results.js';

/** The JSON schema a SARIF 2.1.0 log names (OASIS errata 01). */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Problem['severity'], Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Options for the SARIF formatter. */
export interface SarifOptions {
  catalogue: readonly RuleInfo[];
  version: string;
  /** Working directory: the base of relative artifact URIs. */
  cwd: string;
}

/** The artifact location of a file: relative to %SRCROOT% when below cwd, else an absolute URI with no base. */
function artifactOf(r: FileResult, cwd: string): Sarif.ArtifactLocation {
  if (!r.abs) return { uri: encodeURIComponent(STDIN_NAME) };
  const rel = path.relative(cwd, r.abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(r.abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function ruleDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const d: Sarif.ReportingDescriptor = {
    id: rule.id,
    shortDescription: { text: rule.description || rule.id },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
  if (rule.reason) d.fullDescription = { text: rule.reason };
  if (rule.fix) d.help = { text: rule.fix };
  if (rule.url) d.helpUri = rule.url;
  return d;
}

/** The whole SARIF log (with a trailing newline). */
export function formatSarif(results: readonly FileResult[], opts: SarifOptions): string {
  const rules = opts.catalogue.map(ruleDescriptor);
  const ruleIndex = new Map(opts.catalogue.map((r, i) => [r.id, i]));
  const sarifResults: Sarif.Result[] = [];
  for (const r of results) {
    const artifactLocation = artifactOf(r, opts.cwd);
    for (const p of r.report.problems) {
      if (!ruleIndex.has(p.rule)) {
        // A rule id the catalogue does not list still needs a descriptor for ruleIndex to point at.
        ruleIndex.set(p.rule, rules.length);
        rules.push({ id: p.rule, shortDescription: { text: p.rule }, defaultConfiguration: { level: LEVEL[p.severity] } });
      }
      const physicalLocation: Sarif.PhysicalLocation = { artifactLocation };
      // SARIF regions are 1-based; 0 (unknown) is left out rather than written as an invalid value.
      if (p.line > 0) physicalLocation.region = p.column > 0 ? { startLine: p.line, startColumn: p.column } : { startLine: p.line };
      const location: Sarif.Location = { physicalLocation };
      if (p.path) location.logicalLocations = [{ fullyQualifiedName: p.path, kind: r.report.kind === 'InstantCloneSpec' ? 'member' : 'element' }];
      const result: Sarif.Result = {
        ruleId: p.rule,
        ruleIndex: ruleIndex.get(p.rule)!,
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [location],
      };
      if (p.messageId) result.properties = { messageId: p.messageId };
      sarifResults.push(result);
    }
  }
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vmparams',
            semanticVersion: opts.version,
            version: opts.version,
            informationUri: 'https://www.npmjs.com/package/vmparams',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(opts.cwd).href.replace(/\/?$/, '/') } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
