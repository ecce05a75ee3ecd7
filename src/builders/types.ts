/**
 * The builders' option types. Every option is optional unless marked required; hrefs are the
 * `href`s the Cloud Director API returns (`https://vcd.example.com/api/...`). Sizes are MB
 * (mebibytes, as Cloud Director counts them).
 */

/** How a NIC gets its IP address. `MANUAL` needs `ip`; `NONE` leaves the NIC without one. */
export type IpMode = 'POOL' | 'DHCP' | 'MANUAL' | 'NONE';

/** Virtual NIC adapter types Cloud Director offers. */
export type NicAdapter = 'VMXNET3' | 'E1000' | 'E1000E' | 'VMXNET2' | 'PCNet32' | 'SRIOVETHERNETCARD';

/**
 * The controller a disk hangs on: `paravirtual` (VMware Paravirtual SCSI), `lsilogic` (LSI Logic
 * parallel SCSI), `lsilogicsas` (LSI Logic SAS), `buslogic`, `sata`, `nvme` or `ide`.
 */
export type DiskBus = 'paravirtual' | 'lsilogic' | 'lsilogicsas' | 'buslogic' | 'sata' | 'nvme' | 'ide';

/** A vApp network (NetworkConfigSection/NetworkConfig). */
export interface NetworkSpec {
  /** Required. The vApp network's name, which NICs refer to. */
  name: string;
  description?: string;
  /** `bridged` (the default when `parent` is given), `natRouted`, or `isolated` (the default without `parent`). */
  fenceMode?: 'bridged' | 'natRouted' | 'isolated';
  /** href of the org VDC network to connect to (bridged and natRouted). */
  parent?: string;
  /** Gateway of the subnet (isolated and natRouted networks). */
  gateway?: string;
  /** Netmask of an IPv4 subnet, e.g. `255.255.255.0`. */
  netmask?: string;
  /** Prefix length of the subnet (API 34.0; below 34.0 build writes it as `Netmask` for IPv4). */
  prefixLength?: number;
  /** DNS servers: one or two addresses. */
  dns?: readonly string[];
  dnsSuffix?: string;
  /** One static IP pool: `[first, last]` address. */
  pool?: readonly [string, string];
  /** Several static IP pools, each `[first, last]`. */
  pools?: readonly (readonly [string, string])[];
  /** Keep MAC and IP addresses across deployments (RetainNetInfoAcrossDeployments). */
  retainNetInfo?: boolean;
}

/** The second address of a dual-stack NIC (API 34.0). */
export interface SecondaryIpSpec {
  /** IP allocation of the second address (default POOL). */
  mode?: IpMode;
  /** The address, for MANUAL. */
  ip?: string;
  /** `IPV6` (default) or `IPV4`. */
  ipType?: 'IPV4' | 'IPV6';
}

/**
 * One NIC of a VM (NetworkConnectionSection/NetworkConnection). There is no MAC address option:
 * Cloud Director ignores a MACAddress in these requests (rule readonly/ignored-value); set one with a
 * later reconfigure of the VM.
 */
export interface NicSpec {
  /** Required. The vApp network name, or `none` for a NIC on no network. */
  network: string;
  /** IP allocation: POOL (default), DHCP, MANUAL (needs `ip`) or NONE. */
  mode?: IpMode;
  /** The IP address, for MANUAL. */
  ip?: string;
  /** The type of `ip` (API 34.0): `IPV4` or `IPV6`. */
  ipType?: 'IPV4' | 'IPV6';
  /** A second address (dual stack, API 34.0). */
  secondary?: SecondaryIpSpec;
  adapter?: NicAdapter;
  /** Connected at power-on (default true; false for `network: 'none'`). */
  connected?: boolean;
  /** This NIC is the primary one (default: the first NIC). At most one NIC may say so. */
  primary?: boolean;
  /** The NIC's index on the VM (default: its place in the list, 0, 1, ...). */
  index?: number;
}

/**
 * A disk of a VM. With `instanceId` (the template disk's rasd:InstanceID, 2000, 2001, ...) it
 * changes that disk: its size, bus or storage profile. Without it, it adds a disk. Cloud Director
 * grows template disks at instantiation but never removes or shrinks them there: remove a disk
 * afterwards (reconfigureVm).
 */
export interface DiskSpec {
  /** The disk to change; leave out to add a disk. */
  instanceId?: number | string;
  /** Size in MB (required for a new disk; at least the template's size for an existing one). */
  sizeMB?: number;
  /** Controller type (a new disk defaults to the VM's default controller). */
  bus?: DiskBus;
  /**
   * Unit number on the controller (rasd:AddressOnParent). A new disk's InstanceID is 2000 + unit
   * number, else the next number after the disks listed (at least 2001): give it when the template
   * has disks you do not list.
   */
  unitNumber?: number;
  /** href of the storage profile for this disk (overrides the VM's). */
  storageProfile?: string;
  /** The disk's display name (default `Hard disk N`). */
  name?: string;
}

/** Joining an Active Directory domain (Windows guests). */
export interface DomainJoinSpec {
  /** Required. The domain, e.g. `corp.example.com`. */
  name: string;
  /** Required. An account allowed to join machines. */
  user: string;
  /** Required. Its password (written into the request; keep the file private). */
  password: string;
  /** The organizational unit for the computer account, e.g. `OU=Servers,DC=corp,DC=example,DC=com`. */
  ou?: string;
}

/** Guest customization of a VM (GuestCustomizationSection), for Linux and Windows guests. */
export interface CustomizationSpec {
  /** Customize the guest (default true). */
  enabled?: boolean;
  /** Set this administrator (root) password. Written into the request: keep the file private. */
  adminPassword?: string;
  /** Let Cloud Director generate the administrator password (when `adminPassword` is not given). */
  autoPassword?: boolean;
  /** Make the user change the administrator password at first login. */
  resetPasswordRequired?: boolean;
  /** Windows: log on automatically as administrator this many times after customization. */
  autoLogon?: number;
  /** A customization script. Bare line feeds are written as CR LF (`&#13;` in the XML, as the XSD asks); a script with CRs is kept as given. */
  script?: string;
  /** Windows: generate a new SID. */
  changeSid?: boolean;
  /** Windows: join this Active Directory domain. */
  domain?: DomainJoinSpec;
}

/** When a VM starts and stops within its vApp (StartupSection item). */
export interface StartupSpec {
  /** Required. Start order (0 first); VMs with the same order start together. */
  order: number;
  /** Seconds to wait after starting before the next group (default 0). */
  startDelay?: number;
  /** Seconds to wait after stopping (default 0). */
  stopDelay?: number;
  /** `powerOn` (default) or `none`. */
  startAction?: 'powerOn' | 'none';
  /** `powerOff` (default) or `guestShutdown`. */
  stopAction?: 'powerOff' | 'guestShutdown';
  /** Wait for the guest's VMware Tools before the next group. */
  waitForGuest?: boolean;
}

/** One VM taken into the vApp from a template or another vApp (SourcedItem). */
export interface VmSpec {
  /** Required. href of the source VM (`.../api/vAppTemplate/vm-<id>` or `.../api/vApp/vm-<id>`). */
  source: string;
  /** The new VM's name (needed for `startup`). */
  name?: string;
  description?: string;
  /** Guest host name (letters, digits, hyphens; at most 15 characters for Windows). */
  computerName?: string;
  /** Number of virtual CPUs. */
  cpus?: number;
  /** Cores per socket (divides `cpus`). */
  coresPerSocket?: number;
  /** Memory in MB (a multiple of 4). */
  memoryMB?: number;
  /** Disks to change or add. */
  disks?: readonly DiskSpec[];
  /** The VM's NICs, in order. */
  nics?: readonly NicSpec[];
  customization?: CustomizationSpec;
  /** href of the VM's storage profile. */
  storageProfile?: string;
  /** href of a VM sizing policy (ComputePolicy, API 33.0; below it build writes VdcComputePolicy, 31.0). */
  sizingPolicy?: string;
  /** href of a VM placement policy (ComputePolicy, API 33.0). */
  placementPolicy?: string;
  /** Hot-add of CPUs and memory (VmCapabilities). */
  hotAdd?: { cpu?: boolean; memory?: boolean };
  /** Start and stop order in the vApp (needs `name`). */
  startup?: StartupSpec;
}

/** Lease settings of the vApp. 0 means the lease never expires. */
export interface LeaseSpec {
  /** Runtime lease in seconds (0 or at least 3600). */
  deploymentSeconds?: number;
  /** Storage lease in seconds (0 or at least 3600). */
  storageSeconds?: number;
}

/** Options shared by the builders that create a vApp. */
export interface VAppSpec {
  /** Required. The vApp's name. */
  name: string;
  description?: string;
  /** Deploy the vApp after creating it (default true; CloneVAppParams default false). */
  deploy?: boolean;
  /** Power it on (default true; needs `deploy`; CloneVAppParams default false). */
  powerOn?: boolean;
  /** vApp networks. */
  networks?: readonly NetworkSpec[];
  /** The VMs. */
  vms?: readonly VmSpec[];
  /** Accept the EULAs of the sources (required when they have any). */
  acceptEulas?: boolean;
  /** Use linked clones (fast provisioning) where the VDC allows it. */
  linkedClone?: boolean;
  lease?: LeaseSpec;
  /** Name of the vApp's default storage profile (DefaultStorageProfileSection, API 5.1). */
  defaultStorageProfile?: string;
}

/** instantiateTemplate: a vApp from a vApp template. */
export interface InstantiateTemplateSpec extends VAppSpec {
  /** Required. href of the vApp template (`.../api/vAppTemplate/vappTemplate-<id>`). */
  template: string;
}

/** composeVApp: a vApp made of VMs from templates and other vApps. */
export interface ComposeVAppSpec extends VAppSpec {}

/** recomposeVApp: add VMs to an existing vApp and delete others (posted to the vApp's recompose link). */
export interface RecomposeVAppSpec {
  /** A new name for the vApp (default: unchanged). */
  name?: string;
  description?: string;
  /** vApp networks to add. */
  networks?: readonly NetworkSpec[];
  /** VMs to add. */
  vms?: readonly VmSpec[];
  /** hrefs of VMs of the vApp to delete. */
  delete?: readonly string[];
  acceptEulas?: boolean;
  linkedClone?: boolean;
  lease?: LeaseSpec;
}

/** cloneVApp: a copy (or, with `move`, a move) of a vApp. */
export interface CloneVAppSpec {
  /** Required. The new vApp's name. */
  name: string;
  /** Required. href of the vApp to copy (`.../api/vApp/vapp-<id>`). */
  source: string;
  description?: string;
  /** Delete the source after copying (a move; the source must be powered off). */
  move?: boolean;
  /** Deploy the copy (default false). */
  deploy?: boolean;
  /** Power the copy on (default false). */
  powerOn?: boolean;
  linkedClone?: boolean;
  /** vApp networks of the copy. */
  networks?: readonly NetworkSpec[];
  /** Per-VM changes: `source` is the href of a VM of the source vApp. */
  vms?: readonly VmSpec[];
  lease?: LeaseSpec;
}

/** One VM of an OVF package (InstantiateVmParams), by its VirtualSystem's ovf:id. */
export interface OvfVmSpec {
  /** Required. The VirtualSystem's `ovf:id` in the descriptor. */
  id: string;
  /** Guest host name. */
  computerName?: string;
  /** href of the VM's storage profile. */
  storageProfile?: string;
  cpus?: number;
  coresPerSocket?: number;
  /** Memory in MB (a multiple of 4). */
  memoryMB?: number;
  /** Disk sizes, by the disk's InstanceID in the descriptor. */
  disks?: readonly { instanceId: number | string; sizeMB: number }[];
  /** The VM's NICs, in order. */
  nics?: readonly NicSpec[];
  /** Start and stop order in the vApp (by `id`). */
  startup?: StartupSpec;
}

/** instantiateOvf: a vApp from an OVF package, whose descriptor is uploaded after the request. */
export interface InstantiateOvfSpec {
  /** Required. The vApp's name. */
  name: string;
  /**
   * Required. Where the OVF descriptor is (URL or file path). The request has no field for it: Cloud
   * Director answers with an upload link, and `vcd send --ovf` uploads the descriptor there. The
   * builder keeps it on the document under the symbol OVF_DESCRIPTOR; build does not write it.
   */
  ovf: string;
  description?: string;
  deploy?: boolean;
  powerOn?: boolean;
  /** Accept the package's EULAs (required when it has any). */
  acceptEulas?: boolean;
  /** vApp networks. */
  networks?: readonly NetworkSpec[];
  /** OVF network name -> vApp network name. */
  networkMapping?: Readonly<Record<string, string>>;
  /** OVF property key -> value (ProductSection properties the package declares). */
  properties?: Readonly<Record<string, string>>;
  /** Per-VM settings. */
  vms?: readonly OvfVmSpec[];
  /** Drop OVF extensions Cloud Director does not know (RemoveNonStandardOvfExtensions, API 5.9). */
  removeNonStandardExtensions?: boolean;
  /** MIME type of the upload (`application/ovf+xml`, default; or the OVA type). */
  transferFormat?: string;
  lease?: LeaseSpec;
  defaultStorageProfile?: string;
}
