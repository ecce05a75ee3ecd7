/** instantiateOvf: an InstantiateOvfParams, a vApp from an OVF package (POST {vdc}/action/instantiateOvf, then upload). */
import type { DocumentOf } from '../document.js';
import { BuildError } from '../xml/build-error.js';
import { OVF } from './shapes.js';
import { checkSpec, type ExactOptions } from './spec-check.js';
import type { InstantiateOvfSpec, OvfVmSpec } from './types.js';
import { power, startupItems, vappSections } from './vapp.js';
import { nicSection } from './vm.js';

/**
 * The key under which instantiateOvf keeps the OVF descriptor's location on the document it returns.
 * InstantiateOvfParams has no field for it (the server answers with an upload link), so build does
 * not write it; `vcd send` reads it to upload the descriptor.
 */
export const OVF_DESCRIPTOR: unique symbol = Symbol.for('vmparams.ovfDescriptor');

/** What instantiateOvf returns: the document, and the descriptor's location under OVF_DESCRIPTOR. */
export type InstantiateOvfDocument = DocumentOf<'InstantiateOvfParams', 'input'> & { [OVF_DESCRIPTOR]: string };

function vmParams(vm: OvfVmSpec, path: string) {
  if (vm.coresPerSocket !== undefined && vm.cpus !== undefined && vm.cpus % vm.coresPerSocket !== 0) {
    throw new BuildError(`${vm.cpus} CPUs cannot be split into sockets of ${vm.coresPerSocket} cores`, path, 'coresPerSocket');
  }
  const hw = vm.cpus !== undefined || vm.coresPerSocket !== undefined || vm.memoryMB !== undefined || vm.disks?.length;
  return {
    id: vm.id,
    ...(vm.nics?.length && { NetworkConnectionSection: nicSection(vm.nics, `${path}/nics`) }),
    ...(vm.computerName !== undefined && { ComputerName: vm.computerName }),
    ...(vm.storageProfile !== undefined && { VdcStorageProfile: { href: vm.storageProfile } }),
    ...(hw && {
      HardwareCustomization: {
        ...(vm.cpus !== undefined && { NumberOfCpus: vm.cpus }),
        ...(vm.coresPerSocket !== undefined && { CoresPerSocket: vm.coresPerSocket }),
        ...(vm.memoryMB !== undefined && { MemorySize: vm.memoryMB }),
        ...(vm.disks?.length && { Disk: vm.disks.map((d) => ({ instanceId: String(d.instanceId), Size: d.sizeMB })) }),
      },
    }),
  };
}

/**
 * An InstantiateOvfParams for the package whose descriptor is at `spec.ovf` (kept under
 * OVF_DESCRIPTOR, not written: the request has no such field). Throws BuildError for an unknown or
 * wrong option.
 */
export function instantiateOvf<const S extends InstantiateOvfSpec>(spec: ExactOptions<InstantiateOvfSpec, S>): InstantiateOvfDocument {
  checkSpec(spec, OVF, 'InstantiateOvfSpec');
  const s: InstantiateOvfSpec = spec;
  const sections = vappSections({ ...s, startup: startupItems(s.vms, (i) => s.vms![i].id) });
  const ids = new Set<string>();
  (s.vms ?? []).forEach((vm, i) => {
    if (ids.has(vm.id)) throw new BuildError(`two VMs have the id "${vm.id}"`, `/vms[${i}]`, 'id');
    ids.add(vm.id);
  });
  const doc: DocumentOf<'InstantiateOvfParams', 'input'> = {
    kind: 'InstantiateOvfParams',
    name: s.name,
    ...power(s, true),
    ...(s.transferFormat !== undefined && { transferFormat: s.transferFormat }),
    ...(s.description !== undefined && { Description: s.description }),
    ...(sections.length && { InstantiationParams: { sections } }),
    ...(s.acceptEulas !== undefined && { AllEULAsAccepted: s.acceptEulas }),
    ...(s.removeNonStandardExtensions !== undefined && { RemoveNonStandardOvfExtensions: s.removeNonStandardExtensions }),
    ...(s.networkMapping && Object.keys(s.networkMapping).length && { NetworkMapping: Object.entries(s.networkMapping).map(([from, to]) => ({ Source: from, Target: to })) }),
    ...(s.properties && Object.keys(s.properties).length && { InstantiateOvfProperty: Object.entries(s.properties).map(([key, value]) => ({ Key: key, Value: value })) }),
    ...(s.vms?.length && { InstantiateVmParams: s.vms.map((vm, i) => vmParams(vm, `/vms[${i}]`)) }),
  };
  return Object.assign(doc, { [OVF_DESCRIPTOR]: s.ovf });
}
