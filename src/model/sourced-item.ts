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
    opt(V, 'Name', leaf(string)),
    opt(V, 'Description', leaf(string)),
    opt(V, 'NeedsCustomization', leaf(boolean)),
    opt(V, 'RegenerateBiosUuid', leaf(boolean)),
  ],
});

/** NetworkAssignmentType: maps the network name used inside the VM to a vApp network. */
export const NetworkAssignment = extend(VCloudExtensible, 'NetworkAssignmentType', {
  attrs: [attr('innerNetwork', string, { required: true }), attr('containerNetwork', string, { required: true })],
});

/** LocalityParamsType (5.1): place near these disks or VMs. */
export const LocalityParams = extend(VCloudExtensible, 'LocalityParamsType', { children: [many(V, 'ResourceEntity', Reference)] });

/** VmCapabilitiesType (5.1): hot-add switches. */
export const VmCapabilities = extend(Resource, 'VmCapabilitiesType', {
  children: [opt(V, 'MemoryHotAddEnabled', leaf(boolean)), opt(V, 'CpuHotAddEnabled', leaf(boolean))],
});

/** ComputePolicyType (33.0): placement and sizing policies. */
export const ComputePolicy = extend(Resource, 'ComputePolicyType', {
  children: [
    opt(V, 'VmPlacementPolicy', Reference),
    opt(V, 'VmPlacementPolicyFinal', leaf(boolean), { since: '33.0' }),
    opt(V, 'VmSizingPolicy', Reference),
    opt(V, 'VmSizingPolicyFinal', leaf(boolean), { since: '33.0' }),
  ],
});

/** InstantiateVmHardwareCustomizationParamsType (5.5): CPU, memory (MB) and disk sizes (MB). */
export const HardwareCustomization = extend(VCloudExtensible, 'InstantiateVmHardwareCustomizationParamsType', {
  children: [
    opt(V, 'NumberOfCpus', leaf(int)),
    opt(V, 'CoresPerSocket', leaf(int)),
    opt(V, 'MemorySize', leaf(long)),
    many(
      V,
      'Disk',
      extend(VCloudExtensible, 'InstantiateVmHardwareCustomizationParamsType_Disk', {
        children: [opt(V, 'Size', leaf(long))],
        attrs: [attr('instanceId', string)],
      }),
    ),
  ],
});

/** SourcedVmInstantiationParamsType (5.1, deprecated 5.6, removed in 30.0, the first API after VCD 9.1; still in the XSD). */
export const SourcedVmInstantiationParams = extend(VCloudExtensible, 'SourcedVmInstantiationParamsType', {
  children: [
    one(V, 'Source', Reference),
    opt(V, 'StorageProfile', Reference),
    opt(V, 'LocalityParams', LocalityParams),
    opt(V, 'HardwareCustomization', HardwareCustomization, { since: '5.5' }),
  ],
});

export const SourcedItem = extend(VCloudExtensible, 'SourcedCompositionItemParamType', {
  children: [
    one(V, 'Source', Reference),
    opt(V, 'VmGeneralParams', VmGeneralParams, { since: '5.6' }),
    opt(V, 'VAppScopedLocalId', leaf(string), { since: '1.0' }),
    opt(V, 'InstantiationParams', InstantiationParams),
    many(V, 'NetworkAssignment', NetworkAssignment),
    opt(V, 'StorageProfile', Reference, { since: '5.1' }),
    opt(V, 'VdcComputePolicy', Reference, { since: '31.0', deprecated: '33.0', removed: '34.0', replacement: 'ComputePolicy' }),
    opt(V, 'ComputePolicy', ComputePolicy, { since: '33.0' }),
    opt(V, 'LocalityParams', LocalityParams, { since: '5.6' }),
    opt(V, 'VmCapabilities', VmCapabilities, { since: '5.6' }),
    // Not in the 10.2.2 XSD; documented for API 36+ (schema-facts.md §3.1), appended last.
    opt(V, 'ReplaceTpm', leaf(boolean), { since: '36.0' }),
  ],
  attrs: [attr('sourceDelete', boolean, { since: '1.0' })],
});
