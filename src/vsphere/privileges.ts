/**
 * The vCenter privileges an instant clone needs, per resource the spec references.
 * Source: the operation summary in the vCenter 7.0.3 API description (same text in SPEC70 and the
 * GOSDK comments; instant-clone-facts.md §0 "Privileges"). A missing one yields `unauthorized` (403).
 */
import { convert, detectForm, isObject, type BodyForm } from './form.js';

/** One resource the spec touches and the privileges the caller needs on it. */
export interface PrivilegeRequirement {
  /** Where the reference is: `source`, `placement.folder`, ..., `nics_to_update.<key>.backing.network`. */
  field: string;
  /** vCenter resource type: VirtualMachine, Folder, ResourcePool, Datastore or Network. */
  resourceType: 'VirtualMachine' | 'Folder' | 'ResourcePool' | 'Datastore' | 'Network';
  /** The resource id as written in the spec. */
  resource: string;
  privileges: string[];
}

/** Privileges per referenced resource, as the API description lists them. */
export const PRIVILEGES = {
  source: ['VirtualMachine.Provisioning.Clone', 'VirtualMachine.Inventory.CreateFromExisting'],
  folder: ['VirtualMachine.Interact.PowerOn'],
  resource_pool: ['Resource.AssignVMToPool'],
  datastore: ['Datastore.AllocateSpace'],
  network: ['Network.Assign'],
} as const;

/**
 * List the privileges a spec needs, one entry per referenced resource, in spec order.
 * Accepts either body form (detected unless `form` is given) and is lenient: references that are
 * not non-empty strings are skipped (validate the spec to learn why). Unset placement fields
 * reference nothing: vCenter then uses the source VM's folder, pool and datastore.
 */
export function privileges(body: unknown, form: BodyForm = detectForm(body)): PrivilegeRequirement[] {
  let spec: Record<string, unknown>;
  try {
    spec = convert(body, 'api', form);
  } catch {
    // Not convertible (e.g. malformed /rest map): still report what the top level references.
    const top = isObject(body) && form === 'rest' ? body.spec : body;
    spec = isObject(top) ? { ...top, nics_to_update: undefined } : {};
  }
  const out: PrivilegeRequirement[] = [];
  const ref = (v: unknown): v is string => typeof v === 'string' && v !== '';
  if (ref(spec.source)) out.push({ field: 'source', resourceType: 'VirtualMachine', resource: spec.source, privileges: [...PRIVILEGES.source] });
  const placement = isObject(spec.placement) ? spec.placement : {};
  if (ref(placement.folder)) out.push({ field: 'placement.folder', resourceType: 'Folder', resource: placement.folder, privileges: [...PRIVILEGES.folder] });
  if (ref(placement.resource_pool)) out.push({ field: 'placement.resource_pool', resourceType: 'ResourcePool', resource: placement.resource_pool, privileges: [...PRIVILEGES.resource_pool] });
  if (ref(placement.datastore)) out.push({ field: 'placement.datastore', resourceType: 'Datastore', resource: placement.datastore, privileges: [...PRIVILEGES.datastore] });
  const nics = isObject(spec.nics_to_update) ? spec.nics_to_update : {};
  for (const [key, nic] of Object.entries(nics)) {
    const network = isObject(nic) && isObject(nic.backing) ? nic.backing.network : undefined;
    if (ref(network)) out.push({ field: `nics_to_update.${key}.backing.network`, resourceType: 'Network', resource: network, privileges: [...PRIVILEGES.network] });
  }
  return out;
}

/** The distinct privileges of a list, sorted: what a role must hold for the whole spec. */
export function privilegeSet(reqs: readonly PrivilegeRequirement[]): string[] {
  return [...new Set(reqs.flatMap((r) => r.privileges))].sort();
}
