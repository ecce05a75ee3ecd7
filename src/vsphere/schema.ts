/**
 * zod 4 schemas for the vSphere Automation API "Instant Clone VM" request body, in both body forms.
 *
 * Field lists, required lists and enum values follow the vCenter 7.0.3 API description
 * (`VcenterVMInstantCloneSpec` and its closure; see instant-clone-facts.md §1). A test compares
 * them with the OpenAPI file at run time. The OpenAPI cannot express the union rules of the
 * backings (GOSDK union validators: a case field is required for some types and not allowed for
 * others) nor the mac_type/mac_address rule, so those live here as refinements that carry a rule id.
 */
import { z } from 'zod';

/** Params attached to our own (custom) zod issues so the validator can turn them into Problems. */
export interface RuleIssueParams {
  rule: string;
  messageId: string;
  data?: Record<string, string | number | boolean>;
}

type Ctx = z.core.$RefinementCtx<unknown>;

function report(ctx: Ctx, path: string[], message: string, params: RuleIssueParams): void {
  ctx.addIssue({ code: 'custom', message, path, params: { ...params } });
}

/** Opaque vCenter resource id (`vm-42`, `group-v4`, ...): the API only says "identifier", so only non-empty is checked. */
const ResourceId = z.string().min(1);

/** A device key used as a map key: the vim device key as a decimal string (`"4000"`, `"9000"`, `"10000"`). */
export const DeviceKey = z.string().regex(/^(0|[1-9][0-9]{0,9})$/);

/** 128-bit SMBIOS UUID in the documented `12345678-abcd-1234-cdef-123456789abc` layout. */
export const BIOS_UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** RFC 3986 URI: a scheme, a colon and no white space (the OpenAPI says `format: uri`). */
export const URI_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;

/** MAC address as vCenter returns it: six hex pairs separated by colons. */
export const MAC_PATTERN = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

/** `VM.InstantClonePlacementSpec`: every field optional; unset means "as the source VM". There is no host or cluster. */
export const InstantClonePlacementSpec = z.strictObject({
  folder: ResourceId.optional(),
  resource_pool: ResourceId.optional(),
  datastore: ResourceId.optional(),
});

/** `Ethernet.BackingType` values. */
export const EthernetBackingType = z.enum(['STANDARD_PORTGROUP', 'HOST_DEVICE', 'DISTRIBUTED_PORTGROUP', 'OPAQUE_NETWORK']);
/** `Ethernet.MacAddressType` values. */
export const MacAddressType = z.enum(['MANUAL', 'GENERATED', 'ASSIGNED']);
/** `Parallel.BackingType` values: only FILE and HOST_DEVICE (pipes and network are serial-only). */
export const ParallelBackingType = z.enum(['FILE', 'HOST_DEVICE']);
/** `Serial.BackingType` values. */
export const SerialBackingType = z.enum(['FILE', 'HOST_DEVICE', 'PIPE_SERVER', 'PIPE_CLIENT', 'NETWORK_SERVER', 'NETWORK_CLIENT']);

/**
 * A vAPI union: for each tag value, the case fields it requires and the ones it allows.
 * Mirrors GOSDK `UnionValidator` (runtime/bindings/Validator.go): a required case field that is
 * missing is `union.missing`, a case field of another tag value that is set is `union.extra`.
 */
type UnionCases = Record<string, { required: string[]; optional: string[] }>;

function checkUnion(value: Record<string, unknown>, cases: UnionCases, what: string, ctx: Ctx): void {
  const tag = value.type as string;
  const c = cases[tag];
  if (!c) return;
  const caseFields = new Set(Object.values(cases).flatMap((x) => [...x.required, ...x.optional]));
  for (const f of c.required) {
    if (value[f] === undefined) {
      report(ctx, [f], `${f} is required when the ${what} type is ${tag}; add "${f}"`, {
        rule: 'instant-clone/backing-field-missing',
        messageId: 'missing',
        data: { field: f, backingType: tag },
      });
    }
  }
  for (const f of caseFields) {
    if (value[f] !== undefined && !c.required.includes(f) && !c.optional.includes(f)) {
      const owners = Object.entries(cases)
        .filter(([, x]) => x.required.includes(f) || x.optional.includes(f))
        .map(([t]) => t);
      report(ctx, [f], `${f} is only allowed when the ${what} type is ${owners.join(' or ')}, not ${tag}; remove "${f}" or change the type`, {
        rule: 'instant-clone/backing-field-not-allowed',
        messageId: 'notAllowed',
        data: { field: f, backingType: tag, allowedFor: owners.join(',') },
      });
    }
  }
}

/** GOSDK `EthernetBackingSpecBindingType()` union on `type`. */
const ETHERNET_CASES: UnionCases = {
  STANDARD_PORTGROUP: { required: ['network'], optional: [] },
  DISTRIBUTED_PORTGROUP: { required: ['network'], optional: ['distributed_port'] },
  OPAQUE_NETWORK: { required: ['network'], optional: [] },
  HOST_DEVICE: { required: [], optional: [] },
};

/** GOSDK parallel `BackingSpec` union: `file` required for FILE, `host_device` optional for HOST_DEVICE. */
const PARALLEL_CASES: UnionCases = {
  FILE: { required: ['file'], optional: [] },
  HOST_DEVICE: { required: [], optional: ['host_device'] },
};

/** GOSDK serial `BackingSpec` union. */
const SERIAL_CASES: UnionCases = {
  FILE: { required: ['file'], optional: [] },
  HOST_DEVICE: { required: [], optional: ['host_device'] },
  PIPE_SERVER: { required: ['pipe'], optional: ['no_rx_loss'] },
  PIPE_CLIENT: { required: ['pipe'], optional: ['no_rx_loss'] },
  NETWORK_SERVER: { required: ['network_location'], optional: ['proxy'] },
  NETWORK_CLIENT: { required: ['network_location'], optional: ['proxy'] },
};

/** `Ethernet.BackingSpec`: `type` required; `network` for port groups and opaque networks; `distributed_port` for DVPGs only. */
export const EthernetBackingSpec = z
  .strictObject({
    type: EthernetBackingType,
    network: ResourceId.optional(),
    distributed_port: z.string().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    checkUnion(v, ETHERNET_CASES, 'NIC backing', ctx);
    // GOSDK enum comment: HOST_DEVICE is a legacy backing that "cannot be used to create or to update" a NIC.
    if (v.type === 'HOST_DEVICE') {
      report(ctx, ['type'], 'HOST_DEVICE is a legacy NIC backing that cannot be used to update a NIC; use STANDARD_PORTGROUP, DISTRIBUTED_PORTGROUP or OPAQUE_NETWORK', {
        rule: 'instant-clone/nic-host-device',
        messageId: 'legacy',
      });
    }
  });

/** `Ethernet.UpdateSpec`: every field optional ("unset = unchanged"); no `type` or `pci_slot_number` here. */
export const EthernetUpdateSpec = z
  .strictObject({
    upt_compatibility_enabled: z.boolean().optional(),
    mac_type: MacAddressType.optional(),
    mac_address: z.string().optional(),
    wake_on_lan_enabled: z.boolean().optional(),
    backing: EthernetBackingSpec.optional(),
    start_connected: z.boolean().optional(),
    allow_guest_control: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    // Ethernet.UpdateSpec docs: mac_address "must be set if mac_type is MANUAL, and must be unset if the MAC type is not MANUAL".
    if (v.mac_type === 'MANUAL' && v.mac_address === undefined) {
      report(ctx, ['mac_address'], 'mac_address is required when mac_type is MANUAL; add a MAC such as "00:50:56:3f:00:10"', {
        rule: 'instant-clone/mac-address-required',
        messageId: 'missing',
      });
    }
    if (v.mac_address !== undefined && v.mac_type !== undefined && v.mac_type !== 'MANUAL') {
      report(ctx, ['mac_address'], `mac_address must be unset when mac_type is ${v.mac_type}; remove it or set mac_type to MANUAL`, {
        rule: 'instant-clone/mac-address-not-manual',
        messageId: 'notManual',
        data: { macType: v.mac_type },
      });
    }
    if (v.mac_address !== undefined && v.mac_type === undefined) {
      report(ctx, ['mac_address'], 'mac_address is set without mac_type; the server accepts it only if the NIC is already MANUAL, so set mac_type to MANUAL', {
        rule: 'instant-clone/mac-address-without-type',
        messageId: 'noType',
      });
    }
    if (v.mac_address !== undefined && !MAC_PATTERN.test(v.mac_address)) {
      report(ctx, ['mac_address'], `mac_address "${v.mac_address}" does not look like a MAC address; use six hex pairs separated by colons, e.g. 00:50:56:3f:00:10`, {
        rule: 'instant-clone/mac-address-format',
        messageId: 'format',
        data: { value: v.mac_address },
      });
    }
  });

/** Warn about non-FILE port backings: vim `VirtualMachineInstantCloneSpec` allows only edits of file-backed serial/parallel ports. */
function fileBackedOnly(kind: string) {
  return (v: { backing?: { type: string } | undefined }, ctx: Ctx) => {
    if (v.backing && v.backing.type !== 'FILE') {
      report(ctx, ['backing', 'type'], `an instant clone can only change file-backed ${kind} ports (vim.vm.InstantCloneSpec); the server will likely reject a ${v.backing.type} backing`, {
        rule: 'instant-clone/port-backing-not-file',
        messageId: 'notFile',
        data: { backingType: v.backing.type },
      });
    }
  };
}

/** `Parallel.BackingSpec`: `type` FILE or HOST_DEVICE; `file` required for FILE. */
export const ParallelBackingSpec = z
  .strictObject({
    type: ParallelBackingType,
    file: z.string().min(1).optional(),
    host_device: z.string().min(1).optional(),
  })
  .superRefine((v, ctx) => checkUnion(v, PARALLEL_CASES, 'parallel port backing', ctx));

/** `Parallel.UpdateSpec`: all optional. */
export const ParallelUpdateSpec = z
  .strictObject({
    backing: ParallelBackingSpec.optional(),
    start_connected: z.boolean().optional(),
    allow_guest_control: z.boolean().optional(),
  })
  .superRefine(fileBackedOnly('parallel'));

/** `Serial.BackingSpec`: FILE needs `file`, pipes need `pipe`, network backings need `network_location` (a URI). */
export const SerialBackingSpec = z
  .strictObject({
    type: SerialBackingType,
    file: z.string().min(1).optional(),
    host_device: z.string().min(1).optional(),
    pipe: z.string().min(1).optional(),
    no_rx_loss: z.boolean().optional(),
    network_location: z.string().regex(URI_PATTERN).optional(),
    proxy: z.string().regex(URI_PATTERN).optional(),
  })
  .superRefine((v, ctx) => checkUnion(v, SERIAL_CASES, 'serial port backing', ctx));

/** `Serial.UpdateSpec`: all optional. */
export const SerialUpdateSpec = z
  .strictObject({
    yield_on_poll: z.boolean().optional(),
    backing: SerialBackingSpec.optional(),
    start_connected: z.boolean().optional(),
    allow_guest_control: z.boolean().optional(),
  })
  .superRefine(fileBackedOnly('serial'));

/** Message for a map key that is not a device key. */
export function deviceKeyMessage(key: string): string {
  return `map key ${JSON.stringify(key)} is not a device key; use the device's integer key as a string, e.g. "4000"`;
}

function deviceKeyProblem(ctx: Ctx, path: string[], key: string): void {
  report(ctx, path, deviceKeyMessage(key), {
    rule: 'instant-clone/device-key',
    messageId: 'notInteger',
    data: { key },
  });
}

/**
 * `/api` map encoding: a JSON object keyed by device key. Keys are checked in a refinement that
 * always runs (rather than as zod's record key schema) so the values under a bad key are still checked.
 */
function apiMap<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value).superRefine(
    (map, ctx) => {
      for (const key of Object.keys(map as object)) if (!DeviceKey.safeParse(key).success) deviceKeyProblem(ctx, [key], key);
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  );
}

/** `/rest` map encoding: an array of `{key, value}` entries with unique keys. */
function restMap<T extends z.ZodType>(value: T) {
  return z.array(z.strictObject({ key: z.string(), value })).superRefine(
    (entries, ctx) => {
    const seen = new Map<string, number>();
    // Runs even when an entry is malformed (see `when`), so look at the raw entries defensively.
    (entries as unknown[]).forEach((e, i) => {
      if (typeof e !== 'object' || e === null || typeof (e as { key?: unknown }).key !== 'string') return;
      const key = (e as { key: string }).key;
      if (!DeviceKey.safeParse(key).success) deviceKeyProblem(ctx, [String(i), 'key'], key);
      const first = seen.get(key);
      if (first !== undefined) {
        report(ctx, [String(i), 'key'], `device key "${key}" appears twice (entries ${first} and ${i}); merge the two entries`, {
          rule: 'instant-clone/duplicate-key',
          messageId: 'duplicate',
          data: { key, first, second: i },
        });
      } else seen.set(key, i);
    });
    },
    { when: (payload) => Array.isArray(payload.value) },
  );
}

const specFields = {
  source: ResourceId,
  name: z.string().min(1),
  placement: InstantClonePlacementSpec.optional(),
  disconnect_all_nics: z.boolean().optional(),
  bios_uuid: z.string().regex(BIOS_UUID_PATTERN).optional(),
};

/** `VM.InstantCloneSpec` in the `/api` form (the bare body of `POST /api/vcenter/vm?action=instant-clone`). */
export const InstantCloneSpec = z.strictObject({
  ...specFields,
  nics_to_update: apiMap(EthernetUpdateSpec).optional(),
  parallel_ports_to_update: apiMap(ParallelUpdateSpec).optional(),
  serial_ports_to_update: apiMap(SerialUpdateSpec).optional(),
});

/** `vcenter.VM.instant_clone_spec`: the spec inside a `/rest` body, maps as `[{key, value}]`. */
export const RestInstantCloneSpec = z.strictObject({
  ...specFields,
  nics_to_update: restMap(EthernetUpdateSpec).optional(),
  parallel_ports_to_update: restMap(ParallelUpdateSpec).optional(),
  serial_ports_to_update: restMap(SerialUpdateSpec).optional(),
});

/** `vcenter.VM_instant_clone`: the `/rest` request body `{"spec": ...}`. */
export const RestInstantCloneBody = z.strictObject({ spec: RestInstantCloneSpec });

/** The `/api` instant-clone spec (bare body). */
export type InstantCloneSpec = z.infer<typeof InstantCloneSpec>;
/** Placement of the clone. */
export type InstantClonePlacementSpec = z.infer<typeof InstantClonePlacementSpec>;
/** NIC changes. */
export type EthernetUpdateSpec = z.infer<typeof EthernetUpdateSpec>;
/** NIC backing. */
export type EthernetBackingSpec = z.infer<typeof EthernetBackingSpec>;
/** Parallel port changes. */
export type ParallelUpdateSpec = z.infer<typeof ParallelUpdateSpec>;
/** Parallel port backing. */
export type ParallelBackingSpec = z.infer<typeof ParallelBackingSpec>;
/** Serial port changes. */
export type SerialUpdateSpec = z.infer<typeof SerialUpdateSpec>;
/** Serial port backing. */
export type SerialBackingSpec = z.infer<typeof SerialBackingSpec>;
/** The spec inside a `/rest` body. */
export type RestInstantCloneSpec = z.infer<typeof RestInstantCloneSpec>;
/** The `/rest` request body. */
export type RestInstantCloneBody = z.infer<typeof RestInstantCloneBody>;
/** Either request body. */
export type InstantCloneBody = InstantCloneSpec | RestInstantCloneBody;

/** Every object schema by its vAPI name, for messages ("allowed fields: ...") and the OpenAPI comparison test. */
export const objectSchemas = {
  'VM.InstantCloneSpec': InstantCloneSpec,
  'VM.InstantClonePlacementSpec': InstantClonePlacementSpec,
  'Ethernet.UpdateSpec': EthernetUpdateSpec,
  'Ethernet.BackingSpec': EthernetBackingSpec,
  'Parallel.UpdateSpec': ParallelUpdateSpec,
  'Parallel.BackingSpec': ParallelBackingSpec,
  'Serial.UpdateSpec': SerialUpdateSpec,
  'Serial.BackingSpec': SerialBackingSpec,
} as const;

/** vAPI name of an object schema. */
export type ObjectTypeName = keyof typeof objectSchemas;

/** The map fields of the spec and the vAPI type of their values. */
export const MAP_FIELDS = {
  nics_to_update: 'Ethernet.UpdateSpec',
  parallel_ports_to_update: 'Parallel.UpdateSpec',
  serial_ports_to_update: 'Serial.UpdateSpec',
} as const satisfies Record<string, ObjectTypeName>;

/** Name of a map field. */
export type MapField = keyof typeof MAP_FIELDS;

/** True when `k` names a map field (own keys only: `constructor` or `toString` are not map fields). */
export function isMapField(k: unknown): k is MapField {
  return typeof k === 'string' && Object.prototype.hasOwnProperty.call(MAP_FIELDS, k);
}
