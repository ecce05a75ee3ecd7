/**
 * Finding and reading `vmparams.config.json` (interface.md "Configuring the rules"): the nearest one
 * from a directory upward, or a file given by name. A file that is not JSON, has an unknown field or
 * a bad value throws ConfigError naming the file, the position and the field, so the CLI can print
 * one line and exit 2 and the language server can show it on the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../cli/errors.js';
import { JsonPositions } from '../vsphere/json-locate.js';
import { jsonErrorOffset } from '../vsphere/json-position.js';
import { FIELDS, type FieldName } from './fields.js';
import { closest, type RuleLevel } from './levels.js';

/** The name looked for in each directory. */
export const CONFIG_FILE_NAME = 'vmparams.config.json';

/** The settings a config file holds, checked (every field optional). */
export interface ConfigData {
  $schema?: string;
  apiVersion?: string;
  context?: string;
  strict?: boolean;
  rules?: Record<string, RuleLevel>;
  ignore?: string[];
  /** fmt's print width. */
  printWidth?: number;
}

/** A config file as read: where it is and what it says. */
export interface ConfigFile {
  /** Absolute path. */
  file: string;
  /** Its directory: the base of `context` and `ignore`. */
  dir: string;
  data: ConfigData;
}

/** A config file that cannot be used; `message` is one line: `file[:line:column]: field: what is wrong`. */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** Absolute path of the config file. */
    readonly file: string,
    /** The field at fault, as written in the message (`rules["nic/x"]`); undefined for a file-level fault. */
    readonly field?: string,
    readonly line = 0,
    readonly column = 0,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The nearest config file in `dir` or a directory above it, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; ) {
    const candidate = path.join(d, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here (or unreadable as a directory entry): keep going up, as eslint's lookup does.
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** `rules["nic/x"]`, `ignore[2]`, `strict`: a field path as a JavaScript reader would write it. */
function fieldLabel(name: string, at: readonly (string | number)[]): string {
  return name + at.map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('');
}

/**
 * Read and check one config file. `shown` is how the file is named in messages (default: the path
 * as given). Throws ConfigError (unreadable, not JSON, not an object, unknown field, bad value).
 */
export function readConfigFile(file: string, shown: string = file): ConfigFile {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ConfigError(`${shown}: ${describeFsError(e)}`, abs);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ConfigError(`${shown}: the file is empty; a config file is a JSON object such as { "rules": {} }`, abs);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const before = text.slice(0, Math.max(0, offset));
    const line = offset >= 0 ? before.split('\n').length : 0;
    const column = offset >= 0 ? offset - before.lastIndexOf('\n') : 0;
    const where = line > 0 ? `:${line}:${column}` : '';
    // Node's wording ends with "in JSON at position N (line L column C)": the position is given already.
    const reason = (e as Error).message.split('\n')[0]!.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    throw new ConfigError(`${shown}${where}: not valid JSON (${reason})`, abs, undefined, line, column);
  }
  const positions = JsonPositions.of(text);
  const at = (pointer: string) => {
    const p = positions.locate(pointer);
    return p ? { where: `:${p.line}:${p.column}`, line: p.line, column: p.column } : { where: '', line: 0, column: 0 };
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${shown}${at('').where}: must be a JSON object such as { "rules": { "nic/adapter-type": "off" } }`, abs);
  }
  const names = Object.keys(FIELDS);
  for (const [name, v] of Object.entries(value)) {
    const ptr = '/' + name.replace(/~/g, '~0').replace(/\//g, '~1');
    if (!Object.prototype.hasOwnProperty.call(FIELDS, name)) {
      const close = closest(name, names);
      const p = at(ptr);
      throw new ConfigError(`${shown}${p.where}: ${JSON.stringify(name)}: unknown field${close ? `; did you mean "${close}"?` : ''} (fields: ${names.filter((n) => n !== '$schema').join(', ')})`, abs, name, p.line, p.column);
    }
    const issues = FIELDS[name as FieldName].check(v);
    if (issues.length > 0) {
      const first = issues[0]!;
      const field = fieldLabel(name, first.at);
      const p = at(ptr + first.at.map((k) => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join(''));
      throw new ConfigError(`${shown}${p.where}: ${field}: ${first.message}`, abs, field, p.line, p.column);
    }
  }
  return { file: abs, dir: path.dirname(abs), data: value as ConfigData };
}
