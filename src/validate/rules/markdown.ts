/** The rule catalogue as Markdown, for the README (scripts/rules-doc.mjs writes it; a test keeps it current). */
import { VDC_CONTEXT_EXAMPLE } from '../context.js';
import { ruleCatalogue } from './index.js';

const cell = (s: string) => s.replace(/&/g, '&amp;').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README section listing every rule: id, severity, context need and one-line description. */
export function ruleCatalogueMarkdown(): string {
  const rows = ruleCatalogue();
  const plain = rows.filter((r) => !r.needsContext).length;
  const lines = [
    '## Rules',
    '',
    '<!-- Generated from the rule metadata by `node scripts/rules-doc.mjs`; do not edit by hand. -->',
    '',
    `\`vmparams validate\` runs ${rows.length} semantic rules after the schema check: ${plain} look at the document alone, ` +
      `${rows.length - plain} more run only with \`--context vdc.json\` (a snapshot of the target VDC, described by ` +
      '`schemas/vdc-context.schema.json`). `--api-version N.N` sets the API version the `version/*` rules check against ' +
      '(default: the newest known). `--no-lint` turns the rules off; `vmparams rules` prints this list. ' +
      'Rules marked in the Fix column attach an automatic fix to some of their problems, where the change is mechanical and certain: ' +
      'the problem (`validate()` in the library) gets an optional `fix` field, ' +
      '`{ "title": "Set IsConnected to false", "edits": [{ "start": 812, "end": 816, "text": "false" }] }`, with UTF-16 offsets ' +
      'into the document text as read (start inclusive, end exclusive; apply the edits from the last to the first), ' +
      'for editors to offer as a quick fix. Problems without a fix have no `fix` field.',
    '',
    '| Rule | Severity | Context | Fix | Description |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.needsContext ? 'yes' : ''} | ${r.fixable ? 'yes' : ''} | ${cell(r.description.replace(/ \(needs --context\)$/, ''))} |`),
    '',
    '### The context file',
    '',
    'A JSON object; every field is optional and a rule that needs a missing field does not run. Entities are matched by',
    '`href`, by URN `id`, or by `name` when one side has nothing better. Unknown fields are errors (so typos show).',
    '',
    '```json',
    JSON.stringify(VDC_CONTEXT_EXAMPLE, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}
