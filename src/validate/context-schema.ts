/**
 * The zod schema of the VDC context file, built from the zod namespace it is given: validate loads
 * zod only when a context is used (the default path and a browser bundle never load it). The single
 * source of schemas/vdc-context.schema.json (test/rules/context.test.ts keeps them equal).
 */
import type { z as Z } from 'zod';

/** Build the context schema with zod `z`. */
export function makeContextSchema(z: typeof Z) {
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

  const schema = z
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

  return schema;
}

/** A VDC snapshot for the context rules. */
export type VdcContext = Z.infer<ReturnType<typeof makeContextSchema>>;
