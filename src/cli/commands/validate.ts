/**
 * `vmparams validate <file|dir|glob|->... [--format text|json|sarif|junit|github] [--no-lint]
 * [--strict] [--api-version N.N] [--schema-dir DIR] [--context FILE] [--rule ID=LEVEL]...
 * [--config FILE | --no-config] [--no-ignore] [--ignore-pattern GLOB]... [--max-warnings N]
 * [--quiet] [-o FILE]` (interface.md). The verdicts are the library's validate; this module only
 * gathers settings (src/config) and inputs, runs them (pool.ts) and prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { boolOpt, choiceOpt, parseCommandArgs, stringOpt, apiVersionOpt, type ParsedArgs } from '../args.js';
import { loadCatalogue } from '../catalogue.js';
import { colourEnabled, painter } from '../colour.js';
import type { Task } from '../engine.js';
import { describeFsError, oneLine, UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { collectInputs } from '../inputs.js';
import type { Io } from '../io.js';
import type { Report, ValidateSettings } from '../lib.js';
import { validateAll } from '../pool.js';
import { Progress } from '../progress.js';
import { skipReason } from '../sniff.js';
import { ConfigError, loadSettings, parseRuleFlags, RuleLevelError, type RuleLevel, type Settings } from '../../config/index.js';
import { formatGithub } from '../format/github.js';
import { formatJson } from '../format/json.js';
import { formatJunit } from '../format/junit.js';
import { writeReportFile } from '../format/output.js';
import { errorsOnly, exitStatus, totals, type FileResult, type SkippedFile } from '../format/results.js';
import { formatSarif } from '../format/sarif.js';
import { formatFileText, formatSummaryText } from '../format/text.js';
import { packageVersion } from '../version.js';
import { warnUnresolved } from '../schema-warnings.js';
import { countOpt, sizeOpt } from '../limits.js';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;

/** Run `vmparams validate` with the arguments after the command name. */
export async function runValidate(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('validate', argv, {
    format: { type: 'string' },
    'no-lint': { type: 'boolean' },
    strict: { type: 'boolean' },
    'api-version': { type: 'string' },
    'schema-dir': { type: 'string' },
    engine: { type: 'string' },
    context: { type: 'string' },
    rule: { type: 'string', multiple: true },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    'no-ignore': { type: 'boolean' },
    'ignore-pattern': { type: 'string', multiple: true },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    output: { type: 'string', short: 'o' },
    'max-size': { type: 'string' },
    'max-depth': { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.validate!);
    return 0;
  }
  const format = choiceOpt('validate', args, 'format', FORMATS, 'text');
  const config = loadRunSettings(args, io);
  const settings: ValidateSettings = { lint: !boolOpt(args, 'no-lint') };
  if (config.apiVersion !== undefined) settings.apiVersion = config.apiVersion;
  if (stringOpt(args, 'engine') !== undefined) settings.engine = choiceOpt('validate', args, 'engine', ['vmparams', 'libxml2'] as const, 'vmparams');
  const schemaDir = stringOpt(args, 'schema-dir');
  if (schemaDir !== undefined) settings.schemaDir = checkedDir(io, schemaDir);
  if (settings.schemaDir !== undefined && settings.engine !== 'libxml2') await warnSchemaDir(settings.schemaDir, io);
  if (config.context !== undefined) settings.context = config.context;
  if (settings.context !== undefined && settings.lint !== false) await checkContext(settings.context, config.contextFile, io);
  if (Object.keys(config.rules).length > 0) settings.rules = config.rules;
  const maxSize = stringOpt(args, 'max-size');
  if (maxSize !== undefined) settings.maxBytes = sizeOpt('validate', maxSize);
  const maxDepth = stringOpt(args, 'max-depth');
  if (maxDepth !== undefined) settings.maxDepth = countOpt('validate', '--max-depth', maxDepth);
  const jobs = jobsOpt(stringOpt(args, 'jobs'));
  const maxWarningsArg = stringOpt(args, 'max-warnings');
  const maxWarnings = maxWarningsArg === undefined ? undefined : warningsOpt(maxWarningsArg);
  const quiet = boolOpt(args, 'quiet');
  const outputArg = stringOpt(args, 'output');
  const outputFile = outputArg === undefined ? undefined : path.resolve(io.cwd, outputArg);
  const colourFlag = boolOpt(args, 'no-color') ? false : boolOpt(args, 'color') ? true : undefined;

  if (args.positionals.length === 0) throw new UsageError("validate: give at least one file, directory or '-' (see 'vmparams validate --help')");
  const noIgnore = boolOpt(args, 'no-ignore');
  const ignorePatterns = (args.values['ignore-pattern'] as string[] | undefined) ?? [];
  const inputs = await collectInputs(args.positionals, io, {
    command: 'validate',
    walkExtension: '.xml',
    ignore: { gitignore: !noIgnore, globs: noIgnore ? [] : [...config.ignore, { base: io.cwd, patterns: ignorePatterns }] },
    skip: skipReason,
  });
  const skipped: SkippedFile[] = inputs.filter((i) => i.skipped !== undefined).map((i) => ({ display: i.display, reason: i.skipped! }));
  const checked = inputs.filter((i) => i.skipped === undefined);

  const tasks: Task[] = checked.map((inp, index) => ({ index, display: inp.display, abs: inp.abs, bytes: inp.bytes }));
  const results: FileResult[] = checked.map((inp) => ({ display: inp.display, abs: inp.abs, bytes: inp.bytes, report: undefined as unknown as Report }));

  // Text to a terminal is streamed in input order as documents finish; everything else is one
  // document, printed (or written to -o FILE) at the end.
  const text = format === 'text';
  const stream = text && outputFile === undefined;
  const paint = painter(stream && colourEnabled(io, colourFlag));
  const frames = stream && io.isTTY;
  const progress = new Progress(io, tasks.length, text && io.isTTY && tasks.length > 1);
  let printed = 0;
  let finished = 0;
  const shown = (r: FileResult) => (quiet ? errorsOnly([r])[0]! : r);
  const onResult = (index: number, report: Report) => {
    results[index]!.report = report;
    progress.update(++finished);
    if (!stream) return;
    let out = '';
    while (printed < results.length && results[printed]!.report) {
      out += formatFileText(shown(results[printed]!), { paint, frames });
      printed++;
    }
    if (out) {
      progress.clear();
      io.stdout(out);
      progress.redraw();
    }
  };

  try {
    await validateAll(tasks, settings, { jobs, onResult });
  } catch (e) {
    progress.end();
    if (e instanceof UsageError) throw e;
    if (e instanceof RuleLevelError) throw new UsageError(`validate: ${e.message}`);
    throw new UsageError(`validate: ${oneLine(e)}`);
  }
  progress.end();

  // --quiet (eslint 9): warnings and info are neither shown nor counted, so --strict and --max-warnings see none.
  const final = quiet ? errorsOnly(results) : results;
  const t = totals(final);
  const failed = exitStatus(t, config.strict, maxWarnings);
  const tooMany = maxWarnings !== undefined && t.warnings > maxWarnings ? `✖ too many warnings: ${t.warnings} (--max-warnings ${maxWarnings})\n` : '';
  let report: string;
  if (text) {
    let summary = formatSummaryText(t, failed === 1, paint, skipped);
    // Under --quiet a clean summary must not claim there is nothing at all: warnings were not looked at.
    if (quiet) summary = summary.replace(', no problems', ', no errors');
    report = (stream ? '' : final.map((r) => formatFileText(r, { paint, frames })).join('')) + summary + tooMany;
  }
  else if (format === 'json') report = formatJson(final, t, skipped);
  else if (format === 'junit') report = formatJunit(final, skipped);
  else if (format === 'github') report = formatGithub(final);
  else report = formatSarif(final, { catalogue: await loadCatalogue(), version: packageVersion(), cwd: io.cwd });
  if (outputFile !== undefined) writeReportFile(outputFile, report, 'validate');
  else io.stdout(report);
  if (tooMany && !(text && outputFile === undefined)) io.stderr(tooMany);
  return failed;
}

/** The config file and the flags that override it (`--api-version`, `--context`, `--strict`, `--rule`). */
function loadRunSettings(args: ParsedArgs, io: Io): Settings {
  let rules: Record<string, RuleLevel>;
  try {
    rules = parseRuleFlags((args.values.rule as string[] | undefined) ?? []);
  } catch (e) {
    if (e instanceof RuleLevelError) throw new UsageError(`validate: ${e.message}`);
    throw e;
  }
  const apiVersion = apiVersionOpt('validate', args);
  const context = stringOpt(args, 'context');
  try {
    return loadSettings({
      cwd: io.cwd,
      configPath: stringOpt(args, 'config'),
      noConfig: boolOpt(args, 'no-config'),
      flags: { apiVersion, context, strict: boolOpt(args, 'strict') || undefined, rules },
    });
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`validate: ${e.message}`);
    throw e;
  }
}

/** `--schema-dir` must be an existing directory (what it contains is checked by the library). */
function checkedDir(io: Io, dir: string): string {
  const abs = path.resolve(io.cwd, dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch (e) {
    throw new UsageError(`validate: --schema-dir ${dir}: ${describeFsError(e)}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`validate: --schema-dir ${dir}: not a directory`);
  return abs;
}

/** Warn about the --schema-dir set's unreadable includes and imports (a set that does not compile is reported by validate itself). */
async function warnSchemaDir(dir: string, io: Io): Promise<void> {
  const { loadSchemaDir } = await import('../../validate/xsd-dir.js');
  const { SchemaDirError } = await import('../../xsd/errors.js');
  try {
    warnUnresolved(loadSchemaDir(dir), io, `--schema-dir ${path.relative(io.cwd, dir) || dir}: `);
  } catch (e) {
    if (!(e instanceof SchemaDirError)) throw e;
  }
}

/** A context that does not match its schema stops the run once, naming its file (exit 2), before any document is read. */
async function checkContext(context: unknown, file: string | undefined, io: Io): Promise<void> {
  const { ContextError, loadContext, prepareContextSchema } = await import('../../validate/context.js');
  await prepareContextSchema();
  try {
    loadContext(context);
  } catch (e) {
    if (e instanceof ContextError) throw new UsageError(`validate: ${file ? `${path.relative(io.cwd, file) || file}: ` : ''}${e.message}`);
    throw e;
  }
}

function jobsOpt(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,4}$/.test(v) || Number(v) < 1) throw new UsageError(`validate: --jobs must be a whole number of at least 1, got '${v}'`);
  return Number(v);
}

/** `--max-warnings N`: a whole number, 0 or more (eslint's option). */
function warningsOpt(v: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new UsageError(`validate: --max-warnings must be a whole number (0 or more), got '${v}'`);
  return Number(v);
}
