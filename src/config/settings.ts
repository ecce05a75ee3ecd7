/**
 * The effective settings of one run: the config file (found upward from the working directory, or
 * `--config FILE`, or none with `--no-config`) with the command-line flags on top (flags win,
 * interface.md). One function for every command that validates: `validate`, `vcd send` ("the same
 * checks as validate, config file included"), the language server (per document folder), and `fmt`
 * for its own settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../cli/errors.js';
import { ConfigError, findConfigFile, readConfigFile, type ConfigFile } from './file.js';
import type { RuleLevel } from './levels.js';

/** Settings given on the command line (or by an editor); every one wins over the config file. */
export interface SettingsFlags {
  /** `--api-version N.N` (checked by the caller). */
  apiVersion?: string;
  /** `--context FILE`, relative to `cwd`. */
  context?: string;
  /** `--strict`: only `true` overrides (there is no `--no-strict`). */
  strict?: boolean;
  /** `--rule ID=LEVEL`, already parsed (levels.ts parseRuleFlag); merged over the file's `rules`. */
  rules?: Readonly<Record<string, RuleLevel>>;
  /** fmt's `--print-width N`. */
  printWidth?: number;
}

/** Options for loadSettings. */
export interface LoadSettingsOptions {
  /** Where the lookup starts and what relative flag paths are relative to. */
  cwd: string;
  /** `--config FILE` (relative to cwd): use this file instead of looking one up. */
  configPath?: string;
  /** `--no-config`: use no config file at all. */
  noConfig?: boolean;
  flags?: SettingsFlags;
}

/** Globs and the directory they are relative to. */
export interface IgnoreGlobs {
  base: string;
  patterns: readonly string[];
}

/** What a run uses, merged. */
export interface Settings {
  /** The config file in use, if any. */
  config?: ConfigFile;
  apiVersion?: string;
  /** The VDC description, parsed (JSON), and the file it came from. */
  context?: unknown;
  contextFile?: string;
  strict: boolean;
  /** Rule levels: the file's, then the flags'. */
  rules: Record<string, RuleLevel>;
  /** The config file's `ignore` globs (relative to its directory); empty without a file. */
  ignore: IgnoreGlobs[];
  /** fmt's print width (`--print-width`, else the file's `printWidth`); undefined: fmt's default. */
  printWidth?: number;
}

/** A path as messages show it: relative to `cwd` when that is shorter. */
function shown(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return rel !== '' && rel.length < abs.length ? rel : abs;
}

/**
 * The settings for a run. Throws ConfigError, one line naming the file and the field: a config file
 * that cannot be read or checked, or a context file (from the config or `--context`) that cannot be
 * read or is not JSON.
 */
export function loadSettings(opts: LoadSettingsOptions): Settings {
  const { cwd, flags = {} } = opts;
  let config: ConfigFile | undefined;
  if (opts.configPath !== undefined && opts.noConfig) {
    throw new ConfigError('--config and --no-config cannot be used together', path.resolve(cwd, opts.configPath));
  }
  if (opts.configPath !== undefined) {
    const abs = path.resolve(cwd, opts.configPath);
    config = readConfigFile(abs, opts.configPath);
  } else if (!opts.noConfig) {
    const found = findConfigFile(cwd);
    if (found) config = readConfigFile(found, shown(cwd, found));
  }
  const data = config?.data ?? {};
  const settings: Settings = {
    strict: flags.strict === true || data.strict === true,
    rules: { ...data.rules, ...flags.rules },
    ignore: config && data.ignore?.length ? [{ base: config.dir, patterns: data.ignore }] : [],
  };
  if (config) settings.config = config;
  const printWidth = flags.printWidth ?? data.printWidth;
  if (printWidth !== undefined) settings.printWidth = printWidth;
  const apiVersion = flags.apiVersion ?? data.apiVersion;
  if (apiVersion !== undefined) settings.apiVersion = apiVersion;
  if (flags.context !== undefined) {
    const abs = path.resolve(cwd, flags.context);
    settings.contextFile = abs;
    settings.context = readJson(abs, `--context ${flags.context}`);
  } else if (config && data.context !== undefined) {
    const abs = path.resolve(config.dir, data.context);
    settings.contextFile = abs;
    settings.context = readJson(abs, `${shown(cwd, config.file)}: context: ${data.context}`, config.file);
  }
  return settings;
}

/** The library's validate options for these settings (`validate(xml, validateOptions(settings))`). */
export function validateOptions(settings: Settings): { apiVersion?: string; context?: unknown; rules?: Record<string, RuleLevel> } {
  const o: { apiVersion?: string; context?: unknown; rules?: Record<string, RuleLevel> } = {};
  if (settings.apiVersion !== undefined) o.apiVersion = settings.apiVersion;
  if (settings.context !== undefined) o.context = settings.context;
  if (Object.keys(settings.rules).length > 0) o.rules = settings.rules;
  return o;
}

/** Read a JSON file once, up front, so a bad file fails before any document is read. */
function readJson(abs: string, label: string, blame: string = abs): unknown {
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ConfigError(`${label}: ${describeFsError(e)}`, blame, 'context');
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new ConfigError(`${label}: not valid JSON (${(e as Error).message.split('\n')[0]})`, blame, 'context');
  }
}
