/**
 * Builders for the tiny request documents of the rule tests. They write children in schema order, one
 * element per line (so `at:` line expectations are unambiguous), and produce schema-valid documents
 * unless a test deliberately breaks something (schema-valid.test.ts checks this against the official XSDs).
 */

export const NS =
  'xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" ' +
  'xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" ' +
  'xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData" ' +
  'xmlns:vmw="http://www.vmware.com/schema/ovf" xmlns:vcloud="http://www.vmware.com/vcloud/v1.5"';

const H = 'https://vcd.example.com/api';
export const TEMPLATE = `${H}/vAppTemplate/vappTemplate-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0`;
export const TEMPLATE_VM = `${H}/vAppTemplate/vm-1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9`;
export const VAPP_VM = `${H}/vApp/vm-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a`;
export const VAPP = `${H}/vApp/vapp-7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910`;
export const NETWORK = `${H}/network/018b194d-a08d-4f69-a869-8c325986dab9`;
export const STORAGE_GOLD = `${H}/vdcStorageProfile/d5ba2303-06cd-4707-a1f6-dd7d9daef4f8`;
export const STORAGE_OTHER = `${H}/vdcStorageProfile/86c968d5-619f-4838-8148-9c07ac438be8`;
export const SIZING = 'https://vcd.example.com/cloudapi/1.0.0/vdcComputePolicies/urn:vcloud:vdcComputePolicy:251cf10e-55f1-423b-a9df-67116dfd0f0a';

type Kind = 'ComposeVAppParams' | 'InstantiateVAppTemplateParams' | 'RecomposeVAppParams' | 'CloneVAppParams' | 'InstantiateOvfParams';

/** Root options: attributes, Description, vApp-level sections and the kind-specific body. */
export interface RootOpts {
  attrs?: string;
  desc?: string;
  vapp?: string[];
  body?: string[];
}

/** Any request root. */
export function root(kind: Kind, o: RootOpts = {}): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<${kind} ${NS} ${o.attrs ?? 'name="t" deploy="true" powerOn="true"'}>`];
  if (o.desc !== undefined) lines.push(`<Description>${o.desc}</Description>`);
  if (o.vapp) lines.push('<InstantiationParams>', ...o.vapp, '</InstantiationParams>');
  lines.push(...(o.body ?? []), `</${kind}>`);
  return lines.join('\n');
}

/** ComposeVAppParams: items (SourcedItem/CreateItem), then AllEULAsAccepted. */
export const compose = (o: RootOpts & { items?: string[] } = {}) => root('ComposeVAppParams', { ...o, body: [...(o.items ?? []), '<AllEULAsAccepted>true</AllEULAsAccepted>', ...(o.body ?? [])] });
/** InstantiateVAppTemplateParams from TEMPLATE. `eula` false leaves AllEULAsAccepted out. */
export const instantiate = (o: RootOpts & { items?: string[]; eula?: boolean; source?: string } = {}) =>
  root('InstantiateVAppTemplateParams', { ...o, body: [`<Source href="${o.source ?? TEMPLATE}"/>`, ...(o.items ?? []), ...(o.eula === false ? [] : ['<AllEULAsAccepted>true</AllEULAsAccepted>'])] });
/** RecomposeVAppParams: items, then DeleteItem/ReconfigureItem lines in `tail`. */
export const recompose = (o: RootOpts & { items?: string[]; tail?: string[] } = {}) => root('RecomposeVAppParams', { ...o, body: [...(o.items ?? []), ...(o.tail ?? [])] });
/** CloneVAppParams of VAPP. */
export const clone = (o: RootOpts & { move?: boolean; items?: string[] } = {}) =>
  root('CloneVAppParams', { ...o, body: [`<Source href="${VAPP}"/>`, ...(o.move ? ['<IsSourceDelete>true</IsSourceDelete>'] : []), ...(o.items ?? [])] });
/** InstantiateOvfParams with a body (NetworkMapping, InstantiateVmParams, ...). */
export const ovf = (o: RootOpts = {}) => root('InstantiateOvfParams', o);

/** A SourcedItem: Source (a template VM), VmGeneralParams/Name, sections, then `after` elements. */
export function sourced(o: { sections?: string[]; name?: string | null; gp?: string; href?: string; sourceName?: string; after?: string[]; attrs?: string } = {}): string {
  const lines = [`<SourcedItem${o.attrs ? ` ${o.attrs}` : ''}>`, `<Source href="${o.href ?? TEMPLATE_VM}"${o.sourceName ? ` name="${o.sourceName}"` : ''}/>`];
  if (o.gp !== undefined) lines.push(o.gp);
  else if (o.name !== null) lines.push(`<VmGeneralParams>`, `<Name>${o.name ?? 'vm1'}</Name>`, `</VmGeneralParams>`);
  if (o.sections) lines.push('<InstantiationParams>', ...o.sections, '</InstantiationParams>');
  lines.push(...(o.after ?? []), '</SourcedItem>');
  return lines.join('\n');
}

/** A CreateItem (blank VM) with sections and a VmSpecSection. */
export function createItem(o: { name?: string; desc?: string; sections?: string[]; spec?: string | null; after?: string[] } = {}): string {
  const lines = [`<CreateItem name="${o.name ?? 'blank1'}">`];
  if (o.desc !== undefined) lines.push(`<Description>${o.desc}</Description>`);
  lines.push(...(o.sections ?? [ncs([nic({ IpAddressAllocationMode: 'DHCP' })])]));
  if (o.spec !== null) lines.push(o.spec ?? vmSpec());
  lines.push(...(o.after ?? []), '</CreateItem>');
  return lines.join('\n');
}

/** VmSpecSection fields (schema order); pass null to leave one out. */
export function vmSpec(f: { os?: string | null; cpus?: string | null; cores?: string | null; mem?: string | null; hw?: string | null } = {}): string {
  const v = { os: 'ubuntu64Guest', cpus: '2', cores: '1', mem: '4096', hw: 'vmx-19', ...f };
  const lines = ['<VmSpecSection Modified="true">', '<ovf:Info>spec</ovf:Info>'];
  if (v.os !== null) lines.push(`<OsType>${v.os}</OsType>`);
  if (v.cpus !== null) lines.push(`<NumCpus>${v.cpus}</NumCpus>`);
  if (v.cores !== null) lines.push(`<NumCoresPerSocket>${v.cores}</NumCoresPerSocket>`);
  if (v.mem !== null) lines.push('<MemoryResourceMb>', `<Configured>${v.mem}</Configured>`, '</MemoryResourceMb>');
  if (v.hw !== null) lines.push(`<HardwareVersion>${v.hw}</HardwareVersion>`);
  lines.push('</VmSpecSection>');
  return lines.join('\n');
}

// ----------------------------------------------------------------------------------------------
// Networks

/** NetworkConfigSection with NetworkConfig elements. */
export const netSection = (...configs: string[]) => ['<NetworkConfigSection>', '<ovf:Info>networks</ovf:Info>', ...configs, '</NetworkConfigSection>'].join('\n');

/** One IpScope (schema order). */
export function ipScope(o: { gateway?: string; netmask?: string | null; prefix?: string; dns1?: string; ranges?: Array<[string, string]> } = {}): string {
  const lines = ['<IpScope>', '<IsInherited>false</IsInherited>', `<Gateway>${o.gateway ?? '10.0.0.1'}</Gateway>`];
  if (o.netmask !== null) lines.push(`<Netmask>${o.netmask ?? '255.255.255.0'}</Netmask>`);
  if (o.prefix) lines.push(`<SubnetPrefixLength>${o.prefix}</SubnetPrefixLength>`);
  if (o.dns1) lines.push(`<Dns1>${o.dns1}</Dns1>`);
  lines.push('<IsEnabled>true</IsEnabled>');
  const ranges = o.ranges ?? [['10.0.0.100', '10.0.0.200']];
  if (ranges.length) lines.push('<IpRanges>', ...ranges.map(([s, e]) => `<IpRange>\n<StartAddress>${s}</StartAddress>\n<EndAddress>${e}</EndAddress>\n</IpRange>`), '</IpRanges>');
  lines.push('</IpScope>');
  return lines.join('\n');
}

/** One NetworkConfig: fence mode, parent network (default for bridged/natRouted), IpScopes. */
export function netConfig(name: string, o: { fence?: string; parent?: boolean | string; scopes?: string[] | null } = {}): string {
  const fence = o.fence ?? 'bridged';
  const parent = o.parent ?? fence !== 'isolated';
  const scopes = o.scopes === undefined ? (fence === 'bridged' ? null : [ipScope()]) : o.scopes;
  const lines = [`<NetworkConfig networkName="${name}">`, '<Configuration>'];
  if (scopes) lines.push('<IpScopes>', ...scopes, '</IpScopes>');
  if (parent) lines.push(typeof parent === 'string' ? parent : `<ParentNetwork href="${NETWORK}" name="corp-lan"/>`);
  lines.push(`<FenceMode>${fence}</FenceMode>`, '</Configuration>', '</NetworkConfig>');
  return lines.join('\n');
}

/** The usual vApp network: "lan", bridged to corp-lan. */
export const LAN = netSection(netConfig('lan'));

const NIC_ORDER = ['NetworkConnectionIndex', 'IpAddress', 'IpType', 'SecondaryIpAddress', 'SecondaryIpType', 'ExternalIpAddress', 'IsConnected', 'MACAddress', 'IpAddressAllocationMode', 'SecondaryIpAddressAllocationMode', 'NetworkAdapterType'] as const;
type NicField = (typeof NIC_ORDER)[number];

/** One NetworkConnection; defaults index 0, connected, POOL, network "lan". `null` leaves a field out. */
export function nic(f: Partial<Record<NicField, string | null>> & { network?: string; attrs?: string } = {}): string {
  const v: Partial<Record<NicField, string | null>> = { NetworkConnectionIndex: '0', IsConnected: 'true', IpAddressAllocationMode: 'POOL', ...f };
  const lines = [`<NetworkConnection network="${f.network ?? 'lan'}"${f.attrs ? ` ${f.attrs}` : ''}>`];
  for (const k of NIC_ORDER) if (v[k] !== undefined && v[k] !== null) lines.push(`<${k}>${v[k]}</${k}>`);
  lines.push('</NetworkConnection>');
  return lines.join('\n');
}

/** NetworkConnectionSection with a primary index (null: none). */
export function ncs(nics: string[], primary: string | null = '0'): string {
  return ['<NetworkConnectionSection>', '<ovf:Info>nics</ovf:Info>', ...(primary === null ? [] : [`<PrimaryNetworkConnectionIndex>${primary}</PrimaryNetworkConnectionIndex>`]), ...nics, '</NetworkConnectionSection>'].join('\n');
}

// ----------------------------------------------------------------------------------------------
// Guest customization, hardware, lease, startup, product

const GC_ORDER = ['Enabled', 'ChangeSid', 'VirtualMachineId', 'JoinDomainEnabled', 'UseOrgSettings', 'DomainName', 'DomainUserName', 'DomainUserPassword', 'MachineObjectOU', 'AdminPasswordEnabled', 'AdminPasswordAuto', 'AdminPassword', 'AdminAutoLogonEnabled', 'AdminAutoLogonCount', 'ResetPasswordRequired', 'CustomizationScript', 'ComputerName'];

/** GuestCustomizationSection with fields in schema order. */
export function gcs(f: Record<string, string>): string {
  for (const k of Object.keys(f)) if (!GC_ORDER.includes(k)) throw new Error(`test setup: ${k} is not a GuestCustomizationSection field`);
  return ['<GuestCustomizationSection>', '<ovf:Info>gc</ovf:Info>', ...GC_ORDER.filter((k) => f[k] !== undefined).map((k) => `<${k}>${f[k]}</${k}>`), '</GuestCustomizationSection>'].join('\n');
}

/** OperatingSystemSection with a CIM id and vmw:osType. */
export const osSection = (id: string, osType?: string) => [`<ovf:OperatingSystemSection ovf:id="${id}"${osType ? ` vmw:osType="${osType}"` : ''}>`, '<ovf:Info>os</ovf:Info>', '</ovf:OperatingSystemSection>'].join('\n');

const RASD_ORDER = ['Address', 'AddressOnParent', 'AllocationUnits', 'AutomaticAllocation', 'Caption', 'Connection', 'Description', 'ElementName', 'HostResource', 'InstanceID', 'Limit', 'Parent', 'Reservation', 'ResourceSubType', 'ResourceType', 'VirtualQuantity', 'Weight'];

/** One rasd Item: fields in CIM order (HostResource may carry attributes: pass the whole element text via `hostResource`). */
export function rasd(f: Record<string, string>, o: { cores?: string; hostResource?: string } = {}): string {
  const lines = ['<ovf:Item>'];
  for (const k of RASD_ORDER) {
    if (k === 'HostResource' && o.hostResource) lines.push(o.hostResource);
    else if (f[k] !== undefined) lines.push(`<rasd:${k}>${f[k]}</rasd:${k}>`);
  }
  if (o.cores !== undefined) lines.push(`<vmw:CoresPerSocket ovf:required="false">${o.cores}</vmw:CoresPerSocket>`);
  lines.push('</ovf:Item>');
  return lines.join('\n');
}
/** A CPU item. */
export const cpu = (n: string, cores?: string, units = 'hertz * 10^6') => rasd({ AllocationUnits: units, ElementName: `${n} CPU`, InstanceID: '4', ResourceType: '3', VirtualQuantity: n }, { cores });
/** A memory item. */
export const memory = (q: string, units = 'byte * 2^20', id = '5') => rasd({ AllocationUnits: units, ElementName: 'memory', InstanceID: id, ResourceType: '4', VirtualQuantity: q });
/** A disk item with a vcloud:capacity in MB. */
export const disk = (id: string, capacityMb: string) =>
  rasd({ AddressOnParent: '0', ElementName: `disk ${id}`, InstanceID: id, Parent: '2', ResourceType: '17' }, { hostResource: `<rasd:HostResource vcloud:capacity="${capacityMb}" vcloud:busType="6" vcloud:busSubType="VirtualSCSI"/>` });

/** VirtualHardwareSection with items (and optionally a System with VirtualSystemType). */
export function vhs(items: string[], systemType?: string): string {
  const lines = ['<ovf:VirtualHardwareSection>', '<ovf:Info>hw</ovf:Info>'];
  if (systemType) lines.push('<ovf:System>', '<vssd:ElementName>Virtual Hardware Family</vssd:ElementName>', '<vssd:InstanceID>0</vssd:InstanceID>', `<vssd:VirtualSystemType>${systemType}</vssd:VirtualSystemType>`, '</ovf:System>');
  lines.push(...items, '</ovf:VirtualHardwareSection>');
  return lines.join('\n');
}

/** LeaseSettingsSection with fields in schema order. */
export function lease(f: { deploy?: string; storage?: string; deployExpiration?: string }): string {
  const lines = ['<LeaseSettingsSection>', '<ovf:Info>lease</ovf:Info>'];
  if (f.deploy !== undefined) lines.push(`<DeploymentLeaseInSeconds>${f.deploy}</DeploymentLeaseInSeconds>`);
  if (f.storage !== undefined) lines.push(`<StorageLeaseInSeconds>${f.storage}</StorageLeaseInSeconds>`);
  if (f.deployExpiration !== undefined) lines.push(`<DeploymentLeaseExpiration>${f.deployExpiration}</DeploymentLeaseExpiration>`);
  lines.push('</LeaseSettingsSection>');
  return lines.join('\n');
}

/** ovf:StartupSection with items given as attribute strings. */
export const startup = (...items: string[]) => ['<ovf:StartupSection>', '<ovf:Info>startup</ovf:Info>', ...items.map((a) => `<ovf:Item ${a}/>`), '</ovf:StartupSection>'].join('\n');

/** ovf:ProductSection with properties given as attribute strings. */
export const product = (props: string[], attrs = '') => [`<ovf:ProductSection${attrs ? ` ${attrs}` : ''}>`, '<ovf:Info>product</ovf:Info>', ...props.map((a) => `<ovf:Property ${a}/>`), '</ovf:ProductSection>'].join('\n');

/** DefaultStorageProfileSection by name. */
export const defaultStorage = (name: string) => ['<DefaultStorageProfileSection>', '<ovf:Info>storage</ovf:Info>', `<StorageProfile>${name}</StorageProfile>`, '</DefaultStorageProfileSection>'].join('\n');

/** A VM with one NIC on "lan" in a compose with the LAN network: the usual frame for VM-level tests. */
export const vmDoc = (sections: string[], o: { items?: string[]; attrs?: string } = {}) => compose({ vapp: [LAN], items: [sourced({ sections }), ...(o.items ?? [])], attrs: o.attrs });
