/**
 * The official vCenter 7.0.3 OpenAPI (Swagger 2.0) description of instant clone, read at test time
 * from ../shared/reference/vsphere-openapi (never copied into the project), and a validator for the
 * schema keywords it uses. PROVENANCE.md lists them: type, properties, required, items, enum, $ref,
 * additionalProperties, format (uri here). There is no `additionalProperties: false` anywhere, so
 * unknown fields are accepted, exactly as a JSON Schema validator would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the OpenAPI files live: a sibling of the repository root. */
export const OPENAPI_DIR = resolve(repoRoot, '..', 'shared', 'reference', 'vsphere-openapi');
const FILE = join(OPENAPI_DIR, 'vcenter-instant-clone.json');

/** Why the OpenAPI cannot be used, or undefined when it can. */
export function openapiUnavailableReason(): string | undefined {
  return existsSync(FILE) ? undefined : `vSphere OpenAPI reference not found (${FILE} is missing)`;
}

/** A Swagger 2.0 schema object (the subset used). */
export interface OSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, OSchema>;
  required?: string[];
  items?: OSchema;
  enum?: string[];
  additionalProperties?: OSchema;
  format?: string;
}

/** The parsed OpenAPI document. */
export interface OpenApiDoc {
  paths: Record<string, { post: { parameters: { in: string; schema: OSchema }[]; responses: Record<string, { schema?: OSchema }> } }>;
  definitions: Record<string, OSchema>;
}

/** Load the document (call only when openapiUnavailableReason() is undefined). */
export function loadOpenApi(): OpenApiDoc {
  return JSON.parse(readFileSync(FILE, 'utf8')) as OpenApiDoc;
}

/** Follow `$ref`s to the schema they name. */
export function deref(doc: OpenApiDoc, s: OSchema): OSchema {
  let cur = s;
  for (let i = 0; cur.$ref && i < 20; i++) {
    const name = cur.$ref.replace('#/definitions/', '');
    const next = doc.definitions[name];
    if (!next) throw new Error(`unresolved $ref ${cur.$ref}`);
    cur = next;
  }
  return cur;
}

/** The request-body schema of an instant-clone path. */
export function bodySchema(doc: OpenApiDoc, form: 'api' | 'rest'): OSchema {
  const p = doc.paths[form === 'api' ? '/api/vcenter/vm?action=instant-clone' : '/rest/vcenter/vm?action=instant-clone'];
  const param = p.post.parameters.find((x) => x.in === 'body');
  if (!param) throw new Error('no body parameter');
  return param.schema;
}

/** RFC 3986 absolute URI check used for `format: uri` (what ajv-formats' `uri` requires: a scheme). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;

/** Validate a value against a schema of the document; returns error strings (empty = valid). */
export function oracleValidate(doc: OpenApiDoc, schema: OSchema, value: unknown, path = ''): string[] {
  const s = deref(doc, schema);
  const errors: string[] = [];
  const isObj = typeof value === 'object' && value !== null && !Array.isArray(value);
  switch (s.type) {
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`];
      if (s.format === 'uri' && !URI.test(value)) errors.push(`${path}: not a uri`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return [`${path}: not a boolean`];
      break;
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not an array`];
      if (s.items) value.forEach((v, i) => errors.push(...oracleValidate(doc, s.items!, v, `${path}/${i}`)));
      break;
    case 'object':
    case undefined:
      if (s.type === 'object' && !isObj) return [`${path}: not an object`];
      if (isObj) {
        const o = value as Record<string, unknown>;
        for (const r of s.required ?? []) if (!(r in o)) errors.push(`${path}/${r}: required`);
        for (const [k, v] of Object.entries(o)) {
          if (s.properties?.[k]) errors.push(...oracleValidate(doc, s.properties[k], v, `${path}/${k}`));
          else if (s.additionalProperties) errors.push(...oracleValidate(doc, s.additionalProperties, v, `${path}/${k}`));
        }
      }
      break;
    default:
      throw new Error(`keyword type ${s.type} not handled`);
  }
  if (s.enum && !s.enum.includes(value as string)) errors.push(`${path}: not in enum`);
  return errors;
}
