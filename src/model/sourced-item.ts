/**
 * SourcedItem = SourcedCompositionItemParamType (vApp.xsd; schema-facts.md §3.1): one VM (or vApp)
 * taken into the new vApp, with its per-VM overrides. Traps: VmGeneralParams before VAppScopedLocalId,
 * InstantiationParams before NetworkAssignment.
 */
import { NS } from '../xml/names.js';
import { boolean, int, long, string } from './codecs.js';
import { attr, extend, leaf, many, one, opt } from './dsl.js';
import { Reference, Resource, VCloudExtensible } from './common.js';
import { InstantiationParams } from './instantiation-params.js';

const V = NS.vcloud;

/** VmGeneralParamsType (5.6): the new VM's name and description. */
export const VmGeneralParams = extend(VCloudExtensible, 'VmGeneralParamsType', {
  children: [
    opt(V, 'Name', leaf(string), { doc: 'Name of the new VM.' }),
    opt(V, 'Description', leaf(string), { doc: 'Description of the new VM.' }),
    opt(V, 'NeedsCustomization', leaf(boolean), { doc: 'Run guest customization on the new VM.' }),
    opt(V, 'RegenerateBiosUuid', leaf(boolean), { doc: 'Give the new VM a new BIOS UUID.' }),
  ],
});

/** NetworkAssignmentType: maps the network name used inside the VM to a vApp network. */
export const NetworkAssignment = extend(VCloudExtensible, 'NetworkAssignmentType', {
  attrs: [attr('innerNetwork', string, { doc: 'Network name used inside the source VM.', required: true }), attr('containerNetwork', string, { doc: 'The vApp network to use for it.', required: true })],
});

/** LocalityParamsType (5.1): place near these disks or VMs. */
export const LocalityParams = extend(VCloudExtensible, 'LocalityParamsType', { children: [many(V, 'ResourceEntity', Reference, { doc: 'A disk or VM to place the new VM near, by href.' })] });

/** VmCapabilitiesType (5.1): hot-add switches. */
export const VmCapabilities = extend(Resource, 'VmCapabilitiesType', {
  children: [opt(V, 'MemoryHotAddEnabled', leaf(boolean), { doc: 'Allow adding memory while the VM runs.' }), opt(V, 'CpuHotAddEnabled', leaf(boolean), { doc: 'Allow adding CPUs while the VM runs.' })],
});

/** ComputePolicyType (33.0): placement and sizing policies. */
export const ComputePolicy = extend(Resource, 'ComputePolicyType', {
  children: [
    opt(V, 'VmPlacementPolicy', Reference, { doc: 'VM placement policy of the VDC, by href.' }),
    opt(V, 'VmPlacementPolicyFinal', leaf(boolean), { doc: 'Whether the placement policy may not be changed later.', since: '33.0' }),
    opt(V, 'VmSizingPolicy', Reference, { doc: 'VM sizing policy of the VDC, by href.' }),
    opt(V, 'VmSizingPolicyFinal', leaf(boolean), { doc: 'Whether the sizing policy may not be changed later.', since: '33.0' }),
  ],
});

/** InstantiateVmHardwareCustomizationParamsType (5.5): CPU, memory (MB) and disk sizes (MB). */
export const HardwareCustomization = extend(VCloudExtensible, 'InstantiateVmHardwareCustomizationParamsType', {
  children: [
    opt(V, 'NumberOfCpus', leaf(int), { doc: 'Number of virtual CPUs.' }),
    opt(V, 'CoresPerSocket', leaf(int), { doc: 'Cores per CPU socket.' }),
    opt(V, 'MemorySize', leaf(long), { doc: 'Memory in MB (a multiple of 4).' }),
    many(
      V,
      'Disk',
      extend(VCloudExtensible, 'InstantiateVmHardwareCustomizationParamsType_Disk', {
        children: [opt(V, 'Size', leaf(long), { doc: 'New disk size in MB.' })],
        attrs: [attr('instanceId', string, { doc: "InstanceID of the disk in the VM's hardware." })],
      }),
      { doc: 'A disk of the VM to resize, by its instanceId.' },
    ),
  ],
});

/** SourcedVmInstantiationParamsType (5.1, deprecated 5.6, removed in 30.0, the first API after VCD 9.1; still in the XSD). */
export const SourcedVmInstantiationParams = extend(VCloudExtensible, 'SourcedVmInstantiationParamsType', {
  children: [
    one(V, 'Source', Reference, { doc: 'The VM to take settings for, by href.' }),
    opt(V, 'StorageProfile', Reference, { doc: 'Storage profile for the VM, by href.' }),
    opt(V, 'LocalityParams', LocalityParams, { doc: 'Disks or VMs to place the VM near.' }),
    opt(V, 'HardwareCustomization', HardwareCustomization, { doc: 'CPU, memory and disk sizes for the VM.', since: '5.5' }),
  ],
});

export const SourcedItem = extend(VCloudExtensible, 'SourcedCompositionItemParamType', {
  children: [
    one(V, 'Source', Reference, { doc: 'The VM, vApp or vApp template to take, by href (required).' }),
    opt(V, 'VmGeneralParams', VmGeneralParams, { doc: 'Name and description of the new VM.', since: '5.6' }),
    opt(V, 'VAppScopedLocalId', leaf(string), { doc: 'Id of the VM within the new vApp (StartupSection and NetworkAssignment use names).', since: '1.0' }),
    opt(V, 'InstantiationParams', InstantiationParams, { doc: 'VM-level sections: hardware, operating system, NICs, guest customization.' }),
    many(V, 'NetworkAssignment', NetworkAssignment, { doc: 'Maps a network the source VM uses to a vApp network.' }),
    opt(V, 'StorageProfile', Reference, { doc: 'Storage profile for the new VM, by href.', since: '5.1' }),
    opt(V, 'VdcComputePolicy', Reference, { doc: 'Compute policy of the VDC, the pre-33.0 way; use ComputePolicy.', since: '31.0', deprecated: '33.0', removed: '34.0', replacement: 'ComputePolicy' }),
    opt(V, 'ComputePolicy', ComputePolicy, { doc: 'Placement and sizing policies of the new VM.', since: '33.0' }),
    opt(V, 'LocalityParams', LocalityParams, { doc: 'Disks or VMs to place the new VM near.', since: '5.6' }),
    opt(V, 'VmCapabilities', VmCapabilities, { doc: 'CPU and memory hot add of the new VM.', since: '5.6' }),
    // Not in the 10.2.2 XSD; documented for API 36+ (schema-facts.md §3.1), appended last.
    opt(V, 'ReplaceTpm', leaf(boolean), { doc: 'Give the new VM a new virtual TPM.', since: '36.0' }),
  ],
  attrs: [attr('sourceDelete', boolean, { doc: 'Delete the source VM after it is taken (a move).', since: '1.0' })],
});
