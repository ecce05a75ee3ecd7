/**
 * The VDC context (`--context vdc.json`): a snapshot of the target organization VDC that lets the
 * context rules check what the document alone cannot (networks, storage profiles, compute policies,
 * hardware versions, template EULAs, VM power states, lease maximums). The zod schema is in
 * context-schema.ts (zod is loaded only when a context is checked).
 */
import type { z as Z } from 'zod';
import { makeContextSchema, type VdcContext } from './context-schema.js';

export type { VdcContext };

type Schema = ReturnType<typeof makeContextSchema>;
let schema: Schema | undefined;

/** Load zod and build the schema now (validate() does this before a context is checked; works in any runtime). */
export async function prepareContextSchema(): Promise<void> {
  schema ??= makeContextSchema((await import('zod')).z);
}

/** Hand validate a zod it already has (a browser bundle that imports zod itself), so validateSync can check contexts without Node's require. */
export function provideContextZod(z: typeof Z): void {
  schema ??= makeContextSchema(z);
}

/** The schema, loading zod synchronously where Node's require can (validateSync); else the caller must await prepareContextSchema. */
function contextSchema(): Schema {
  if (schema) return schema;
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = p?.getBuiltinModule?.('node:module') as typeof import('node:module') | undefined;
  if (!mod) throw new ContextError(['checking a context synchronously needs Node.js 20.16 or later; use validate() (async) instead of validateSync()']);
  schema = makeContextSchema((mod.createRequire(import.meta.url)('zod') as { z: typeof Z }).z);
  return schema;
}


/** The context file is not valid JSON or does not match the schema; `issues` lists each problem. */
export class ContextError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid VDC context: ${issues.join('; ')}`);
    this.name = 'ContextError';
  }
}

/** JSON pointer of a zod issue path. */
function pointer(path: readonly PropertyKey[]): string {
  return path.length ? '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '/';
}

/** Where a context comes from: a VdcContext object, its JSON text, or the path of a JSON file. */
export type ContextInput = VdcContext | string;

/**
 * Node's fs, loaded only when a context is given as a path, so the library's default path (and a
 * browser bundle) never needs it. process.getBuiltinModule is Node >= 20.16.
 */
function nodeFs(): typeof import('node:fs') | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return p?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
}

const fileCache = new Map<string, { stamp: string; context: VdcContext }>();

/** Read and check a context file (cached while its size and modification time stay the same). */
function loadContextFile(file: string): VdcContext {
  const fs = nodeFs();
  if (!fs) throw new ContextError([`${file}: reading a context file needs Node.js 20.16 or later; pass the context object or its JSON text instead`]);
  let stamp: string;
  let text: string;
  try {
    const st = fs.statSync(file);
    stamp = `${st.size}:${st.mtimeMs}`;
    const hit = fileCache.get(file);
    if (hit && hit.stamp === stamp) return hit.context;
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ContextError([`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : e instanceof Error ? e.message : String(e)}`]);
  }
  let context: VdcContext;
  try {
    context = loadContext(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof ContextError) throw new ContextError(e.issues.map((i) => `${file}: ${i}`));
    throw e;
  }
  fileCache.set(file, { stamp, context });
  return context;
}

/**
 * Load and check a context: a VdcContext object, its JSON text (a string starting with `{`), or
 * the path of a JSON file (any other string; read with node:fs). Throws ContextError with every problem.
 */
export function loadContext(input: ContextInput | unknown): VdcContext {
  let value: unknown = input;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    if (!/^\s*[{[]/.test(text)) return loadContextFile(text);
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new ContextError([`not JSON (${e instanceof Error ? e.message : String(e)})`]);
    }
  }
  const r = contextSchema().safeParse(value);
  if (r.success) return r.data;
  throw new ContextError(
    r.error.issues.map((i) => {
      const where = pointer(i.path);
      if (i.code === 'unrecognized_keys') return `${where}: unknown field ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
      return `${where}: ${i.message.replace(/^Invalid input: /, '')}`;
    }),
  );
}

/** The JSON Schema of the context file (what schemas/vdc-context.schema.json holds). */
export async function vdcContextJsonSchema(): Promise<Record<string, unknown>> {
  const { z } = await import('zod');
  return z.toJSONSchema(makeContextSchema(z)) as Record<string, unknown>;
}

/** An example context, shown in the README (test/rules/context.test.ts checks that it loads). */
export const VDC_CONTEXT_EXAMPLE: VdcContext = {
  $schema: './node_modules/vmparams/schemas/vdc-context.schema.json',
  vdc: { name: 'prod-vdc-01' },
  networks: [{ name: 'corp-lan-01', href: 'https://vcd.example.com/api/network/018b194d-a08d-4f69-a869-8c325986dab9', subnets: [{ gateway: '10.80.0.1', prefixLength: 24, staticPools: [{ start: '10.80.0.100', end: '10.80.0.199' }] }] }],
  allowedFenceModes: ['bridged', 'natRouted', 'isolated'],
  storageProfiles: [{ name: 'Gold-SSD', href: 'https://vcd.example.com/api/vdcStorageProfile/d5ba2303-06cd-4707-a1f6-dd7d9daef4f8' }],
  sizingPolicies: [{ name: 'large-8x32', id: 'urn:vcloud:vdcComputePolicy:251cf10e-55f1-423b-a9df-67116dfd0f0a' }],
  hardwareVersions: ['vmx-17', 'vmx-19'],
  templates: [{ href: 'https://vcd.example.com/api/vAppTemplate/vappTemplate-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', name: 'win2022', eula: true }],
  vms: [{ href: 'https://vcd.example.com/api/vApp/vm-85513d4e-6774-49ca-9040-e92229e8aef1', name: 'ci-cache', powerState: 'POWERED_OFF' }],
  lease: { maxDeploymentLeaseSeconds: 2592000, maxStorageLeaseSeconds: 0 },
};
