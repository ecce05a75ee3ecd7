/**
 * `vmparams instant-clone validate|privileges|convert|send`: the CLI of the vSphere instant-clone
 * support (interface.md, "Instant clone"). The main dispatcher passes what follows `instant-clone`.
 * Exit status: 0 ok, 1 a document problem or a server-side failure, 2 the command could not run.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { boolOpt, choiceOpt, parseCommandArgs, stringOpt, type OptionSpec, type ParsedArgs } from './args.js';
import { colourEnabled, painter, type Paint } from './colour.js';
import { describeFsError, oneLine, UsageError } from './errors.js';
import { loadCatalogue } from './catalogue.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { packageVersion } from './version.js';
import { placeProblems } from '../vsphere/json-locate.js';
import { objectSchemas } from '../vsphere/schema.js';
import { exitStatus, totals, type FileResult, type SkippedFile } from './format/results.js';
import { formatFileText, formatSummaryText } from './format/text.js';
import { collectInputs, readInputFile, type Input as CliInput } from './inputs.js';
import type { Io } from './io.js';
import { escapeControls, jsonText, safeText } from './sanitize.js';
import { MAX_TIMEOUT_MS, parseServer } from '../vsphere/client.js';
import {
  ConvertError,
  InstantCloneError,
  LoginError,
  MAX_BODY_BYTES,
  ProtocolError,
  SpecValidationError,
  TimeoutError,
  TlsError,
  TransportError,
  UnauthorizedError,
  VapiError,
  convert,
  detectForm,
  parseJson,
  privilegeSet,
  privileges,
  send,
  validate,
  type BodyForm,
  type InstantCloneReport,
} from '../vsphere/index.js';

const PROG = 'vmparams instant-clone';

const HELP: Record<string, string> = {
  main: `Usage: ${PROG} <command> <spec.json|-> [options]

Work with vSphere Automation API instant-clone request bodies
(POST /api/vcenter/vm?action=instant-clone, or the deprecated /rest form).

Commands:
  validate <spec.json|->...  check a body; exit 1 if it has errors
  privileges <spec.json|->   list the vCenter privileges the spec needs, per resource
  convert <spec.json|->      print the body in the other form (--to api|rest)
  send <spec.json|->         create the instant clone on a vCenter and print the new VM id

Run '${PROG} <command> --help' for the options of a command.
`,
  validate: `Usage: ${PROG} validate <spec.json|dir|->... [--form api|rest] [--format text|json|sarif] [--strict]

Directories are searched for *.json files. Checks each body: required fields, JSON types, enum values, unknown fields, bios_uuid format,
device-key map keys and the rules between fields (mac_type/mac_address, backing types).
  --form api|rest     the body form expected (default: detected); a body in the other form is an error
  --format text|json|sarif  output format (default text)
  --strict            warnings also fail (exit 1)
Exit status: 0 valid, 1 a body has errors, 2 the command could not run.
`,
  privileges: `Usage: ${PROG} privileges <spec.json|-> [--form api|rest] [--format text|json]

Lists, per resource the spec references, the privileges the session's user needs on it.
Exit status: 0 ok, 1 the spec has errors (the list is still printed), 2 the command could not run.
`,
  convert: `Usage: ${PROG} convert <spec.json|-> --to api|rest [--form api|rest]

Prints the body in the given form: api = the bare spec with maps as objects; rest = {"spec": ...}
with maps as [{"key", "value"}] arrays.
`,
  send: `Usage: ${PROG} send <spec.json|-> --server URL [--form api|rest]
       [--session-id ID | --user NAME] [--ca FILE | --insecure] [--timeout SECONDS]

Validates the spec, then posts it to the endpoint of its form and prints the new VM's id.
  --server URL        vCenter, e.g. https://vc.example.com
  --session-id ID     use this session (header vmware-api-session-id)
  --user NAME         create a session (POST /api/session); the password is read from VMPARAMS_PASSWORD
  --ca FILE           trust the CA certificate(s) in FILE (PEM)
  --insecure          do not verify the server certificate (only on a network you trust)
  --timeout SECONDS   per request, 0.001 to 86400 (default 120); logout waits at most 5 s
Exit status: 0 created, 1 the spec is invalid or vCenter refused it, 2 the command could not run
(bad options, unreadable file, no connection, TLS failure, timeout).
`,
};

const FORMS = ['api', 'rest'] as const;

/** One spec read from the command line: shown name, where it came from, and its parsed JSON. */
interface Input extends CliInput {
  parsed: ReturnType<typeof parseJson>;
}

/**
 * A JSON file found by walking a directory is taken for a spec when it is an object with `source`
 * or a /rest `spec`, or with VM.InstantCloneSpec fields only; package.json, tsconfig.json or a golden
 * file are skipped. A file named on the command line is always checked.
 */
function notASpec(abs: string): string | undefined {
  try {
    if (statSync(abs).size > MAX_BODY_BYTES) return undefined;
    const value = JSON.parse(readFileSync(abs, 'utf8').replace(/^\uFEFF/, '')) as unknown;
    const fields = new Set(['spec', ...Object.keys(objectSchemas['VM.InstantCloneSpec'].shape)]);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const keys = Object.keys(value);
      // `source` (required) or `spec` (/rest) says "spec"; otherwise only spec fields may appear (package.json has `name` too).
      if (keys.includes('source') || keys.includes('spec') || (keys.length > 0 && keys.every((k) => fields.has(k)))) return undefined;
    }
    return 'not an instant-clone spec (no "source" or "spec", or fields VM.InstantCloneSpec does not have)';
  } catch {
    // Unreadable or not JSON: validate says what is wrong with it.
    return undefined;
  }
}

/** Resolve operands (files or `-`, no directories) and parse each as JSON; unreadable files exit 2. */
async function readInputs(command: string, operands: string[], io: Io): Promise<Input[]> {
  return parseInputs(command, await collectInputs(operands, io, { command }), io);
}

/** As readInputs, with directories walked for `*.json` (validate); also returns the files the walk skipped. */
async function readSpecs(command: string, operands: string[], io: Io): Promise<{ inputs: Input[]; skipped: SkippedFile[] }> {
  const all = await collectInputs(operands, io, { command, walkExtension: '.json', skip: notASpec });
  const skipped = all.filter((i) => i.skipped !== undefined).map((i) => ({ display: i.display, reason: i.skipped! }));
  return { inputs: parseInputs(command, all.filter((i) => i.skipped === undefined), io), skipped };
}

function parseInputs(command: string, inputs: CliInput[], io: Io): Input[] {
  return inputs.map((inp) => {
    if (inp.bytes) return { ...inp, parsed: parseJson(inp.bytes) };
    // Do not read a huge file just to refuse it: parseJson reports the size from a stand-in.
    if (statSync(inp.abs!).size > MAX_BODY_BYTES) return { ...inp, parsed: parseJson(new Uint8Array(MAX_BODY_BYTES + 1)) };
    const bytes = readInputFile(command, io, inp.abs!);
    return { ...inp, bytes, parsed: parseJson(bytes) };
  });
}

async function readOne(command: string, args: ParsedArgs, io: Io): Promise<Input> {
  if (args.positionals.length === 0) throw new UsageError(`${command}: give a spec file or '-' (see 'vmparams ${command} --help')`);
  if (args.positionals.length > 1) throw new UsageError(`${command}: takes one spec file, got ${args.positionals.length}`);
  return (await readInputs(command, args.positionals, io))[0]!;
}

/**
 * The problems of a report, with the JSON pointer added to each message: line and column are 0 for JSON.
 * Messages and pointers quote the body's keys and values, so their control characters are escaped
 * (a key holding `ESC [2J` must not clear the user's screen; issue 11 item 8).
 */
function withPaths(report: InstantCloneReport): InstantCloneReport {
  return { ...report, problems: report.problems.map((p) => ({ ...p, message: escapeControls(p.path ? `${p.message} (at ${p.path})` : p.message) })) };
}

/** The validate text lines of one spec (`file:line:column: severity rule: message (at /pointer)`). */
function problemText(input: Input, report: InstantCloneReport, paint: Paint): string {
  return formatFileText({ display: input.display, abs: input.abs, bytes: input.bytes, report: withPaths(report) }, { paint, frames: false });
}

function reportOf(input: Input, form: BodyForm | undefined): InstantCloneReport {
  if (!input.parsed.ok) return { kind: 'InstantCloneSpec', valid: false, problems: [input.parsed.problem], form: form ?? 'api' };
  const report = validate(input.parsed.value, { form });
  // The validator sees the parsed value; the line and column of each pointer come from the text.
  if (!input.bytes) return report;
  const placed = placeProblems(report.problems, new TextDecoder().decode(input.bytes)).sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...report, problems: placed };
}

function parse(command: string, args: string[], options: OptionSpec): ParsedArgs {
  try {
    return parseCommandArgs(command, args, options);
  } catch (e) {
    // parseArgs' "argument is ambiguous" message spans three lines and args.ts passes it on as is; keep ours to one.
    if (e instanceof UsageError && e.message.includes('\n')) throw new UsageError(e.message.replace(/\s*\n\s*/g, ' '));
    throw e;
  }
}

const noPaint: Paint = (_style, text) => text;

const C = {
  validate: 'instant-clone validate',
  privileges: 'instant-clone privileges',
  convert: 'instant-clone convert',
  send: 'instant-clone send',
} as const;

async function cmdValidate(argv: string[], io: Io): Promise<number> {
  const args = parse(C.validate, argv, {
    form: { type: 'string' },
    format: { type: 'string' },
    strict: { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (boolOpt(args, 'help')) return io.stdout(HELP.validate), 0;
  const form = stringOpt(args, 'form') === undefined ? undefined : choiceOpt(C.validate, args, 'form', FORMS, 'api');
  const format = choiceOpt(C.validate, args, 'format', ['text', 'json', 'sarif'] as const, 'text');
  if (args.positionals.length === 0) throw new UsageError(`${C.validate}: give at least one spec file or '-' (see 'vmparams ${C.validate} --help')`);
  const { inputs, skipped } = await readSpecs(C.validate, args.positionals, io);
  const reports = inputs.map((input) => reportOf(input, form));
  const t = totals(reports.map((report, i) => ({ display: inputs[i]!.display, report })));
  const failed = exitStatus(t, boolOpt(args, 'strict'));
  if (format === 'json') {
    // The very object XML validation prints (interface.md): same formatter, kind InstantCloneSpec.
    const results: FileResult[] = reports.map((report, i) => ({ display: inputs[i]!.display, report }));
    io.stdout(formatJson(results, t, skipped));
  } else if (format === 'sarif') {
    const results: FileResult[] = reports.map((report, i) => ({ display: inputs[i]!.display, abs: inputs[i]!.abs, report }));
    io.stdout(formatSarif(results, { catalogue: await loadCatalogue(), version: packageVersion(), cwd: io.cwd }));
  } else {
    const colourFlag = boolOpt(args, 'no-color') ? false : boolOpt(args, 'color') ? true : undefined;
    const paint = painter(colourEnabled(io, colourFlag));
    for (const [i, report] of reports.entries()) io.stdout(problemText(inputs[i]!, report, paint));
    io.stdout(formatSummaryText(t, failed === 1, paint, skipped, 'not instant-clone specs'));
  }
  return failed;
}

async function cmdPrivileges(argv: string[], io: Io): Promise<number> {
  const args = parse(C.privileges, argv, { form: { type: 'string' }, format: { type: 'string' } });
  if (boolOpt(args, 'help')) return io.stdout(HELP.privileges), 0;
  const form = stringOpt(args, 'form') === undefined ? undefined : choiceOpt(C.privileges, args, 'form', FORMS, 'api');
  const format = choiceOpt(C.privileges, args, 'format', ['text', 'json'] as const, 'text');
  const input = await readOne(C.privileges, args, io);
  const report = reportOf(input, form);
  io.stderr(problemText(input, report, noPaint));
  if (!input.parsed.ok) return 1;
  // Read references from the form the body is really in, even when --form disagrees (that is reported above).
  const list = privileges(input.parsed.value, detectForm(input.parsed.value));
  if (format === 'json') io.stdout(jsonText(list) + '\n');
  else {
    for (const r of list) io.stdout(escapeControls(`${r.field}: ${r.resourceType} ${r.resource}: ${r.privileges.join(', ')}`) + '\n');
    io.stdout(list.length ? `privileges needed: ${privilegeSet(list).join(', ')}\n` : 'the spec references no resources\n');
  }
  if (!report.valid) io.stderr(`${input.display}: the spec has errors; the list covers only the references that could be read\n`);
  return report.valid ? 0 : 1;
}

async function cmdConvert(argv: string[], io: Io): Promise<number> {
  const args = parse(C.convert, argv, { to: { type: 'string' }, form: { type: 'string' } });
  if (boolOpt(args, 'help')) return io.stdout(HELP.convert), 0;
  if (stringOpt(args, 'to') === undefined) throw new UsageError(`${C.convert}: give --to api or --to rest`);
  const to = choiceOpt(C.convert, args, 'to', FORMS, 'api');
  const form = stringOpt(args, 'form') === undefined ? undefined : choiceOpt(C.convert, args, 'form', FORMS, 'api');
  const input = await readOne(C.convert, args, io);
  if (!input.parsed.ok) {
    io.stderr(problemText(input, reportOf(input, form), noPaint));
    return 1;
  }
  const detected = detectForm(input.parsed.value);
  if (form && form !== detected) {
    io.stderr(`${input.display}: --form ${form} was given, but this is a${detected === 'api' ? 'n /api' : ' /rest'} body\n`);
    return 1;
  }
  if (detected === to) io.stderr(`${input.display}: already in the ${to} form; printed unchanged\n`);
  try {
    io.stdout(jsonText(convert(input.parsed.value, to, detected)) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof ConvertError) {
      io.stderr(`${input.display}: cannot convert: ${escapeControls(e.message)}\n`);
      return 1;
    }
    throw e;
  }
}

async function cmdSend(argv: string[], io: Io): Promise<number> {
  const args = parse(C.send, argv, {
    server: { type: 'string' },
    form: { type: 'string' },
    'session-id': { type: 'string' },
    user: { type: 'string' },
    ca: { type: 'string' },
    insecure: { type: 'boolean' },
    timeout: { type: 'string' },
  });
  if (boolOpt(args, 'help')) return io.stdout(HELP.send), 0;
  const fail = (msg: string) => new UsageError(`${C.send}: ${msg}`);
  const server = stringOpt(args, 'server');
  if (!server) throw fail('give --server URL');
  const form = stringOpt(args, 'form') === undefined ? undefined : choiceOpt(C.send, args, 'form', FORMS, 'api');
  const sessionId = stringOpt(args, 'session-id');
  const user = stringOpt(args, 'user');
  if (sessionId && user) throw fail('give either --session-id or --user, not both');
  if (!sessionId && !user) throw fail('give --session-id ID or --user NAME (with the password in VMPARAMS_PASSWORD)');
  const password = io.env.VMPARAMS_PASSWORD;
  if (user && (password === undefined || password === '')) throw fail(`set VMPARAMS_PASSWORD to the password of ${user}`);
  const caArg = stringOpt(args, 'ca');
  const insecure = boolOpt(args, 'insecure');
  if (caArg && insecure) throw fail('give either --ca or --insecure, not both');
  let ca: Buffer | undefined;
  if (caArg) {
    try {
      ca = await readFile(resolve(io.cwd, caArg));
    } catch (e) {
      throw fail(`--ca ${caArg}: ${describeFsError(e)}`);
    }
  }
  const timeoutMs = timeoutOpt(stringOpt(args, 'timeout'), fail);
  let serverUrl: URL;
  try {
    serverUrl = parseServer(server);
  } catch (e) {
    throw fail(`--server '${server}' is not a usable URL (${oneLine(e)})`);
  }

  const input = await readOne(C.send, args, io);
  const report = reportOf(input, form);
  io.stderr(problemText(input, report, noPaint));
  if (!report.valid || !input.parsed.ok) {
    io.stderr(`${input.display}: not sent: the spec has errors\n`);
    return 1;
  }
  // Everything the server says is printed through this: parsed fields only, secrets redacted, controls escaped.
  const secrets = [password, user !== undefined && password !== undefined ? `${user}:${password}` : undefined, sessionId].filter((x): x is string => !!x);
  const shown = (text: string) => safeText(text, secrets);
  if (user && serverUrl.protocol === 'http:') io.stderr(`warning: sending the password of ${user} over plain http\n`);
  try {
    const id = await send(input.parsed.value, {
      server: serverUrl,
      sessionId,
      user,
      password,
      ca,
      insecure,
      timeoutMs,
      form: report.form,
      validate: false, // validated above, with --form
    });
    io.stdout(`${id}\n`);
    return 0;
  } catch (e) {
    if (e instanceof LoginError) throw fail(`${shown(e.message)}; check --user and VMPARAMS_PASSWORD`);
    if (e instanceof VapiError) {
      io.stderr(`${input.display}: instant clone failed: ${shown(e.message)}\n`);
      if (e instanceof UnauthorizedError) io.stderr(`hint: 'vmparams ${C.privileges} ${input.abs ? input.display : '-'}' lists the privileges this spec needs\n`);
      return 1;
    }
    if (e instanceof TimeoutError) throw fail(`${shown(e.message)}; the clone may still have been created, check vCenter before retrying`);
    if (e instanceof TlsError) throw fail(`${shown(e.message)}; pass the vCenter CA certificate with --ca FILE, or use --insecure only on a network you trust`);
    if (e instanceof TransportError) throw fail(shown(e.message));
    if (e instanceof ProtocolError || e instanceof SpecValidationError) {
      io.stderr(`${input.display}: ${shown(e.message)}\n`);
      return 1;
    }
    if (e instanceof InstantCloneError || e instanceof TypeError || e instanceof RangeError) throw fail(shown(e.message));
    throw e;
  }
}

/**
 * `--timeout SECONDS`: a number of seconds that is a whole number of milliseconds from 1 ms to 24 h
 * (Node's timers overflow past 2^31-1 ms and then fire at once, with a TimeoutOverflowWarning).
 */
function timeoutOpt(t: string | undefined, fail: (msg: string) => UsageError): number {
  if (t === undefined) return 120_000;
  const bad = () => fail(`--timeout must be a positive number of seconds from 0.001 to ${MAX_TIMEOUT_MS / 1000} (at most 3 decimals), got '${escapeControls(t)}'`);
  if (!/^(\d{1,9}(\.\d{0,3})?|\.\d{1,3})$/.test(t.trim())) throw bad();
  const ms = Math.round(Number(t) * 1000);
  if (ms < 1 || ms > MAX_TIMEOUT_MS) throw bad();
  return ms;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  validate: cmdValidate,
  privileges: cmdPrivileges,
  convert: cmdConvert,
  send: cmdSend,
};

/** Run `vmparams instant-clone <args>`; returns the exit status (0, 1 or 2). Never throws. */
export async function runInstantClone(args: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = args;
  try {
    if (cmd === undefined) {
      io.stderr(HELP.main);
      return 2;
    }
    if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.stdout(HELP.main);
      return 0;
    }
    const run = COMMANDS[cmd];
    if (!run) throw new UsageError(`instant-clone: unknown command '${cmd}' (commands: ${Object.keys(COMMANDS).join(', ')}; see 'vmparams instant-clone --help')`);
    return await run(rest, io);
  } catch (e) {
    // One line, never a stack: usage errors read `instant-clone send: ...`, anything else is ours.
    io.stderr(e instanceof UsageError ? `vmparams ${escapeControls(e.message)}\n` : `vmparams instant-clone: internal error: ${escapeControls(oneLine(e))}\n`);
    return 2;
  }
}
