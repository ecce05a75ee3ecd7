/**
 * ovf:VirtualHardwareSection (dsp8023 VirtualHardwareSection_Type; schema-facts.md §4.7) with
 * rasd Items (CIM_ResourceAllocationSettingData: children in strict alphabetical order) and the
 * vssd System. CPU = ResourceType 3, memory = 4, NIC = 10, disk = 17; other types are kept as they are.
 */
import { NS } from '../../xml/names.js';
import { anyURI, boolean, long, string, unsignedInt, unsignedLong, unsignedShort } from '../codecs.js';
import { attr, attributedLeaf, complex, extend, many, one, opt, xml } from '../dsl.js';
import { sectionBase } from '../common.js';

const O = NS.ovf;
const R = NS.rasd;
const S = NS.vssd;

// CIM leaf types carry anyAttribute (Cloud Director puts vcloud:* attributes on some of them).
const cimString = attributedLeaf(string);
const cimBoolean = attributedLeaf(boolean);
const cimUShort = attributedLeaf(unsignedShort);
const cimUInt = attributedLeaf(unsignedInt);
const cimULong = attributedLeaf(unsignedLong);

/** rasd:HostResource: for disks Cloud Director adds capacity (MB) and bus attributes in its own namespace. */
const HostResource = attributedLeaf(string, {
  attrs: [
    attr('capacity', long, { ns: NS.vcloud }),
    attr('busType', string, { ns: NS.vcloud }),
    attr('busSubType', string, { ns: NS.vcloud }),
    attr('storageProfileHref', anyURI, { ns: NS.vcloud }),
    attr('storageProfileOverrideVmDefault', boolean, { ns: NS.vcloud }),
  ],
});

/** rasd:Connection: for NICs the network name, with Cloud Director's addressing attributes. */
const Connection = attributedLeaf(string, {
  attrs: [
    attr('ipAddressingMode', string, { ns: NS.vcloud }),
    attr('ipAddress', string, { ns: NS.vcloud }),
    attr('primaryNetworkConnection', boolean, { ns: NS.vcloud }),
  ],
});

/** vmw:CoresPerSocket, the one extension element of a CPU item vmparams understands. */
const CoresPerSocket = attributedLeaf(unsignedInt, { attrs: [attr('required', boolean, { ns: O })] });

/** ovf:RASD_Type: one virtual device. */
export const RasdItem = complex('RASD_Type', {
  children: [
    opt(R, 'Address', cimString),
    opt(R, 'AddressOnParent', cimString),
    opt(R, 'AllocationUnits', cimString),
    opt(R, 'AutomaticAllocation', cimBoolean),
    opt(R, 'AutomaticDeallocation', cimBoolean),
    opt(R, 'Caption', cimString),
    opt(R, 'ChangeableType', cimUShort),
    opt(R, 'ConfigurationName', cimString),
    many(R, 'Connection', Connection),
    opt(R, 'ConsumerVisibility', cimUShort),
    opt(R, 'Description', cimString),
    one(R, 'ElementName', cimString),
    opt(R, 'Generation', cimULong),
    many(R, 'HostResource', HostResource),
    one(R, 'InstanceID', cimString),
    opt(R, 'Limit', cimULong),
    opt(R, 'MappingBehavior', cimUShort),
    opt(R, 'OtherResourceType', cimString),
    opt(R, 'Parent', cimString),
    opt(R, 'PoolID', cimString),
    opt(R, 'Reservation', cimULong),
    opt(R, 'ResourceSubType', cimString),
    opt(R, 'ResourceType', cimUShort),
    opt(R, 'VirtualQuantity', cimULong),
    opt(R, 'VirtualQuantityUnits', cimString),
    opt(R, 'Weight', cimUInt),
    opt(NS.vmw, 'CoresPerSocket', CoresPerSocket),
  ],
  attrs: [
    attr('required', boolean, { ns: O, default: 'true' }),
    attr('configuration', string, { ns: O }),
    attr('bound', string, { ns: O }),
  ],
  anyAttr: true,
  anyTail: true,
});

/** ovf:VSSD_Type: the virtual system (hardware version in VirtualSystemType, e.g. vmx-14). */
export const VirtualSystem = complex('VSSD_Type', {
  children: [
    opt(S, 'AutomaticRecoveryAction', cimUShort),
    opt(S, 'AutomaticShutdownAction', cimUShort),
    opt(S, 'AutomaticStartupAction', cimUShort),
    opt(S, 'AutomaticStartupActionDelay', cimString),
    opt(S, 'AutomaticStartupActionSequenceNumber', cimUShort),
    opt(S, 'Caption', cimString),
    opt(S, 'ChangeableType', cimUShort),
    opt(S, 'ConfigurationDataRoot', cimString),
    opt(S, 'ConfigurationFile', cimString),
    opt(S, 'ConfigurationID', cimString),
    opt(S, 'ConfigurationName', cimString),
    opt(S, 'CreationTime', xml('cimDateTime')),
    opt(S, 'Description', cimString),
    one(S, 'ElementName', cimString),
    opt(S, 'Generation', cimULong),
    one(S, 'InstanceID', cimString),
    opt(S, 'LogDataRoot', cimString),
    many(S, 'Notes', cimString),
    opt(S, 'RecoveryFile', cimString),
    opt(S, 'SnapshotDataRoot', cimString),
    opt(S, 'SuspendDataRoot', cimString),
    opt(S, 'SwapFileDataRoot', cimString),
    opt(S, 'VirtualSystemIdentifier', cimString),
    opt(S, 'VirtualSystemType', cimString),
  ],
  attrs: [attr('required', boolean, { ns: O, default: 'true' })],
  anyAttr: true,
  anyTail: true,
});

export const VirtualHardwareSection = extend(sectionBase('Virtual hardware requirements'), 'VirtualHardwareSection_Type', {
  children: [opt(O, 'System', VirtualSystem), many(O, 'Item', RasdItem)],
  attrs: [attr('id', string, { ns: O, default: '' }), attr('transport', string, { ns: O })],
  anyTail: true,
});
