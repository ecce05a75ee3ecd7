/**
 * `vmparams instant-clone validate|privileges|convert|send`: the CLI of the vSphere instant-clone
 * support (interface.md, "Instant clone"). The main dispatcher passes what follows `instant-clone`.
 * Exit status: 0 ok, 1 a document problem or a server-side failure, 2 the command could not run.
 */
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from './io.js';
import type { Problem } from '../validate/problem.js';
import {
  ConvertError,
  InstantCloneError,
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
  validate: `Usage: ${PROG} validate <spec.json|->... [--form api|rest] [--format text|json] [--strict]

Checks each body: required fields, JSON types, enum values, unknown fields, bios_uuid format,
device-key map keys and the rules between fields (mac_type/mac_address, backing types).
  --form api|rest     the body form expected (default: detected); a body in the other form is an error
  --format text|json  output format (default text)
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
  --timeout SECONDS   per request (default 120)
Exit status: 0 created, 1 the spec is invalid or vCenter refused it, 2 the command could not run
(bad options, unreadable file, no connection, TLS failure, timeout).
`,
};

/** A failure that stops the command with exit 2 and one line on stderr. */
class UsageError extends Error {}

interface Input {
  /** Name shown in messages: the path relative to cwd, or `<stdin>`. */
  name: string;
  /** Parsed body, or the problem that stopped parsing. */
  parsed: ReturnType<typeof parseJson>;
}

async function readInput(arg: string, io: Io): Promise<Input> {
  if (arg === '-') return { name: '<stdin>', parsed: parseJson(await io.readStdin()) };
  const abs = resolve(io.cwd, arg);
  const name = relative(io.cwd, abs) || arg;
  let size: number;
  try {
    const st = await stat(abs);
    if (st.isDirectory()) throw new UsageError(`${arg} is a directory; give a JSON file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${arg}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  // Do not read a huge file just to refuse it.
  if (size > MAX_BODY_BYTES) return { name, parsed: parseJson(new Uint8Array(MAX_BODY_BYTES + 1)) };
  try {
    return { name, parsed: parseJson(new Uint8Array(await readFile(abs))) };
  } catch (e) {
    throw new UsageError(`cannot read ${arg}: ${(e as Error).message}`);
  }
}

function formOption(v: string | undefined, flag: string): BodyForm | undefined {
  if (v === undefined) return undefined;
  if (v !== 'api' && v !== 'rest') throw new UsageError(`${flag} must be api or rest, not ${JSON.stringify(v)}`);
  return v;
}

function formatOption(v: string | undefined): 'text' | 'json' {
  if (v === undefined || v === 'text' || v === 'json') return v ?? 'text';
  throw new UsageError(`--format must be text or json, not ${JSON.stringify(v)}`);
}

/** `file:line:column: severity rule: message (at /pointer)`, as tsc and eslint's unix format. */
function problemLine(file: string, p: Problem): string {
  return `${file}:${p.line}:${p.column}: ${p.severity} ${p.rule}: ${p.message}${p.path ? ` (at ${p.path})` : ''}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryLine(files: number, errors: number, warnings: number): string {
  const total = errors + warnings;
  if (total === 0) return `✔ ${plural(files, 'file')} checked, no problems\n`;
  return `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')}\n`;
}

function reportOf(input: Input, form: BodyForm | undefined): InstantCloneReport {
  if (!input.parsed.ok) return { kind: 'InstantCloneSpec', valid: false, problems: [input.parsed.problem], form: form ?? 'api' };
  return validate(input.parsed.value, { form });
}

type Parsed = ReturnType<typeof parseArgs>;

function parse(args: string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']): Parsed {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs messages may span lines ("... is ambiguous.\nDid you forget ..."): keep them on one line.
    throw new UsageError((e as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).join(' '));
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function oneFile(positionals: string[], cmd: string): string {
  if (positionals.length === 0) throw new UsageError(`${cmd} needs a spec file (or - for standard input)`);
  if (positionals.length > 1) throw new UsageError(`${cmd} takes one spec file, got ${positionals.length}`);
  return positionals[0];
}

async function cmdValidate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { form: { type: 'string' }, format: { type: 'string' }, strict: { type: 'boolean' } });
  if (values.help) return io.stdout(HELP.validate), 0;
  const form = formOption(str(values.form), '--form');
  const format = formatOption(str(values.format));
  if (positionals.length === 0) throw new UsageError('validate needs at least one spec file (or - for standard input)');
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const inputs: Input[] = [];
  for (const p of positionals) inputs.push(await readInput(p, io));
  const results = inputs.map((input) => ({ input, report: reportOf(input, form) }));
  let errors = 0;
  let warnings = 0;
  let failed = false;
  for (const { report } of results) {
    const e = report.problems.filter((p) => p.severity === 'error').length;
    const w = report.problems.filter((p) => p.severity === 'warning').length;
    errors += e;
    warnings += w;
    if (e > 0 || (values.strict && w > 0)) failed = true;
  }
  if (format === 'json') {
    const files = results.map(({ input, report }) => ({ file: input.name, kind: report.kind, form: report.form, valid: report.valid, problems: report.problems }));
    const summary = { files: files.length, valid: files.filter((f) => f.valid).length, errors, warnings };
    io.stdout(JSON.stringify({ files, summary }, null, 2) + '\n');
  } else {
    for (const { input, report } of results) for (const p of report.problems) io.stdout(problemLine(input.name, p));
    io.stdout(summaryLine(results.length, errors, warnings));
  }
  return failed ? 1 : 0;
}

async function cmdPrivileges(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { form: { type: 'string' }, format: { type: 'string' } });
  if (values.help) return io.stdout(HELP.privileges), 0;
  const form = formOption(str(values.form), '--form');
  const format = formatOption(str(values.format));
  const input = await readInput(oneFile(positionals, 'privileges'), io);
  const report = reportOf(input, form);
  for (const p of report.problems) io.stderr(problemLine(input.name, p));
  if (!input.parsed.ok) return 1;
  // Read references from the form the body is really in, even when --form disagrees (that is reported above).
  const list = privileges(input.parsed.value, detectForm(input.parsed.value));
  if (format === 'json') io.stdout(JSON.stringify(list, null, 2) + '\n');
  else {
    for (const r of list) io.stdout(`${r.field}: ${r.resourceType} ${r.resource}: ${r.privileges.join(', ')}\n`);
    io.stdout(list.length ? `privileges needed: ${privilegeSet(list).join(', ')}\n` : 'the spec references no resources\n');
  }
  if (!report.valid) io.stderr(`${input.name}: the spec has errors; the list covers only the references that could be read\n`);
  return report.valid ? 0 : 1;
}

async function cmdConvert(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { to: { type: 'string' }, form: { type: 'string' } });
  if (values.help) return io.stdout(HELP.convert), 0;
  const to = formOption(str(values.to), '--to');
  if (!to) throw new UsageError('convert needs --to api or --to rest');
  const form = formOption(str(values.form), '--form');
  const input = await readInput(oneFile(positionals, 'convert'), io);
  if (!input.parsed.ok) {
    io.stderr(problemLine(input.name, input.parsed.problem));
    return 1;
  }
  const detected = detectForm(input.parsed.value);
  if (form && form !== detected) {
    io.stderr(`${input.name}: --form ${form} was given, but this is a${detected === 'api' ? 'n /api' : ' /rest'} body\n`);
    return 1;
  }
  if (detected === to) io.stderr(`${input.name}: already in the ${to} form; printed unchanged\n`);
  try {
    io.stdout(JSON.stringify(convert(input.parsed.value, to, detected), null, 2) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof ConvertError) {
      io.stderr(`${input.name}: cannot convert: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

async function cmdSend(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    server: { type: 'string' },
    form: { type: 'string' },
    'session-id': { type: 'string' },
    user: { type: 'string' },
    ca: { type: 'string' },
    insecure: { type: 'boolean' },
    timeout: { type: 'string' },
  });
  if (values.help) return io.stdout(HELP.send), 0;
  const server = str(values.server);
  if (!server) throw new UsageError('send needs --server URL');
  const form = formOption(str(values.form), '--form');
  const sessionId = str(values['session-id']);
  const user = str(values.user);
  if (sessionId && user) throw new UsageError('give either --session-id or --user, not both');
  if (!sessionId && !user) throw new UsageError('send needs --session-id ID or --user NAME (with the password in VMPARAMS_PASSWORD)');
  const password = io.env.VMPARAMS_PASSWORD;
  if (user && (password === undefined || password === '')) throw new UsageError(`set VMPARAMS_PASSWORD to the password of ${user}`);
  const caArg = str(values.ca);
  if (caArg && values.insecure) throw new UsageError('give either --ca or --insecure, not both');
  let ca: Buffer | undefined;
  if (caArg) {
    try {
      ca = await readFile(resolve(io.cwd, caArg));
    } catch (e) {
      throw new UsageError(`cannot read --ca ${caArg}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  }
  let timeoutMs = 120_000;
  const t = str(values.timeout);
  if (t !== undefined) {
    const n = Number(t);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not ${JSON.stringify(t)}`);
    timeoutMs = Math.round(n * 1000);
  }
  let serverUrl: URL;
  try {
    serverUrl = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(server) ? server : `https://${server}`);
    if (serverUrl.protocol !== 'https:' && serverUrl.protocol !== 'http:') throw new Error(`unsupported scheme ${serverUrl.protocol}`);
  } catch (e) {
    throw new UsageError(`--server ${JSON.stringify(server)} is not a usable URL (${(e as Error).message})`);
  }

  const input = await readInput(oneFile(positionals, 'send'), io);
  const report = reportOf(input, form);
  for (const p of report.problems) io.stderr(problemLine(input.name, p));
  if (!report.valid || !input.parsed.ok) {
    io.stderr(`${input.name}: not sent: the spec has errors\n`);
    return 1;
  }
  if (user && serverUrl.protocol === 'http:') io.stderr(`warning: sending the password of ${user} over plain http\n`);
  try {
    const id = await send(input.parsed.value, {
      server: serverUrl,
      sessionId,
      user,
      password,
      ca,
      insecure: Boolean(values.insecure),
      timeoutMs,
      form: report.form,
      validate: false, // validated above, with --form
    });
    io.stdout(`${id}\n`);
    return 0;
  } catch (e) {
    if (e instanceof VapiError) {
      io.stderr(`${input.name}: instant clone failed: ${e.message}\n`);
      if (e instanceof UnauthorizedError) io.stderr(`hint: '${PROG} privileges ${input.name === '<stdin>' ? '-' : input.name}' lists the privileges this spec needs\n`);
      return 1;
    }
    if (e instanceof TimeoutError) {
      throw new UsageError(`${e.message}; the clone may still have been created, check vCenter before retrying`);
    }
    if (e instanceof TlsError) {
      throw new UsageError(`${e.message}; pass the vCenter CA certificate with --ca FILE, or use --insecure only on a network you trust`);
    }
    if (e instanceof TransportError) throw new UsageError(e.message);
    if (e instanceof ProtocolError || e instanceof SpecValidationError) {
      io.stderr(`${input.name}: ${e.message}\n`);
      return 1;
    }
    if (e instanceof InstantCloneError || e instanceof TypeError) throw new UsageError(e.message);
    throw e;
  }
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
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      if (cmd === undefined) {
        io.stderr(HELP.main);
        return 2;
      }
      io.stdout(HELP.main);
      return 0;
    }
    const run = COMMANDS[cmd];
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(cmd)}; expected validate, privileges, convert or send`);
    return await run(rest, io);
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
    io.stderr(`${PROG}${cmd && COMMANDS[cmd] ? ' ' + cmd : ''}: ${msg}\n`);
    return 2;
  }
}
