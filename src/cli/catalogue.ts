/**
 * The rule catalogue as the CLI shows it (`vmparams rules`, SARIF `tool.driver.rules`): the two
 * built-in checks (`xml`, `xsd`), the semantic rules' own metadata (src/validate/rules/, style.md §10:
 * `vmparams rules` and the README use the same metadata) and the instant-clone rules.
 */
import { ruleCatalogue } from '../validate/rules/index.js';
import { rules as instantCloneRules } from '../vsphere/rules.js';
import type { Severity } from './lib.js';

/** One rule as documented to users. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  /** One line. */
  description: string;
  /** Why it matters (semantic rules). */
  reason?: string;
  /** What to do about it. */
  fix?: string;
  /** Runs only with `--context FILE`. */
  needsContext?: boolean;
  /** Documentation page. */
  url?: string;
  /** What the rule checks: request XML documents or instant-clone JSON specs. */
  applies: 'xml' | 'instant-clone';
}

/** The package page: the README, whose headings are the anchors below (test/cli/formats.test.ts checks they exist). */
const DOCS = 'https://www.npmjs.com/package/vmparams';

/** The checks that are not semantic rules: well-formedness, the XML Schema, and unused inline directives. */
const BUILT_IN: RuleInfo[] = [
  {
    id: 'xml',
    severity: 'error',
    description: 'The document is well-formed XML of one of the five request types (no DOCTYPE, within the size and depth limits).',
    fix: 'Fix the XML syntax at the position shown; the root must be a request element in the http://www.vmware.com/vcloud/v1.5 namespace.',
    url: `${DOCS}#validate`,
    applies: 'xml',
  },
  {
    id: 'xsd',
    severity: 'error',
    description: 'The document is valid against the Cloud Director XML Schema (bundled, or --schema-dir).',
    fix: "Follow the message: it names the element the schema expected. Elements out of order are fixed by 'vmparams fmt'.",
    url: `${DOCS}#validate`,
    applies: 'xml',
  },
  {
    id: 'unused-directive',
    severity: 'warning',
    description: 'A vmparams-disable comment suppressed nothing (the rule no longer fires there, or the id is misspelt).',
    fix: 'Remove the comment, or correct the rule id or the line it stands on.',
    url: `${DOCS}#inline-directives`,
    applies: 'xml',
  },
];

/** The semantic rules' own metadata (src/validate/rules/). */
function semanticRules(): RuleInfo[] {
  return ruleCatalogue().map((r) => ({
    id: r.id,
    severity: r.severity,
    description: r.description,
    reason: r.docs.reason,
    fix: r.docs.fix,
    needsContext: r.needsContext,
    url: r.docs.url,
    applies: 'xml' as const,
  }));
}

/** Every rule: built-in checks first, then the semantic rules (sorted by id), then the instant-clone rules. */
export async function loadCatalogue(): Promise<RuleInfo[]> {
  return [
    ...BUILT_IN,
    ...semanticRules(),
    ...instantCloneRules.map((r): RuleInfo => ({ id: r.id, severity: r.severity, description: r.description, url: `${DOCS}#instant-clone`, applies: 'instant-clone' })),
  ];
}
