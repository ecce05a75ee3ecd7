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
    attr('capacity', long, { doc: 'Disk size in MB (Cloud Director).', ns: NS.vcloud }),
    attr('busType', string, { doc: "Bus of the disk's controller (Cloud Director).", ns: NS.vcloud }),
    attr('busSubType', string, { doc: 'Controller model, e.g. lsilogic, VirtualSCSI (Cloud Director).', ns: NS.vcloud }),
    attr('storageProfileHref', anyURI, { doc: 'Storage profile of the disk (Cloud Director).', ns: NS.vcloud }),
    attr('storageProfileOverrideVmDefault', boolean, { doc: "Whether the disk's storage profile overrides the VM's (Cloud Director).", ns: NS.vcloud }),
  ],
});

/** rasd:Connection: for NICs the network name, with Cloud Director's addressing attributes. */
const Connection = attributedLeaf(string, {
  attrs: [
    attr('ipAddressingMode', string, { doc: 'How the NIC gets its address (Cloud Director).', ns: NS.vcloud }),
    attr('ipAddress', string, { doc: "The NIC's address (Cloud Director).", ns: NS.vcloud }),
    attr('primaryNetworkConnection', boolean, { doc: "Whether this is the VM's primary NIC (Cloud Director).", ns: NS.vcloud }),
  ],
});

/** vmw:CoresPerSocket, the one extension element of a CPU item vmparams understands. */
const CoresPerSocket = attributedLeaf(unsignedInt, { attrs: [attr('required', boolean, { doc: 'Whether the element must be understood (OVF).', ns: O })] });

/** ovf:RASD_Type: one virtual device. */
export const RasdItem = complex('RASD_Type', {
  children: [
    opt(R, 'Address', cimString, { doc: 'Address of the device (e.g. a MAC address for a NIC).' }),
    opt(R, 'AddressOnParent', cimString, { doc: "Position on the parent controller (e.g. the disk's unit number)." }),
    opt(R, 'AllocationUnits', cimString, { doc: 'Unit of the quantities, e.g. hertz * 10^6 for CPUs, byte * 2^20 for memory.' }),
    opt(R, 'AutomaticAllocation', cimBoolean, { doc: 'Whether the device is connected at power on (CD, floppy, NIC).' }),
    opt(R, 'AutomaticDeallocation', cimBoolean, { doc: 'Whether the device is released at power off.' }),
    opt(R, 'Caption', cimString, { doc: 'Short description of the device (at most 64 characters).' }),
    opt(R, 'ChangeableType', cimUShort, { doc: 'Whether the setting may change (CIM).' }),
    opt(R, 'ConfigurationName', cimString, { doc: 'Name of the configuration (CIM).' }),
    many(R, 'Connection', Connection, { doc: 'For a NIC: the vApp network it connects to.' }),
    opt(R, 'ConsumerVisibility', cimUShort, { doc: 'Whether the guest sees the device as virtual or passed through (CIM).' }),
    opt(R, 'Description', cimString, { doc: 'Description of the device.' }),
    one(R, 'ElementName', cimString, { doc: 'Display name of the device (required).' }),
    opt(R, 'Generation', cimULong, { doc: 'Generation number of the setting (CIM).' }),
    many(R, 'HostResource', HostResource, { doc: 'For a disk: its backing; Cloud Director reads the size from vcloud:capacity.' }),
    one(R, 'InstanceID', cimString, { doc: 'Id of the device within the VM, referenced by Parent (required).' }),
    opt(R, 'Limit', cimULong, { doc: 'Upper limit of the resource (e.g. MHz for CPUs).' }),
    opt(R, 'MappingBehavior', cimUShort, { doc: 'How the device maps to host resources (CIM).' }),
    opt(R, 'OtherResourceType', cimString, { doc: 'Resource type name when ResourceType is 1 (other).' }),
    opt(R, 'Parent', cimString, { doc: 'InstanceID of the controller the device hangs on.' }),
    opt(R, 'PoolID', cimString, { doc: 'Resource pool the device draws from (CIM).' }),
    opt(R, 'Reservation', cimULong, { doc: 'Guaranteed amount of the resource.' }),
    opt(R, 'ResourceSubType', cimString, { doc: 'Model of the device, e.g. vmxnet3 or lsilogic.' }),
    opt(R, 'ResourceType', cimUShort, { doc: 'Kind of device: 3 CPU, 4 memory, 5 IDE, 6 SCSI, 10 NIC, 15 CD/DVD, 17 disk.' }),
    opt(R, 'VirtualQuantity', cimULong, { doc: 'How many: CPUs for a CPU item, megabytes for memory.' }),
    opt(R, 'VirtualQuantityUnits', cimString, { doc: 'Unit of VirtualQuantity (CIM).' }),
    opt(R, 'Weight', cimUInt, { doc: 'Relative share of the resource (CIM).' }),
    opt(NS.vmw, 'CoresPerSocket', CoresPerSocket, { doc: 'Cores per CPU socket (VMware extension on the CPU item).' }),
  ],
  attrs: [
    attr('required', boolean, { doc: 'Whether the device must be present to deploy (OVF; default true).', ns: O, default: 'true' }),
    attr('configuration', string, { doc: 'Deployment configurations the item belongs to (OVF).', ns: O }),
    attr('bound', string, { doc: 'Whether the item is the minimum, maximum or normal value of a range (OVF).', ns: O }),
  ],
  anyAttr: true,
  anyTail: true,
});

/** ovf:VSSD_Type: the virtual system (hardware version in VirtualSystemType, e.g. vmx-14). */
export const VirtualSystem = complex('VSSD_Type', {
  children: [
    opt(S, 'AutomaticRecoveryAction', cimUShort, { doc: 'What the host does when the system fails (CIM).' }),
    opt(S, 'AutomaticShutdownAction', cimUShort, { doc: 'What the host does with the system when it shuts down (CIM).' }),
    opt(S, 'AutomaticStartupAction', cimUShort, { doc: 'Whether the system starts with the host (CIM).' }),
    opt(S, 'AutomaticStartupActionDelay', cimString, { doc: 'Delay before that start (CIM).' }),
    opt(S, 'AutomaticStartupActionSequenceNumber', cimUShort, { doc: 'Order of that start (CIM).' }),
    opt(S, 'Caption', cimString, { doc: 'Short description of the virtual system.' }),
    opt(S, 'ChangeableType', cimUShort, { doc: 'Whether the setting may change (CIM).' }),
    opt(S, 'ConfigurationDataRoot', cimString, { doc: "Where the system's configuration data is kept (CIM)." }),
    opt(S, 'ConfigurationFile', cimString, { doc: "The system's configuration file (CIM)." }),
    opt(S, 'ConfigurationID', cimString, { doc: 'Id of the configuration (CIM).' }),
    opt(S, 'ConfigurationName', cimString, { doc: 'Name of the configuration (CIM).' }),
    opt(S, 'CreationTime', xml('cimDateTime'), { doc: 'When the system was created (CIM).' }),
    opt(S, 'Description', cimString, { doc: 'Description of the virtual system.' }),
    one(S, 'ElementName', cimString, { doc: 'Display name of the virtual system (required).' }),
    opt(S, 'Generation', cimULong, { doc: 'Generation number of the setting (CIM).' }),
    one(S, 'InstanceID', cimString, { doc: 'Id of the virtual system (required).' }),
    opt(S, 'LogDataRoot', cimString, { doc: "Where the system's logs are kept (CIM)." }),
    many(S, 'Notes', cimString, { doc: 'Free-text notes.' }),
    opt(S, 'RecoveryFile', cimString, { doc: "The system's recovery file (CIM)." }),
    opt(S, 'SnapshotDataRoot', cimString, { doc: 'Where snapshots are kept (CIM).' }),
    opt(S, 'SuspendDataRoot', cimString, { doc: 'Where the suspended state is kept (CIM).' }),
    opt(S, 'SwapFileDataRoot', cimString, { doc: 'Where the swap file is kept (CIM).' }),
    opt(S, 'VirtualSystemIdentifier', cimString, { doc: 'Name of the virtual system.' }),
    opt(S, 'VirtualSystemType', cimString, { doc: 'Virtual hardware version, e.g. vmx-19.' }),
  ],
  attrs: [attr('required', boolean, { doc: 'Whether the element must be understood (OVF; default true).', ns: O, default: 'true' })],
  anyAttr: true,
  anyTail: true,
});

export const VirtualHardwareSection = extend(sectionBase('Virtual hardware requirements'), 'VirtualHardwareSection_Type', {
  children: [opt(O, 'System', VirtualSystem, { doc: 'The virtual system: hardware version and identity.' }), many(O, 'Item', RasdItem, { doc: 'One virtual device: CPU, memory, disk, controller, NIC, CD drive.' })],
  attrs: [attr('id', string, { doc: 'Id of the section (OVF; default empty).', ns: O, default: '' }), attr('transport', string, { doc: 'How the OVF environment reaches the guest, e.g. com.vmware.guestInfo or iso.', ns: O })],
  anyTail: true,
});
