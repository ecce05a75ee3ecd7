/**
 * The instant-clone rule catalogue: every rule id a Problem from `validate` can carry, with its
 * default severity and a one-line description. `vmparams rules` prints it next to the XML rules.
 */
import type { Severity } from '../validate/problem.js';

/** One entry of the catalogue. */
export interface InstantCloneRuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

/** Every instant-clone rule, in the order a reader meets them. */
export const rules = [
  { id: 'instant-clone/json', severity: 'error', description: 'The body must be JSON text in UTF-8 (a leading BOM is allowed), at most 16 MiB.' },
  { id: 'instant-clone/wrong-form', severity: 'error', description: 'The body (or a map in it) is in the other form: /api takes the bare spec with maps as objects, /rest takes {"spec": ...} with maps as [{key, value}] arrays.' },
  { id: 'instant-clone/required', severity: 'error', description: 'A required field is missing (spec: source and name; backings: type; /rest map entries: key and value).' },
  { id: 'instant-clone/type', severity: 'error', description: 'A field has the wrong JSON type (string, boolean, object or array expected).' },
  { id: 'instant-clone/enum', severity: 'error', description: 'A field holds a value outside its enumeration (backing types, mac_type); parallel ports accept only FILE and HOST_DEVICE.' },
  { id: 'instant-clone/unknown-field', severity: 'error', description: 'A field that the vCenter 7.0.3 API does not define for this type (e.g. placement.host, a NIC type).' },
  { id: 'instant-clone/empty', severity: 'error', description: 'Resource ids, the VM name and backing strings must not be empty.' },
  { id: 'instant-clone/bios-uuid-format', severity: 'error', description: 'bios_uuid must be a 128-bit UUID written as 12345678-abcd-1234-cdef-123456789abc.' },
  { id: 'instant-clone/uri-format', severity: 'error', description: 'Serial network_location and proxy must be URIs (scheme:...).' },
  { id: 'instant-clone/device-key', severity: 'error', description: 'Map keys must be device keys: non-negative integers written as decimal strings, e.g. "4000".' },
  { id: 'instant-clone/duplicate-key', severity: 'error', description: 'A /rest map lists the same device key twice.' },
  { id: 'instant-clone/mac-address-required', severity: 'error', description: 'mac_address must be set when mac_type is MANUAL.' },
  { id: 'instant-clone/mac-address-not-manual', severity: 'error', description: 'mac_address must be unset when mac_type is GENERATED or ASSIGNED.' },
  { id: 'instant-clone/mac-address-without-type', severity: 'warning', description: 'mac_address without mac_type only works if the NIC is already MANUAL.' },
  { id: 'instant-clone/mac-address-format', severity: 'warning', description: 'mac_address should be six hex pairs separated by colons.' },
  { id: 'instant-clone/backing-field-missing', severity: 'error', description: 'A backing lacks the field its type needs: NIC network for STANDARD_PORTGROUP, DISTRIBUTED_PORTGROUP and OPAQUE_NETWORK; file for FILE; pipe for PIPE_*; network_location for NETWORK_*.' },
  { id: 'instant-clone/backing-field-not-allowed', severity: 'error', description: 'A backing sets a field that belongs to another backing type, e.g. distributed_port without DISTRIBUTED_PORTGROUP.' },
  { id: 'instant-clone/nic-host-device', severity: 'error', description: 'HOST_DEVICE is a legacy NIC backing that cannot be used to update a NIC.' },
  { id: 'instant-clone/port-backing-not-file', severity: 'warning', description: 'Instant clone only allows changes to file-backed serial and parallel ports; other backings are likely rejected by the server.' },
] as const satisfies readonly InstantCloneRuleInfo[];

/** A rule id of the catalogue. */
export type InstantCloneRuleId = (typeof rules)[number]['id'];

const byId = new Map<string, InstantCloneRuleInfo>(rules.map((r) => [r.id, r]));

/** Default severity of a rule (error when unknown, so a typo cannot silently pass). */
export function severityOf(id: string): Severity {
  return byId.get(id)?.severity ?? 'error';
}

/** True when `id` is in the catalogue. */
export function isRule(id: string): boolean {
  return byId.has(id);
}
