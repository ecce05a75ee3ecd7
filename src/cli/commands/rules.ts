/** `vmparams rules [ID] [--format text|json]`: the rule catalogue, or one rule explained. */
import { boolOpt, choiceOpt, parseCommandArgs } from '../args.js';
import { loadCatalogue, type RuleInfo } from '../catalogue.js';
import { colourEnabled, painter, type Paint } from '../colour.js';
import { UsageError } from '../errors.js';
import { HELP } from '../help.js';
import type { Io } from '../io.js';

/** Run `vmparams rules` with the arguments after the command name. */
export async function runRules(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('rules', argv, { format: { type: 'string' } });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.rules!);
    return 0;
  }
  const format = choiceOpt('rules', args, 'format', ['text', 'json'], 'text');
  if (args.positionals.length > 1) throw new UsageError("rules: give at most one rule id (see 'vmparams rules --help')");
  const catalogue = await loadCatalogue();
  const id = args.positionals[0];
  const paint = painter(format === 'text' && colourEnabled(io));
  if (id === undefined) {
    io.stdout(format === 'json' ? JSON.stringify(catalogue, null, 2) + '\n' : listText(catalogue, paint));
    return 0;
  }
  const rule = catalogue.find((r) => r.id === id);
  if (!rule) {
    const near = catalogue.filter((r) => r.id.includes(id) || id.includes(r.id.split('/').pop()!)).map((r) => r.id);
    const hint = near.length > 0 && near.length <= 5 ? `; did you mean ${near.join(', ')}?` : "; 'vmparams rules' lists them";
    throw new UsageError(`rules: no rule '${id}'${hint}`);
  }
  io.stdout(format === 'json' ? JSON.stringify(rule, null, 2) + '\n' : explainText(rule, paint));
  return 0;
}

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'blue' } as const;

function listText(catalogue: readonly RuleInfo[], paint: Paint): string {
  let out = '';
  let group: RuleInfo['applies'] | undefined;
  for (const r of catalogue) {
    if (r.applies !== group) {
      group = r.applies;
      out += `${out ? '\n' : ''}${paint('bold', group === 'xml' ? 'Request documents (vmparams validate)' : 'Instant-clone specs (vmparams instant-clone validate)')}\n`;
    }
    const width = Math.max(...catalogue.filter((x) => x.applies === r.applies).map((x) => x.id.length));
    const ctx = r.needsContext && !r.description.includes('--context') ? ' (needs --context)' : '';
    out += `  ${r.id.padEnd(width)}  ${paint(SEVERITY_STYLE[r.severity], r.severity.padEnd(7))}  ${r.description}${ctx}\n`;
  }
  out += `\n${catalogue.length} rules. 'vmparams rules ID' explains one.\n`;
  return out;
}

function explainText(r: RuleInfo, paint: Paint): string {
  let out = `${paint('bold', r.id)} (${paint(SEVERITY_STYLE[r.severity], r.severity)}${r.needsContext ? ', needs --context' : ''})\n\n${r.description}\n`;
  if (r.reason) out += `\n${paint('bold', 'Why:')} ${r.reason}\n`;
  if (r.fix) out += `\n${paint('bold', 'Fix:')} ${r.fix}\n`;
  if (r.url) out += `\n${paint('bold', 'More:')} ${r.url}\n`;
  return out;
}
