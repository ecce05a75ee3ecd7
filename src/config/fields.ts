/**
 * The fields of `vmparams.config.json` as data (style.md §1): each field's JSON Schema fragment and
 * its check sit side by side, so the checker and `schemas/vmparams-config.schema.json` (generated
 * from this table by scripts/config-schema.mjs) cannot drift apart; test/config/schema.test.ts runs
 * both over the same documents. Adding a setting (fmt's print width, say) is one entry here plus
 * its place in Settings (settings.ts).
 *
 * A hand-written check rather than zod: five fields, messages that name the field the way the user
 * wrote it, and no zod load (about 30 ms) on every `vmparams validate` in a repository with a config.
 */
import { configurableRuleIds, levelProblem, LEVELS, ruleIdProblem } from './levels.js';

/** A JSON Schema fragment (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/** One thing wrong with a field: where (a path of keys below the field) and what. */
export interface FieldIssue {
  /** Keys below the field (`['nic/adapter-type']` for a rule, `[2]` for an ignore entry). */
  at: (string | number)[];
  message: string;
}

/** One config field: what it means, its JSON Schema and its check. */
export interface FieldSpec {
  description: string;
  schema: () => JsonSchema;
  /** Issues with the value (empty when it is fine). */
  check: (value: unknown) => FieldIssue[];
}

const API_VERSION = /^\d{1,3}\.\d{1,3}$/;

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v === 'string' ? 'the string' : typeof v === 'number' ? 'the number' : 'the boolean'} ${JSON.stringify(v)}`);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const issue = (message: string, at: (string | number)[] = []): FieldIssue[] => [{ at, message }];

/** Every field a config file may have, in the order the schema lists them. */
export const FIELDS = {
  $schema: {
    description: 'The JSON Schema of this file, for editors (e.g. "./node_modules/vmparams/schemas/vmparams-config.schema.json"). Not used by vmparams.',
    schema: () => ({ type: 'string' }),
    check: (v) => (typeof v === 'string' ? [] : issue(`must be a string, not ${typeName(v)}`)),
  },
  apiVersion: {
    description: 'Target Cloud Director API version, "major.minor" (e.g. "36.0"); --api-version wins over it. Default: the newest known.',
    schema: () => ({ type: 'string', pattern: API_VERSION.source }),
    check: (v) => (typeof v === 'string' && API_VERSION.test(v) ? [] : issue(`must be a version string like "36.0" (major.minor), not ${typeName(v)}`)),
  },
  context: {
    description: 'Path of a VDC description (JSON, see vdc-context.schema.json) enabling the context rules, relative to this file; --context wins over it.',
    schema: () => ({ type: 'string', minLength: 1 }),
    check: (v) => (typeof v === 'string' && v.length > 0 ? [] : issue(`must be the path of a VDC description file (a non-empty string), not ${typeName(v)}`)),
  },
  strict: {
    description: 'Warnings fail too (exit 1), as with --strict.',
    schema: () => ({ type: 'boolean' }),
    check: (v) => (typeof v === 'boolean' ? [] : issue(`must be true or false, not ${typeName(v)}`)),
  },
  rules: {
    description: 'Levels of semantic rules by id: "off", "info", "warning" or "error" (xml and xsd cannot be set); --rule wins over it.',
    schema: () => ({
      type: 'object',
      properties: Object.fromEntries(configurableRuleIds().map((id) => [id, { $ref: '#/$defs/level' }])),
      additionalProperties: false,
    }),
    check: (v) => {
      if (!isPlainObject(v)) return issue(`must be an object of rule ids and levels, e.g. { "nic/adapter-type": "off" }, not ${typeName(v)}`);
      return Object.entries(v).flatMap(([id, level]) => {
        const bad = ruleIdProblem(id) ?? levelProblem(level);
        return bad ? issue(bad, [id]) : [];
      });
    },
  },
  ignore: {
    description: 'Globs (relative to this file) of files to skip when walking a directory or expanding a glob; files named on the command line are always checked.',
    schema: () => ({ type: 'array', items: { type: 'string', minLength: 1 } }),
    check: (v) => {
      if (!Array.isArray(v)) return issue(`must be an array of globs, e.g. ["build/**", "**/*.generated.xml"], not ${typeName(v)}`);
      return v.flatMap((g, i) => (typeof g === 'string' && g.length > 0 ? [] : issue(`must be a non-empty glob string, not ${typeName(g)}`, [i])));
    },
  },
  printWidth: {
    description: 'vmparams fmt: start tags longer than this many columns put one attribute on each line (default 100); --print-width wins over it.',
    schema: () => ({ type: 'integer', minimum: 1 }),
    check: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? [] : issue(`must be a whole number of at least 1 (columns), not ${typeName(v)}`)),
  },
} satisfies Record<string, FieldSpec>;

/** A config field name. */
export type FieldName = keyof typeof FIELDS;

/** The JSON Schema of the whole config file (what schemas/vmparams-config.schema.json holds). */
export function configJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'vmparams.config.json',
    description: 'Settings of vmparams validate, found from the current directory upward (or given with --config). Every field is optional; command-line flags win.',
    type: 'object',
    properties: Object.fromEntries(Object.entries(FIELDS).map(([name, f]: [string, FieldSpec]) => [name, { description: f.description, ...f.schema() }])),
    additionalProperties: false,
    $defs: { level: { enum: [...LEVELS] } },
  };
}
