/**
 * `vmparams validate <file|dir|->... [--format text|json|sarif] [--no-lint] [--strict]
 * [--api-version N.N] [--schema-dir DIR] [--context FILE]` (interface.md). The verdicts are the
 * library's validate; this module only gathers inputs, runs them (pool.ts) and prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiVersionOpt, boolOpt, choiceOpt, parseCommandArgs, stringOpt } from '../args.js';
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
import { formatJson } from '../format/json.js';
import { exitStatus, totals, type FileResult } from '../format/results.js';
import { formatSarif } from '../format/sarif.js';
import { formatFileText, formatSummaryText } from '../format/text.js';
import { packageVersion } from '../version.js';

const FORMATS = ['text', 'json', 'sarif'] as const;

/** Run `vmparams validate` with the arguments after the command name. */
export async function runValidate(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('validate', argv, {
    format: { type: 'string' },
    'no-lint': { type: 'boolean' },
    strict: { type: 'boolean' },
    'api-version': { type: 'string' },
    'schema-dir': { type: 'string' },
    context: { type: 'string' },
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
  const strict = boolOpt(args, 'strict');
  const settings: ValidateSettings = { lint: !boolOpt(args, 'no-lint') };
  const apiVersion = apiVersionOpt('validate', args);
  if (apiVersion !== undefined) settings.apiVersion = apiVersion;
  const schemaDir = stringOpt(args, 'schema-dir');
  if (schemaDir !== undefined) settings.schemaDir = checkedDir(io, schemaDir);
  const contextFile = stringOpt(args, 'context');
  if (contextFile !== undefined) settings.context = readContext(io, contextFile);
  const maxSize = stringOpt(args, 'max-size');
  if (maxSize !== undefined) settings.maxBytes = sizeOpt('--max-size', maxSize);
  const maxDepth = stringOpt(args, 'max-depth');
  if (maxDepth !== undefined) settings.maxDepth = countOpt('--max-depth', maxDepth);
  const jobs = jobsOpt(stringOpt(args, 'jobs'));
  const colourFlag = boolOpt(args, 'no-color') ? false : boolOpt(args, 'color') ? true : undefined;

  if (args.positionals.length === 0) throw new UsageError("validate: give at least one file, directory or '-' (see 'vmparams validate --help')");
  const inputs = await collectInputs(args.positionals, io, { command: 'validate', walkExtension: '.xml' });

  const tasks: Task[] = inputs.map((inp, index) => ({ index, display: inp.display, abs: inp.abs, bytes: inp.bytes }));
  const results: FileResult[] = inputs.map((inp) => ({ display: inp.display, abs: inp.abs, bytes: inp.bytes, report: undefined as unknown as Report }));

  // Text is streamed in input order as documents finish; json and sarif are one document, printed at the end.
  const text = format === 'text';
  const paint = painter(text && colourEnabled(io, colourFlag));
  const progress = new Progress(io, tasks.length, text && io.isTTY && tasks.length > 1);
  let printed = 0;
  let finished = 0;
  const onResult = (index: number, report: Report) => {
    results[index]!.report = report;
    progress.update(++finished);
    if (!text) return;
    let out = '';
    while (printed < results.length && results[printed]!.report) {
      out += formatFileText(results[printed]!, { paint, frames: io.isTTY });
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
    throw new UsageError(`validate: ${oneLine(e)}`);
  }
  progress.end();

  const t = totals(results);
  const failed = exitStatus(t, strict);
  if (text) io.stdout(formatSummaryText(t, failed === 1, paint));
  else if (format === 'json') io.stdout(formatJson(results, t));
  else io.stdout(formatSarif(results, { catalogue: await loadCatalogue(), version: packageVersion(), cwd: io.cwd }));
  return failed;
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

/** `--context FILE`: a JSON VDC description, parsed here so a bad file fails once, before any document. */
function readContext(io: Io, file: string): ValidateSettings['context'] {
  const abs = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`validate: --context ${file}: ${describeFsError(e)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as ValidateSettings['context'];
  } catch (e) {
    throw new UsageError(`validate: --context ${file}: not valid JSON (${oneLine(e)})`);
  }
}

/** `--max-size`: bytes, or with a binary suffix (`512k`, `64M`, `1G`; `KiB`/`MB`-style spellings accepted). */
function sizeOpt(flag: string, v: string): number {
  const m = /^(\d{1,15})\s*(?:([kmg])i?b?)?$/i.exec(v.trim());
  const n = m ? Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] ?? ' ').toLowerCase()) : NaN;
  if (!m || !(n >= 1) || n > Number.MAX_SAFE_INTEGER) throw new UsageError(`validate: ${flag} must be a size in bytes such as 1048576, 512k, 64M or 1G, got '${v}'`);
  return n;
}

/** `--max-depth`: a whole number of at least 1. */
function countOpt(flag: string, v: string): number {
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1) throw new UsageError(`validate: ${flag} must be a whole number of at least 1, got '${v}'`);
  return Number(v);
}

function jobsOpt(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,4}$/.test(v) || Number(v) < 1) throw new UsageError(`validate: --jobs must be a whole number of at least 1, got '${v}'`);
  return Number(v);
}
