/**
 * `vmparams vcd send <file.xml|-> --server URL --to HREF [--api-version N.N] [--no-wait] [--force]
 * [--format text|json] [--context FILE] [--ovf FILE]` (interface.md, "Live Cloud Director"): versions
 * first (no login), then the same checks as `validate` at that version, and only then the login, the
 * POST and the task. stdout carries the result (the vApp href, or the JSON object); everything else,
 * progress included, goes to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiVersionOpt, boolOpt, choiceOpt, stringOpt, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { formatFileText } from '../format/text.js';
import { collectInputs, readInputFile } from '../inputs.js';
import type { Io } from '../io.js';
import { painter } from '../colour.js';
import { escapeControls } from '../sanitize.js';
import type { Report } from '../lib.js';
import { VCD_HELP } from './help.js';
import { connection, exitOf, failureLine, parseVcdArgs, type Connection } from './common.js';
import { connect, type SendResult } from '../../vcd/client.js';
import { describeServerError, VcdError } from '../../vcd/errors.js';
import type { TaskInfo } from '../../vcd/actions.js';
import { validate, type ValidateOptions } from '../../validate/index.js';
import { ContextError } from '../../validate/context.js';
import { ConfigError, loadSettings, parseRuleFlags, RuleLevelError, validateOptions, type RuleLevel, type Settings } from '../../config/index.js';

const CMD = 'vcd send';

/** The JSON object of `--format json` (interface.md). */
interface JsonResult {
  status: 'success' | 'error' | 'queued';
  task: string | null;
  vApp: string | null;
  error?: Record<string, unknown>;
  uploads?: { name: string; href: string }[];
}

/**
 * The settings `vmparams validate` would use here: the config file (found upward, `--config FILE`,
 * or none with `--no-config`) with `--api-version`, `--context`, `--strict` and `--rule` on top.
 */
function runSettings(args: ParsedArgs, io: Io): Settings {
  let rules: Record<string, RuleLevel>;
  try {
    rules = parseRuleFlags((args.values.rule as string[] | undefined) ?? []);
  } catch (e) {
    if (e instanceof RuleLevelError) throw new UsageError(`${CMD}: ${e.message}`);
    throw e;
  }
  try {
    return loadSettings({
      cwd: io.cwd,
      configPath: stringOpt(args, 'config'),
      noConfig: boolOpt(args, 'no-config'),
      flags: { apiVersion: apiVersionOpt(CMD, args), context: stringOpt(args, 'context'), strict: boolOpt(args, 'strict') || undefined, rules },
    });
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`${CMD}: ${e.message}`);
    throw e;
  }
}

/** Task progress on a terminal: one line on stderr, redrawn in place. */
function progressLine(io: Io, c: Connection): { onProgress?: (t: TaskInfo) => void; end: () => void } {
  if (!io.stderrIsTTY) return { end: () => undefined };
  let shown = false;
  return {
    onProgress: (t) => {
      shown = true;
      const pct = t.progress !== undefined ? ` ${t.progress}%` : '';
      io.stderr(`\r\x1b[K${c.shown(t.operation ?? 'task')}: ${c.shown(t.status)}${pct}`);
    },
    end: () => {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

/** Run `vmparams vcd send`. */
export async function runSend(argv: string[], io: Io): Promise<number> {
  const args = parseVcdArgs(CMD, argv, {
    to: { type: 'string' },
    'api-version': { type: 'string' },
    'no-wait': { type: 'boolean' },
    force: { type: 'boolean' },
    format: { type: 'string' },
    context: { type: 'string' },
    ovf: { type: 'string' },
    strict: { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
  });
  if (boolOpt(args, 'help')) return io.stdout(VCD_HELP.send!), 0;
  const format = choiceOpt(CMD, args, 'format', ['text', 'json'] as const, 'text');
  const to = stringOpt(args, 'to');
  if (!to) throw new UsageError(`${CMD}: give --to HREF (the VDC, or for RecomposeVAppParams the vApp)`);
  if (args.positionals.length !== 1) throw new UsageError(`${CMD}: give one document file or '-' (see 'vmparams ${CMD} --help')`);
  const c = connection(CMD, args, io, 'need');
  const settings = runSettings(args, io);
  // The config file's apiVersion counts as asked for, like --api-version: the server must offer it.
  if (settings.apiVersion !== undefined) c.options.apiVersion = settings.apiVersion;
  const ovf = stringOpt(args, 'ovf');
  if (ovf !== undefined && !fs.existsSync(path.resolve(io.cwd, ovf))) throw new UsageError(`${CMD}: --ovf ${ovf}: no such file or directory`);
  const [input] = await collectInputs(args.positionals, io, { command: CMD });
  const bytes = input!.bytes ?? readInputFile(CMD, io, input!.abs!);
  const display = input!.display;
  const json = (r: JsonResult) => io.stdout(JSON.stringify(r, null, 2) + '\n');

  let client: Awaited<ReturnType<typeof connect>> | undefined;
  try {
    client = await connect({ ...c.options, login: false });
    const apiVersion = client.apiVersion;
    // The same verdict as `vmparams validate --api-version <that> [--context FILE]`.
    let report: Report;
    try {
      // The context is the parsed file, unchecked: validate checks it (ContextError below).
      report = await validate(bytes, { ...validateOptions(settings), apiVersion } as ValidateOptions);
    } catch (e) {
      if (e instanceof ContextError) throw new UsageError(`${CMD}: ${settings.contextFile ? `${path.relative(io.cwd, settings.contextFile) || settings.contextFile}: ` : ''}${e.message}`);
      if (e instanceof RuleLevelError) throw new UsageError(`${CMD}: ${e.message}`);
      throw e;
    }
    const shownReport = { ...report, problems: report.problems.map((p) => ({ ...p, message: escapeControls(p.message) })) };
    io.stderr(formatFileText({ display, abs: input!.abs, bytes, report: shownReport }, { paint: painter(false), frames: false }));
    // As validate decides: errors fail; with strict (flag or config file) warnings fail too.
    const errors = report.problems.filter((p) => p.severity === 'error' || (settings.strict && p.severity === 'warning')).length;
    const what = settings.strict ? 'error or warning' : 'error';
    if (errors > 0 && !boolOpt(args, 'force')) {
      const why = `not sent: the document has ${errors} ${what}${errors === 1 ? '' : 's'} at API version ${apiVersion}${settings.strict ? ' (strict)' : ''} (--force sends it anyway)`;
      io.stderr(`${display}: ${why}\n`);
      if (format === 'json') json({ status: 'error', task: null, vApp: null, error: { message: why, problems: report.problems } });
      return 1;
    }
    if (errors > 0) io.stderr(`warning: ${display}: sending a document with ${errors} ${what}${errors === 1 ? '' : 's'} (--force)\n`);
    await client.login();
    const progress = progressLine(io, c);
    let result: SendResult;
    try {
      result = await client.send(bytes, {
        to,
        apiVersion,
        wait: !boolOpt(args, 'no-wait'),
        validate: false,
        ...(ovf !== undefined ? { ovf: path.resolve(io.cwd, ovf) } : {}),
        ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
      });
    } finally {
      progress.end();
    }
    const out = (s: string | undefined) => (s === undefined ? null : c.shown(s));
    if (format === 'json') {
      json({ status: result.status, task: out(result.task), vApp: out(result.vApp), ...(result.uploads ? { uploads: result.uploads.map((u) => ({ name: c.shown(u.name), href: c.shown(u.href) })) } : {}) });
    } else if (result.uploads) {
      io.stdout(`vApp ${out(result.vApp) ?? '?'}\n`);
      for (const u of result.uploads) io.stdout(`upload ${c.shown(u.name)} ${c.shown(u.href)}\n`);
      io.stderr(`${display}: the server waits for the OVF descriptor and its files (upload them to the links above, or send again with --ovf FILE)\n`);
    } else if (result.status === 'queued') {
      if (result.task) io.stdout(`task ${out(result.task)}\n`);
      if (result.vApp) io.stdout(`vApp ${out(result.vApp)}\n`);
    } else {
      io.stdout(`${out(result.vApp) ?? out(result.task) ?? ''}\n`);
    }
    if (result.uploaded && io.stderrIsTTY) for (const f of result.uploaded) io.stderr(`uploaded ${c.shown(f.name)} (${f.bytes} bytes)\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof VcdError)) throw e;
    if (exitOf(e, true) === 2) {
      io.stderr(failureLine(CMD, e));
      return 2;
    }
    printRefusal(io, c, display, e);
    if (format === 'json') {
      json({
        status: 'error',
        task: e.task ? c.shown(e.task) : null,
        vApp: e.vApp ? c.shown(e.vApp) : null,
        error: {
          ...(e.majorErrorCode !== undefined ? { majorErrorCode: e.majorErrorCode } : e.status !== undefined ? { majorErrorCode: e.status } : {}),
          ...(e.minorErrorCode ? { minorErrorCode: e.minorErrorCode } : {}),
          message: e.serverMessage !== undefined ? c.shown(e.serverMessage) : escapeControls(e.message),
          ...(e.place ? { file: display, line: e.place.line, column: e.place.column, path: c.shown(e.place.path), element: c.shown(e.place.element) } : {}),
        },
      });
    }
    return 1;
  } finally {
    await client?.close();
  }
}

/** The server's refusal: `file:line:column: error server: CODE (status): message`, then the task line. */
function printRefusal(io: Io, c: Connection, display: string, e: VcdError): void {
  const where = e.place ? `${display}:${e.place.line}:${e.place.column}` : display;
  // The server's own words when it sent an <Error>; else what went wrong (status, the request).
  const said = e.kind === 'http' && (e.serverMessage || e.minorErrorCode) ? describeServerError({ majorErrorCode: e.majorErrorCode ?? e.status, minorErrorCode: e.minorErrorCode, message: e.serverMessage }) : e.message;
  io.stderr(`${where}: error server: ${said === e.message ? escapeControls(said) : c.shown(said)}\n`);
  if (e.task) io.stderr(`${display}: task ${c.shown(e.task)}${e.vApp ? ` (vApp ${c.shown(e.vApp)})` : ''}\n`);
}
