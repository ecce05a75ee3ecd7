/**
 * What every `vmparams vcd` command shares: the connection and login options, the credentials from
 * the environment (VMPARAMS_VCD_PASSWORD, VMPARAMS_VCD_TOKEN; never a flag, so they stay out of
 * shell history and `ps`), the one-line failures, and the redaction of everything printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiVersionOpt, boolOpt, parseCommandArgs, stringOpt, type OptionSpec, type ParsedArgs } from '../args.js';
import { describeFsError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { escapeControls, safeText } from '../sanitize.js';
import type { ConnectOptions } from '../../vcd/client.js';
import { VcdError } from '../../vcd/errors.js';

/** The options of every subcommand. */
export const COMMON: OptionSpec = {
  server: { type: 'string' },
  org: { type: 'string' },
  user: { type: 'string' },
  token: { type: 'boolean' },
  provider: { type: 'boolean' },
  ca: { type: 'string' },
  insecure: { type: 'boolean' },
  timeout: { type: 'string' },
};

/** Longest accepted --timeout (24 h): Node's timers overflow past 2^31-1 ms. */
const MAX_TIMEOUT_MS = 86_400_000;

/** Parse a subcommand's arguments (`vcd send`); parseArgs' multi-line messages become one line. */
export function parseVcdArgs(command: string, argv: string[], extra: OptionSpec): ParsedArgs {
  try {
    return parseCommandArgs(command, argv, { ...COMMON, ...extra });
  } catch (e) {
    if (e instanceof UsageError && e.message.includes('\n')) throw new UsageError(e.message.replace(/\s*\n\s*/g, ' '));
    throw e;
  }
}

/** A parsed command line turned into connect options, plus the secrets to keep out of every output. */
export interface Connection {
  options: ConnectOptions;
  secrets: string[];
  /** Outside text made printable: secrets redacted, controls escaped. */
  shown: (text: string) => string;
}

/** `--timeout SECONDS` as whole milliseconds from 1 ms to 24 h. */
function timeoutMs(command: string, t: string | undefined): number {
  if (t === undefined) return 60_000;
  const bad = () => new UsageError(`${command}: --timeout must be a positive number of seconds from 0.001 to ${MAX_TIMEOUT_MS / 1000} (at most 3 decimals), got '${safeText(t)}'`);
  if (!/^(\d{1,9}(\.\d{0,3})?|\.\d{1,3})$/.test(t.trim())) throw bad();
  const ms = Math.round(Number(t) * 1000);
  if (ms < 1 || ms > MAX_TIMEOUT_MS) throw bad();
  return ms;
}

/**
 * Connect options from the command line and environment. `login`: 'need' (send, context),
 * 'optional' (schemas: only when credentials are given), 'none' (versions). Throws UsageError.
 */
export function connection(command: string, args: ParsedArgs, io: Io, login: 'need' | 'optional' | 'none'): Connection {
  const fail = (msg: string) => new UsageError(`${command}: ${msg}`);
  const server = stringOpt(args, 'server');
  if (!server) throw fail(`give --server URL (see 'vmparams ${command} --help')`);
  const user = stringOpt(args, 'user');
  const useToken = boolOpt(args, 'token');
  const provider = boolOpt(args, 'provider');
  const org = stringOpt(args, 'org') ?? (provider ? 'System' : undefined);
  if (user !== undefined && useToken) throw fail('give either --user or --token, not both');
  const options: ConnectOptions = { server, timeoutMs: timeoutMs(command, stringOpt(args, 'timeout')), env: io.env, provider };
  const secrets: string[] = [];
  if (login !== 'none' && (user !== undefined || useToken || login === 'need')) {
    if (user === undefined && !useToken) throw fail('give --user NAME (password in VMPARAMS_VCD_PASSWORD) or --token (API token in VMPARAMS_VCD_TOKEN)');
    if (org === undefined) throw fail('give --org ORG (or --provider for the System org)');
    options.org = org;
    if (useToken) {
      const token = io.env.VMPARAMS_VCD_TOKEN;
      if (!token) throw fail('set VMPARAMS_VCD_TOKEN to the API token');
      options.token = token;
      secrets.push(token);
    } else {
      const password = io.env.VMPARAMS_VCD_PASSWORD;
      if (password === undefined || password === '') throw fail(`set VMPARAMS_VCD_PASSWORD to the password of ${user}`);
      options.user = user;
      options.password = password;
      secrets.push(password, `${user}@${org}:${password}`, `${user}:${password}`);
    }
  }
  const ca = stringOpt(args, 'ca');
  const insecure = boolOpt(args, 'insecure');
  if (ca !== undefined && insecure) throw fail('give either --ca or --insecure, not both');
  if (ca !== undefined) {
    try {
      options.ca = readFileSync(path.resolve(io.cwd, ca));
    } catch (e) {
      throw fail(`--ca ${ca}: ${describeFsError(e)}`);
    }
    if (!/-----BEGIN CERTIFICATE-----/.test(Buffer.from(options.ca).toString('latin1'))) throw fail(`--ca ${ca}: no PEM certificate in the file (expected -----BEGIN CERTIFICATE-----)`);
  }
  if (insecure) options.insecure = true;
  const shown = (text: string) => safeText(text, secrets);
  const apiVersion = args.values['api-version'] !== undefined ? apiVersionOpt(command, args) : undefined;
  if (apiVersion) options.apiVersion = apiVersion;
  warnings(command, options, io);
  return { options, secrets, shown };
}

/** Say on stderr what weakens the connection: no certificate check, credentials over plain http. */
function warnings(command: string, o: ConnectOptions, io: Io): void {
  let host = String(o.server);
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`).host;
  } catch {
    return; // connect reports the bad URL
  }
  const credential = o.token !== undefined ? 'the API token' : o.password !== undefined ? 'the password' : undefined;
  if (o.insecure) io.stderr(`warning: ${command}: --insecure: the certificate of ${host} is not checked${credential ? `; ${credential} can be read by anyone on the path` : ''}\n`);
  if (credential && /^http:/i.test(String(o.server))) io.stderr(`warning: ${command}: sending ${credential} over plain http\n`);
}

/** The exit status of a VcdError: 1 when the document or the server's verdict on it is the problem, else 2. */
export function exitOf(e: VcdError, sending: boolean): 1 | 2 {
  return sending && (e.kind === 'http' || e.kind === 'task' || e.kind === 'invalid') ? 1 : 2;
}

/**
 * The one line for a failure that ends a command with exit 2, with advice where there is one.
 * The library has redacted what the server said inside the message already; here only controls are
 * escaped, since redacting our own words would give a password away ("[redacted] credentials").
 */
export function failureLine(command: string, e: VcdError): string {
  let advice = '';
  if (e.kind === 'tls') advice = '; pass its CA certificate with --ca FILE, or use --insecure only on a network you trust';
  else if (e.kind === 'login') advice = '; check --org, --user and VMPARAMS_VCD_PASSWORD (or VMPARAMS_VCD_TOKEN)';
  else if (e.kind === 'timeout') advice = '; raise --timeout, or check the server';
  return `vmparams ${command}: ${escapeControls(e.message)}${advice}\n`;
}

/** Run a subcommand body: a VcdError becomes one line and its exit status; usage errors pass to the dispatcher. */
export async function guarded(command: string, io: Io, body: () => Promise<number>, sending = false): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (!(e instanceof VcdError)) throw e;
    io.stderr(failureLine(command, e));
    return exitOf(e, sending) === 1 ? 1 : 2;
  }
}
