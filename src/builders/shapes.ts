/**
 * The run-time shapes of the builders' options. `satisfies ShapeOf<T>` makes tsc fail when a shape
 * and its interface in types.ts name different keys, so the two cannot drift apart.
 */
import type { Check, Field, Shape, ShapeOf } from './spec-check.js';
import type * as T from './types.js';

const str: Field = { check: 'string' };
const int: Field = { check: 'integer' };
const bool: Field = { check: 'boolean' };
const req = (check: Check): Field => ({ check, required: true });
const oneOf = (...values: string[]): Field => ({ check: { enum: values } });
const obj = (name: string, object: Shape): Field => ({ check: { object, name } });
const list = (check: Check): Field => ({ check: { array: check } });
const IP_MODES = ['POOL', 'DHCP', 'MANUAL', 'NONE'];
const IP_TYPES = ['IPV4', 'IPV6'];

/** The run-time shape of NetworkSpec. */
export const NETWORK = {
  name: req('string'),
  description: str,
  fenceMode: oneOf('bridged', 'natRouted', 'isolated'),
  parent: str,
  gateway: str,
  netmask: str,
  prefixLength: int,
  dns: list('string'),
  dnsSuffix: str,
  pool: { check: { pair: 'string' } },
  pools: list({ pair: 'string' }),
  retainNetInfo: bool,
} satisfies ShapeOf<T.NetworkSpec>;

/** The run-time shape of SecondaryIpSpec. */
export const SECONDARY_IP = { mode: oneOf(...IP_MODES), ip: str, ipType: oneOf(...IP_TYPES) } satisfies ShapeOf<T.SecondaryIpSpec>;

/** The run-time shape of NicSpec. */
export const NIC = {
  network: req('string'),
  mode: oneOf(...IP_MODES),
  ip: str,
  ipType: oneOf(...IP_TYPES),
  secondary: obj('SecondaryIpSpec', SECONDARY_IP),
  adapter: oneOf('VMXNET3', 'E1000', 'E1000E', 'VMXNET2', 'PCNet32', 'SRIOVETHERNETCARD'),
  connected: bool,
  primary: bool,
  index: int,
} satisfies ShapeOf<T.NicSpec>;

/** The run-time shape of DiskSpec. */
export const DISK = {
  instanceId: { check: 'id' },
  sizeMB: int,
  bus: oneOf('paravirtual', 'lsilogic', 'lsilogicsas', 'buslogic', 'sata', 'nvme', 'ide'),
  unitNumber: int,
  storageProfile: str,
  name: str,
} satisfies ShapeOf<T.DiskSpec>;

/** The run-time shape of DomainJoinSpec. */
export const DOMAIN = { name: req('string'), user: req('string'), password: req('string'), ou: str } satisfies ShapeOf<T.DomainJoinSpec>;

/** The run-time shape of CustomizationSpec. */
export const CUSTOMIZATION = {
  enabled: bool,
  adminPassword: str,
  autoPassword: bool,
  resetPasswordRequired: bool,
  autoLogon: int,
  script: str,
  changeSid: bool,
  domain: obj('DomainJoinSpec', DOMAIN),
} satisfies ShapeOf<T.CustomizationSpec>;

/** The run-time shape of StartupSpec. */
export const STARTUP = {
  order: req('integer'),
  startDelay: int,
  stopDelay: int,
  startAction: oneOf('powerOn', 'none'),
  stopAction: oneOf('powerOff', 'guestShutdown'),
  waitForGuest: bool,
} satisfies ShapeOf<T.StartupSpec>;

/** The run-time shape of VmSpec. */
export const VM = {
  source: req('string'),
  name: str,
  description: str,
  computerName: str,
  cpus: int,
  coresPerSocket: int,
  memoryMB: int,
  disks: list({ object: DISK, name: 'DiskSpec' }),
  nics: list({ object: NIC, name: 'NicSpec' }),
  customization: obj('CustomizationSpec', CUSTOMIZATION),
  storageProfile: str,
  sizingPolicy: str,
  placementPolicy: str,
  hotAdd: obj('hotAdd', { cpu: bool, memory: bool }),
  startup: obj('StartupSpec', STARTUP),
} satisfies ShapeOf<T.VmSpec>;

/** The run-time shape of LeaseSpec. */
export const LEASE = { deploymentSeconds: int, storageSeconds: int } satisfies ShapeOf<T.LeaseSpec>;

const networks = list({ object: NETWORK, name: 'NetworkSpec' });
const vms = list({ object: VM, name: 'VmSpec' });
const lease = obj('LeaseSpec', LEASE);

/** The run-time shape of VAppSpec. */
export const VAPP = {
  name: req('string'),
  description: str,
  deploy: bool,
  powerOn: bool,
  networks,
  vms,
  acceptEulas: bool,
  linkedClone: bool,
  lease,
  defaultStorageProfile: str,
} satisfies ShapeOf<T.VAppSpec>;

/** The run-time shape of InstantiateTemplateSpec. */
export const INSTANTIATE = { ...VAPP, template: req('string') } satisfies ShapeOf<T.InstantiateTemplateSpec>;
/** The run-time shape of ComposeVAppSpec. */
export const COMPOSE = VAPP satisfies ShapeOf<T.ComposeVAppSpec>;

/** The run-time shape of RecomposeVAppSpec. */
export const RECOMPOSE = {
  name: str,
  description: str,
  networks,
  vms,
  delete: list('string'),
  acceptEulas: bool,
  linkedClone: bool,
  lease,
} satisfies ShapeOf<T.RecomposeVAppSpec>;

/** The run-time shape of CloneVAppSpec. */
export const CLONE = {
  name: req('string'),
  source: req('string'),
  description: str,
  move: bool,
  deploy: bool,
  powerOn: bool,
  linkedClone: bool,
  networks,
  vms,
  lease,
} satisfies ShapeOf<T.CloneVAppSpec>;

/** The run-time shape of OvfVmSpec. */
export const OVF_VM = {
  id: req('string'),
  computerName: str,
  storageProfile: str,
  cpus: int,
  coresPerSocket: int,
  memoryMB: int,
  disks: list({ object: { instanceId: req('id'), sizeMB: req('integer') }, name: 'OvfDiskSpec' }),
  nics: list({ object: NIC, name: 'NicSpec' }),
  startup: obj('StartupSpec', STARTUP),
} satisfies ShapeOf<T.OvfVmSpec>;

/** The run-time shape of InstantiateOvfSpec. */
export const OVF = {
  name: req('string'),
  ovf: req('string'),
  description: str,
  deploy: bool,
  powerOn: bool,
  acceptEulas: bool,
  networks,
  networkMapping: { check: { record: 'string', name: 'networkMapping' } },
  properties: { check: { record: 'string', name: 'properties' } },
  vms: list({ object: OVF_VM, name: 'OvfVmSpec' }),
  removeNonStandardExtensions: bool,
  transferFormat: str,
  lease,
  defaultStorageProfile: str,
} satisfies ShapeOf<T.InstantiateOvfSpec>;
