/**
 * The rule catalogue as the CLI shows it (`vmparams rules`, SARIF `tool.driver.rules`): the two
 * built-in checks (`xml`, `xsd`), the semantic rules' own metadata (src/validate/rules/, style.md §10:
 * `vmparams rules` and the README use the same metadata) and the instant-clone rules.
 */
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

/** The checks that are not semantic rules: well-formedness and the XML Schema. */
const BUILT_IN: RuleInfo[] = [
  {
    id: 'xml',
    severity: 'error',
    description: 'The document is well-formed XML of one of the five request types (no DOCTYPE, within the size and depth limits).',
    fix: 'Fix the XML syntax at the position shown; the root must be a request element in the http://www.vmware.com/vcloud/v1.5 namespace.',
    applies: 'xml',
  },
  {
    id: 'xsd',
    severity: 'error',
    description: 'The document is valid against the Cloud Director XML Schema (bundled, or --schema-dir).',
    fix: "Follow the message: it names the element the schema expected. Elements out of order are fixed by 'vmparams fmt'.",
    applies: 'xml',
  },
];

interface SemanticRuleLike {
  id: string;
  severity: Severity;
  docs?: { description?: string; reason?: string; fix?: string; url?: string };
  needsContext?: boolean;
}

/** The semantic rules from src/validate/rules/index.ts, whatever name the catalogue is exported under. */
async function semanticRules(): Promise<RuleInfo[]> {
  let mod: Record<string, unknown>;
  try {
    // A computed specifier: the rules index is written in parallel and may not exist yet.
    const spec = '../validate/rules/index.js';
    mod = (await import(spec)) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return [];
    throw e;
  }
  const found = mod.ruleCatalogue ?? mod.rules ?? mod.catalogue ?? mod.RULES ?? mod.default;
  const list = Array.isArray(found) ? found : found && typeof found === 'object' ? Object.values(found) : [];
  return (list as SemanticRuleLike[])
    .filter((r) => r && typeof r.id === 'string')
    .map((r) => ({
      id: r.id,
      severity: r.severity,
      description: r.docs?.description ?? '',
      reason: r.docs?.reason,
      fix: r.docs?.fix,
      needsContext: r.needsContext ?? false,
      url: r.docs?.url,
      applies: 'xml' as const,
    }));
}

let cached: Promise<RuleInfo[]> | undefined;

/** Every rule, built-in checks first, then semantic rules sorted by id, then instant-clone rules. */
export function loadCatalogue(): Promise<RuleInfo[]> {
  cached ??= semanticRules().then((semantic) => [
    ...BUILT_IN,
    ...semantic.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    ...instantCloneRules.map((r): RuleInfo => ({ id: r.id, severity: r.severity, description: r.description, applies: 'instant-clone' })),
  ]);
  return cached;
}
