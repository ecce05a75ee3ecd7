/**
 * The VDC context (`--context vdc.json`): a snapshot of the target organization VDC that lets the
 * context rules check what the document alone cannot (networks, storage profiles, compute policies,
 * hardware versions, template EULAs, VM power states, lease maximums). The zod schema below is the
 * single source; schemas/vdc-context.schema.json is generated from it (test/rules/context.test.ts keeps
 * them equal).
 */
import { z } from 'zod';

const ref = z
  .strictObject({
    name: z.string().optional().describe('Display name'),
    href: z.string().optional().describe('API href, as the document writes it'),
    id: z.string().optional().describe('URN id (urn:vcloud:...)'),
  })
  .describe('An entity the VDC offers; a document reference matches it by href, id or name');

const ipv = z.string().min(2).describe('IPv4 or IPv6 address');

const subnet = z.strictObject({
  gateway: ipv,
  prefixLength: z.number().int().min(0).max(128).describe('Subnet prefix length (24 for 255.255.255.0)'),
  staticPools: z
    .array(z.strictObject({ start: ipv, end: ipv }))
    .optional()
    .describe('Static IP pools; MANUAL and POOL addresses come from these'),
});

const network = z.strictObject({
  name: z.string().min(1).describe('Org VDC network name'),
  href: z.string().optional(),
  id: z.string().optional(),
  subnets: z.array(subnet).optional(),
  sriov: z.boolean().optional().describe('Backed by an SR-IOV capable (direct) port group'),
});

const disk = z.strictObject({
  instanceId: z.string().describe('rasd:InstanceID of the disk (2000, 2001, ...)'),
  sizeMb: z.number().int().min(0),
});

const templateVm = z.strictObject({
  href: z.string().describe('href of the VM inside the vApp template'),
  name: z.string().optional(),
  disks: z.array(disk).optional(),
});

const powerState = z.enum(['POWERED_ON', 'POWERED_OFF', 'SUSPENDED', 'PARTIALLY_SUSPENDED', 'PARTIALLY_POWERED_OFF', 'RESOLVED', 'UNRESOLVED', 'DEPLOYED', 'UNKNOWN']);

/** The context file's schema (zod 4). */
export const VdcContextSchema = z
  .strictObject({
    $schema: z.string().optional(),
    vdc: ref.optional().describe('The target VDC'),
    networks: z.array(network).optional().describe('Org VDC networks available to vApps in this VDC'),
    allowedFenceModes: z.array(z.enum(['bridged', 'isolated', 'natRouted'])).optional().describe('vApp network fence modes the VDC allows'),
    storageProfiles: z.array(ref).optional().describe('Storage profiles assigned to the VDC'),
    sizingPolicies: z.array(ref).optional().describe('VM sizing policies assigned to the VDC'),
    placementPolicies: z.array(ref).optional().describe('VM placement policies assigned to the VDC'),
    hardwareVersions: z.array(z.string().regex(/^vmx-\d+$/)).optional().describe('Virtual hardware versions the VDC supports (vmx-19, ...)'),
    templates: z
      .array(
        z.strictObject({
          href: z.string(),
          name: z.string().optional(),
          eula: z.boolean().optional().describe('The template has an ovf:EulaSection'),
          vms: z.array(templateVm).optional(),
        }),
      )
      .optional()
      .describe('vApp templates the document may instantiate'),
    vms: z
      .array(
        z.strictObject({
          href: z.string(),
          name: z.string().optional(),
          powerState,
          independentDisks: z.boolean().optional().describe('The VM has an independent disk attached'),
        }),
      )
      .optional()
      .describe('Existing VMs (sources of SourcedItem, clone and move) and their power state'),
    vapp: z
      .strictObject({
        name: z.string().optional(),
        href: z.string().optional(),
        status: powerState.optional(),
        networks: z.array(z.string()).optional().describe('Names of the vApp networks'),
        vms: z.array(z.string()).optional().describe('Names of the VMs in the vApp'),
        recomposeWhileRunning: z.boolean().optional().describe('The server accepts recompose on a running vApp (newer Cloud Director); default false'),
      })
      .optional()
      .describe('The existing vApp a RecomposeVAppParams (or CloneVAppParams source) refers to'),
    lease: z
      .strictObject({
        maxDeploymentLeaseSeconds: z.number().int().min(0).optional().describe('Org maximum runtime lease; 0 = unlimited'),
        maxStorageLeaseSeconds: z.number().int().min(0).optional().describe('Org maximum storage lease; 0 = unlimited'),
      })
      .optional(),
  })
  .meta({ title: 'vmparams VDC context', description: 'A snapshot of the target Cloud Director VDC for `vmparams validate --context`' });

/** A VDC snapshot for the context rules. */
export type VdcContext = z.infer<typeof VdcContextSchema>;

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
  const r = VdcContextSchema.safeParse(value);
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
export function vdcContextJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(VdcContextSchema) as Record<string, unknown>;
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
