/**
 * Command-line parsing on node:util parseArgs (strict: unknown options are errors), with parseArgs'
 * long messages rewritten as one short line that says what to run for help.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** Option declarations as node:util parseArgs takes them. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parsed arguments: option values by name and the positional arguments in order. */
export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** Parse `args` for `command` (e.g. `validate`); every command also takes `-h`/`--help`. Throws UsageError. */
export function parseCommandArgs(command: string, args: string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: { ...values }, positionals };
  } catch (e) {
    throw new UsageError(`${command}: ${describeArgError(e)} (see 'vmparams ${command} --help')`);
  }
}

function describeArgError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? String(e);
  // Node names an option with a short form as '-o, --output <value>': show the long name.
  const name = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${name ?? message}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(message)) return `option '${name}' needs a value`;
      if (/does not take an argument/.test(message)) return `option '${name}' does not take a value`;
      // parseArgs explains this over three lines; one is enough.
      if (/argument is ambiguous/.test(message)) return `option '${name}' needs a value; to give one that starts with '-', write ${name}=VALUE`;
      return message;
    default:
      return message;
  }
}

/** A string option's value (the last one when repeated). */
export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** A boolean option's value (false when absent). */
export function boolOpt(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A string option that must be one of `choices`; throws UsageError naming the choices otherwise. */
export function choiceOpt<const C extends string>(command: string, args: ParsedArgs, name: string, choices: readonly C[], fallback: C): C {
  const v = stringOpt(args, name);
  if (v === undefined) return fallback;
  if ((choices as readonly string[]).includes(v)) return v as C;
  throw new UsageError(`${command}: --${name} must be ${orList(choices)}, got '${v}'`);
}

/** `--api-version N.N` (Cloud Director API versions are `major.minor`, e.g. `36.0`). */
export function apiVersionOpt(command: string, args: ParsedArgs): string | undefined {
  const v = stringOpt(args, 'api-version');
  if (v === undefined) return undefined;
  if (!/^\d{1,3}\.\d{1,3}$/.test(v)) throw new UsageError(`${command}: --api-version must look like 36.0 (major.minor), got '${v}'`);
  return v;
}

/** `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
