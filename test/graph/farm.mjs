/**
 * A big ComposeVAppParams for the graph: `vms` VMs (default 50) on `networks` vApp networks (default
 * 5, at most 5), one to three NICs each with every allocation mode, some disconnected, a few blank
 * VMs (CreateItem with VmSpecSection). Text template, deterministic (same arguments -> same bytes),
 * schema-valid; written after bench/gen.mjs.
 */

const NETWORKS = [
  { name: 'web-dmz', fence: 'bridged', parent: 'corp-dmz', net: '10.10.0' },
  { name: 'app-tier', fence: 'natRouted', parent: 'corp-lan-01', net: '192.168.20' },
  { name: 'db-tier', fence: 'isolated', parent: null, net: '192.168.30' },
  { name: 'backup', fence: 'bridged', parent: 'backup-lan', net: '10.50.0' },
  { name: 'mgmt', fence: 'natRouted', parent: 'corp-lan-01', net: '192.168.99' },
];
const ROLES = [
  { role: 'web', os: 'ubuntu64Guest', nets: [0, 1] },
  { role: 'app', os: 'rhel9_64Guest', nets: [1, 2] },
  { role: 'db', os: 'rhel8_64Guest', nets: [2, 3] },
  { role: 'cache', os: 'debian12_64Guest', nets: [1] },
  { role: 'batch', os: 'windows2019srv_64Guest', nets: [1, 3] },
];
const MODES = ['MANUAL', 'POOL', 'DHCP'];

function network(n) {
  const scope = n.fence === 'bridged' ? '' : `
          <IpScopes>
            <IpScope>
              <IsInherited>false</IsInherited>
              <Gateway>${n.net}.1</Gateway>
              <Netmask>255.255.255.0</Netmask>
              <IsEnabled>true</IsEnabled>
              <IpRanges>
                <IpRange>
                  <StartAddress>${n.net}.100</StartAddress>
                  <EndAddress>${n.net}.199</EndAddress>
                </IpRange>
              </IpRanges>
            </IpScope>
          </IpScopes>`;
  const parent = n.parent ? `
          <ParentNetwork href="https://vcd.example.com/api/network/${n.parent}" name="${n.parent}"/>` : '';
  return `
      <NetworkConfig networkName="${n.name}">
        <Configuration>${scope}${parent}
          <FenceMode>${n.fence}</FenceMode>
        </Configuration>
      </NetworkConfig>`;
}

/** The NICs of VM `i`: its role's networks, plus mgmt on every fourth VM (when there are 5 networks). */
function nics(i, nets, count) {
  const list = nets.filter((k) => k < count);
  if (count > 4 && i % 4 === 0) list.push(4);
  if (!list.length) list.push(0);
  return list.map((k, index) => {
    const mode = MODES[(i + index) % 3];
    const ip = mode === 'MANUAL' ? `
          <IpAddress>${NETWORKS[k].net}.${10 + i}</IpAddress>` : '';
    const connected = !(i % 7 === 3 && index > 0);
    return `
        <NetworkConnection network="${NETWORKS[k].name}">
          <NetworkConnectionIndex>${index}</NetworkConnectionIndex>${ip}
          <IsConnected>${connected}</IsConnected>
          <IpAddressAllocationMode>${mode}</IpAddressAllocationMode>
          <NetworkAdapterType>VMXNET3</NetworkAdapterType>
        </NetworkConnection>`;
  }).join('');
}

function nicSection(i, nets, count) {
  return `
      <NetworkConnectionSection>
        <ovf:Info>NICs</ovf:Info>
        <PrimaryNetworkConnectionIndex>0</PrimaryNetworkConnectionIndex>${nics(i, nets, count)}
      </NetworkConnectionSection>`;
}

function sourcedItem(i, count) {
  const r = ROLES[i % ROLES.length];
  const name = `${r.role}-${String(i + 1).padStart(2, '0')}`;
  const cpus = 2 << (i % 3);
  const memGB = 4 << (i % 3);
  const disk2 = i % 3 === 0 ? `
        <ovf:Item>
          <rasd:AddressOnParent>1</rasd:AddressOnParent>
          <rasd:ElementName>Hard disk 2</rasd:ElementName>
          <rasd:HostResource vcloud:capacity="${102400 * (1 + (i % 4))}" vcloud:busSubType="VirtualSCSI" vcloud:busType="6"/>
          <rasd:InstanceID>2001</rasd:InstanceID>
          <rasd:Parent>2</rasd:Parent>
          <rasd:ResourceType>17</rasd:ResourceType>
        </ovf:Item>` : '';
  return `
  <SourcedItem>
    <Source href="https://vcd.example.com/api/vAppTemplate/vm-${r.role}" name="${r.role}-template"/>
    <VmGeneralParams>
      <Name>${name}</Name>
    </VmGeneralParams>
    <InstantiationParams>
      <ovf:VirtualHardwareSection>
        <ovf:Info>Hardware</ovf:Info>
        <ovf:Item>
          <rasd:AddressOnParent>0</rasd:AddressOnParent>
          <rasd:ElementName>Hard disk 1</rasd:ElementName>
          <rasd:HostResource vcloud:capacity="${40960 + (i % 4) * 20480}" vcloud:busSubType="VirtualSCSI" vcloud:busType="6"/>
          <rasd:InstanceID>2000</rasd:InstanceID>
          <rasd:Parent>2</rasd:Parent>
          <rasd:ResourceType>17</rasd:ResourceType>
        </ovf:Item>${disk2}
        <ovf:Item>
          <rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits>
          <rasd:ElementName>${cpus} virtual CPU(s)</rasd:ElementName>
          <rasd:InstanceID>4</rasd:InstanceID>
          <rasd:ResourceType>3</rasd:ResourceType>
          <rasd:VirtualQuantity>${cpus}</rasd:VirtualQuantity>
        </ovf:Item>
        <ovf:Item>
          <rasd:AllocationUnits>byte * 2^30</rasd:AllocationUnits>
          <rasd:ElementName>${memGB} GB of memory</rasd:ElementName>
          <rasd:InstanceID>5</rasd:InstanceID>
          <rasd:ResourceType>4</rasd:ResourceType>
          <rasd:VirtualQuantity>${memGB}</rasd:VirtualQuantity>
        </ovf:Item>
      </ovf:VirtualHardwareSection>
      <ovf:OperatingSystemSection ovf:id="${r.os.startsWith('windows') ? 1 : 94}" vmw:osType="${r.os}">
        <ovf:Info>Guest operating system</ovf:Info>
      </ovf:OperatingSystemSection>${nicSection(i, r.nets, count)}
    </InstantiationParams>
  </SourcedItem>`;
}

function createItem(i, count) {
  return `
  <CreateItem name="jump-${String(i + 1).padStart(2, '0')}">
    <Description>Blank jump host</Description>${nicSection(i, [4, 0], count)}
    <VmSpecSection Modified="true">
      <ovf:Info>Virtual machine specification</ovf:Info>
      <OsType>debian12_64Guest</OsType>
      <NumCpus>2</NumCpus>
      <NumCoresPerSocket>1</NumCoresPerSocket>
      <MemoryResourceMb>
        <Configured>2048</Configured>
      </MemoryResourceMb>
      <DiskSection>
        <DiskSettings>
          <SizeMb>20480</SizeMb>
          <UnitNumber>0</UnitNumber>
          <BusNumber>0</BusNumber>
          <AdapterType>5</AdapterType>
          <ThinProvisioned>true</ThinProvisioned>
        </DiskSettings>
      </DiskSection>
      <HardwareVersion>vmx-19</HardwareVersion>
    </VmSpecSection>
  </CreateItem>`;
}

/** The document text: every tenth VM (from the ninth) is a blank CreateItem, the rest SourcedItems. */
export function farmXml(vms = 50, networks = 5) {
  const count = Math.max(1, Math.min(networks, NETWORKS.length));
  const sourced = [];
  const created = [];
  for (let i = 0; i < vms; i++) (i % 10 === 9 ? created : sourced).push(i);
  return `<?xml version="1.0" encoding="UTF-8"?>
<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5"
    xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
    xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
    xmlns:vmw="http://www.vmware.com/schema/ovf"
    xmlns:vcloud="http://www.vmware.com/vcloud/v1.5"
    name="farm-${vms}" deploy="false" powerOn="false">
  <Description>Generated: ${vms} VMs on ${count} vApp networks</Description>
  <InstantiationParams>
    <NetworkConfigSection>
      <ovf:Info>vApp networks</ovf:Info>${NETWORKS.slice(0, count).map(network).join('')}
    </NetworkConfigSection>
  </InstantiationParams>${sourced.map((i) => sourcedItem(i, count)).join('')}${created.map((i) => createItem(i, count)).join('')}
  <AllEULAsAccepted>true</AllEULAsAccepted>
</ComposeVAppParams>
`;
}
