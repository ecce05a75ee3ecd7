/**
 * Bench inputs, generated into bench/out/ (gitignored): ComposeVAppParams documents of about
 * 2, 20 and 100 MB (one SourcedItem per VM, each with every VM section), and 5,000 small valid
 * documents of all five request types made by varying the fixtures in fixtures/valid/.
 * Generated from text templates, not through the library, so the library is not benchmarked on
 * its own output only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
export const OUT = path.join(HERE, 'out');

const hex2 = (n) => (n & 255).toString(16).padStart(2, '0');
const uuid = (i, salt) => {
  const h = ((i + 1) * 2654435761 + salt * 40503) >>> 0;
  const s = h.toString(16).padStart(8, '0');
  return `${s}-${s.slice(0, 4)}-4${s.slice(1, 4)}-a${s.slice(4, 7)}-${s}${s.slice(0, 4)}`;
};
/** Host number -> address in 10.80.0.0/16 (never .0.0 or .255.255). */
const ip = (host) => `10.80.${(host >> 8) & 255}.${host & 255}`;

function header(items) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5"
    xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
    xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
    xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData"
    xmlns:vmw="http://www.vmware.com/schema/ovf"
    xmlns:vcloud="http://www.vmware.com/vcloud/v1.5"
    name="bench-farm-${items}" deploy="false" powerOn="false">
  <Description>Generated benchmark vApp with ${items} VMs</Description>
  <InstantiationParams>
    <NetworkConfigSection>
      <ovf:Info>vApp networks</ovf:Info>
      <NetworkConfig networkName="farm-net">
        <Description>Flat /16 for the farm</Description>
        <Configuration>
          <IpScopes>
            <IpScope>
              <IsInherited>false</IsInherited>
              <Gateway>10.80.0.1</Gateway>
              <Netmask>255.255.0.0</Netmask>
              <SubnetPrefixLength>16</SubnetPrefixLength>
              <Dns1>10.80.0.2</Dns1>
              <DnsSuffix>farm.example.org</DnsSuffix>
              <IsEnabled>true</IsEnabled>
              <IpRanges>
                <IpRange>
                  <StartAddress>10.80.200.1</StartAddress>
                  <EndAddress>10.80.250.250</EndAddress>
                </IpRange>
              </IpRanges>
            </IpScope>
          </IpScopes>
          <ParentNetwork href="https://vcd.example.com/api/network/018b194d-a08d-4f69-a869-8c325986dab9"
              type="application/vnd.vmware.vcloud.network+xml" name="corp-lan-01"/>
          <FenceMode>natRouted</FenceMode>
        </Configuration>
      </NetworkConfig>
      <NetworkConfig networkName="farm-backend">
        <Description>Isolated backend segment</Description>
        <Configuration>
          <IpScopes>
            <IpScope>
              <IsInherited>false</IsInherited>
              <Gateway>172.20.0.1</Gateway>
              <Netmask>255.255.0.0</Netmask>
              <IsEnabled>true</IsEnabled>
              <IpRanges>
                <IpRange>
                  <StartAddress>172.20.0.2</StartAddress>
                  <EndAddress>172.20.250.250</EndAddress>
                </IpRange>
              </IpRanges>
            </IpScope>
          </IpScopes>
          <FenceMode>isolated</FenceMode>
        </Configuration>
      </NetworkConfig>
    </NetworkConfigSection>
    <LeaseSettingsSection>
      <ovf:Info>Runtime and storage leases</ovf:Info>
      <DeploymentLeaseInSeconds>1209600</DeploymentLeaseInSeconds>
      <StorageLeaseInSeconds>2592000</StorageLeaseInSeconds>
    </LeaseSettingsSection>
  </InstantiationParams>
`;
}

/** One VM with VirtualHardwareSection (CPU, memory, SCSI, 2 disks, 2 NICs), OS, NICs and guest customization. */
function sourcedItem(i) {
  const name = `farm-vm-${String(i).padStart(5, '0')}`;
  const computer = `fvm${i}`;
  const host = 256 + i;
  const mac = `00:50:56:${hex2(i >> 16)}:${hex2(i >> 8)}:${hex2(i)}`;
  const cpus = 2 << (i % 3);
  const mem = 4 << (i % 4);
  return `  <SourcedItem sourceDelete="false">
    <Source href="https://vcd.example.com/api/vAppTemplate/vm-${uuid(i, 1)}"
        type="application/vnd.vmware.vcloud.vm+xml" name="ubuntu-22.04"/>
    <VmGeneralParams>
      <Name>${name}</Name>
      <Description>Farm worker ${i} &amp; friends</Description>
      <NeedsCustomization>true</NeedsCustomization>
    </VmGeneralParams>
    <VAppScopedLocalId>worker-${i}</VAppScopedLocalId>
    <InstantiationParams>
      <ovf:VirtualHardwareSection ovf:transport="com.vmware.guestInfo">
        <ovf:Info>Hardware for ${name}</ovf:Info>
        <ovf:Item>
          <rasd:Address>${mac}</rasd:Address>
          <rasd:AddressOnParent>0</rasd:AddressOnParent>
          <rasd:AutomaticAllocation>true</rasd:AutomaticAllocation>
          <rasd:Connection vcloud:ipAddressingMode="MANUAL" vcloud:ipAddress="${ip(host)}"
              vcloud:primaryNetworkConnection="true">farm-net</rasd:Connection>
          <rasd:Description>Vmxnet3 ethernet adapter on "farm-net"</rasd:Description>
          <rasd:ElementName>Network adapter 0</rasd:ElementName>
          <rasd:InstanceID>1</rasd:InstanceID>
          <rasd:ResourceSubType>VMXNET3</rasd:ResourceSubType>
          <rasd:ResourceType>10</rasd:ResourceType>
        </ovf:Item>
        <ovf:Item>
          <rasd:AddressOnParent>1</rasd:AddressOnParent>
          <rasd:AutomaticAllocation>true</rasd:AutomaticAllocation>
          <rasd:Connection vcloud:ipAddressingMode="POOL" vcloud:primaryNetworkConnection="false">farm-backend</rasd:Connection>
          <rasd:Description>Vmxnet3 ethernet adapter on "farm-backend"</rasd:Description>
          <rasd:ElementName>Network adapter 1</rasd:ElementName>
          <rasd:InstanceID>7</rasd:InstanceID>
          <rasd:ResourceSubType>VMXNET3</rasd:ResourceSubType>
          <rasd:ResourceType>10</rasd:ResourceType>
        </ovf:Item>
        <ovf:Item>
          <rasd:Address>0</rasd:Address>
          <rasd:Description>SCSI Controller</rasd:Description>
          <rasd:ElementName>SCSI Controller 0</rasd:ElementName>
          <rasd:InstanceID>2</rasd:InstanceID>
          <rasd:ResourceSubType>VirtualSCSI</rasd:ResourceSubType>
          <rasd:ResourceType>6</rasd:ResourceType>
        </ovf:Item>
        <ovf:Item>
          <rasd:AddressOnParent>0</rasd:AddressOnParent>
          <rasd:Description>Hard disk</rasd:Description>
          <rasd:ElementName>Hard disk 1</rasd:ElementName>
          <rasd:HostResource vcloud:capacity="${40960 + (i % 8) * 1024}" vcloud:busSubType="VirtualSCSI" vcloud:busType="6"/>
          <rasd:InstanceID>2000</rasd:InstanceID>
          <rasd:Parent>2</rasd:Parent>
          <rasd:ResourceType>17</rasd:ResourceType>
        </ovf:Item>
        <ovf:Item>
          <rasd:AddressOnParent>1</rasd:AddressOnParent>
          <rasd:Description>Hard disk</rasd:Description>
          <rasd:ElementName>Hard disk 2</rasd:ElementName>
          <rasd:HostResource vcloud:capacity="204800" vcloud:busSubType="VirtualSCSI" vcloud:busType="6"/>
          <rasd:InstanceID>2001</rasd:InstanceID>
          <rasd:Parent>2</rasd:Parent>
          <rasd:ResourceType>17</rasd:ResourceType>
        </ovf:Item>
        <ovf:Item>
          <rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits>
          <rasd:Description>Virtual CPUs</rasd:Description>
          <rasd:ElementName>${cpus} virtual CPU(s)</rasd:ElementName>
          <rasd:InstanceID>4</rasd:InstanceID>
          <rasd:Reservation>0</rasd:Reservation>
          <rasd:ResourceType>3</rasd:ResourceType>
          <rasd:VirtualQuantity>${cpus}</rasd:VirtualQuantity>
          <rasd:Weight>0</rasd:Weight>
          <vmw:CoresPerSocket ovf:required="false">${cpus / 2}</vmw:CoresPerSocket>
        </ovf:Item>
        <ovf:Item>
          <rasd:AllocationUnits>byte * 2^30</rasd:AllocationUnits>
          <rasd:Description>Memory</rasd:Description>
          <rasd:ElementName>${mem} GB of memory</rasd:ElementName>
          <rasd:InstanceID>5</rasd:InstanceID>
          <rasd:Reservation>0</rasd:Reservation>
          <rasd:ResourceType>4</rasd:ResourceType>
          <rasd:VirtualQuantity>${mem}</rasd:VirtualQuantity>
          <rasd:Weight>0</rasd:Weight>
        </ovf:Item>
      </ovf:VirtualHardwareSection>
      <ovf:OperatingSystemSection ovf:id="94" vmw:osType="ubuntu64Guest">
        <ovf:Info>Guest operating system</ovf:Info>
        <ovf:Description>Ubuntu Linux (64-bit)</ovf:Description>
      </ovf:OperatingSystemSection>
      <NetworkConnectionSection>
        <ovf:Info>NIC settings for ${name}</ovf:Info>
        <PrimaryNetworkConnectionIndex>0</PrimaryNetworkConnectionIndex>
        <NetworkConnection network="farm-net" needsCustomization="true">
          <NetworkConnectionIndex>0</NetworkConnectionIndex>
          <IpAddress>${ip(host)}</IpAddress>
          <IsConnected>true</IsConnected>
          <MACAddress>${mac}</MACAddress>
          <IpAddressAllocationMode>MANUAL</IpAddressAllocationMode>
          <NetworkAdapterType>VMXNET3</NetworkAdapterType>
        </NetworkConnection>
        <NetworkConnection network="farm-backend">
          <NetworkConnectionIndex>1</NetworkConnectionIndex>
          <IsConnected>true</IsConnected>
          <IpAddressAllocationMode>POOL</IpAddressAllocationMode>
          <NetworkAdapterType>VMXNET3</NetworkAdapterType>
        </NetworkConnection>
      </NetworkConnectionSection>
      <GuestCustomizationSection>
        <ovf:Info>Guest OS customization for ${name}</ovf:Info>
        <Enabled>true</Enabled>
        <ChangeSid>false</ChangeSid>
        <JoinDomainEnabled>false</JoinDomainEnabled>
        <UseOrgSettings>false</UseOrgSettings>
        <AdminPasswordEnabled>true</AdminPasswordEnabled>
        <AdminPasswordAuto>true</AdminPasswordAuto>
        <ResetPasswordRequired>false</ResetPasswordRequired>
        <CustomizationScript>#!/bin/bash&#13;if [ "$1" = "postcustomization" ]; then&#13;  echo worker-${i} &gt; /etc/farm-id&#13;fi&#13;</CustomizationScript>
        <ComputerName>${computer}</ComputerName>
      </GuestCustomizationSection>
    </InstantiationParams>
    <NetworkAssignment innerNetwork="VM Network" containerNetwork="farm-net"/>
    <StorageProfile href="https://vcd.example.com/api/vdcStorageProfile/${uuid(i % 4, 2)}"
        type="application/vnd.vmware.vcloud.vdcStorageProfile+xml" name="Gold-SSD"/>
  </SourcedItem>
`;
}

const FOOTER = `  <AllEULAsAccepted>true</AllEULAsAccepted>
</ComposeVAppParams>
`;

/** A ComposeVAppParams of about `mb` megabytes (10^6 bytes). */
export function composeOfSize(mb) {
  const target = mb * 1e6;
  const parts = [];
  let size = 0;
  let i = 0;
  const head = header('N');
  size += head.length + FOOTER.length;
  while (size < target) {
    const s = sourcedItem(i++);
    parts.push(s);
    size += s.length;
  }
  return header(i) + parts.join('') + FOOTER;
}

/** Vary a fixture text so each copy differs: root name, descriptions. */
function vary(text, n) {
  let out = text.replace(/(<(?:InstantiateVAppTemplateParams|ComposeVAppParams|RecomposeVAppParams|CloneVAppParams|InstantiateOvfParams)\b[^>]*?\sname=")([^"]*)"/, `$1$2-${n}"`);
  out = out.replace(/<Description>([^<]*)<\/Description>/g, (_m, d) => `<Description>${d} (copy ${n})</Description>`);
  return out;
}

/** Write the inputs (skipped when already there, unless force). Returns their paths. */
export function generate({ force = false, log = () => {} } = {}) {
  fs.mkdirSync(OUT, { recursive: true });
  const big = {};
  for (const mb of [2, 20, 100]) {
    const file = path.join(OUT, `compose-${mb}mb.xml`);
    if (force || !fs.existsSync(file)) {
      log(`generating ${path.relative(ROOT, file)}`);
      fs.writeFileSync(file, composeOfSize(mb));
    }
    big[mb] = file;
  }
  const smallDir = path.join(OUT, 'small');
  const fixtureDir = path.join(ROOT, 'fixtures', 'valid');
  const fixtures = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.xml')).sort();
  const count = 5000;
  const existing = fs.existsSync(smallDir) ? fs.readdirSync(smallDir).filter((f) => f.endsWith('.xml')).length : 0;
  if (force || existing !== count) {
    log(`generating ${count} small documents in ${path.relative(ROOT, smallDir)}/`);
    fs.rmSync(smallDir, { recursive: true, force: true });
    fs.mkdirSync(smallDir, { recursive: true });
    const texts = fixtures.map((f) => fs.readFileSync(path.join(fixtureDir, f), 'utf8'));
    for (let n = 0; n < count; n++) {
      const k = n % fixtures.length;
      const name = `${String(n).padStart(4, '0')}-${fixtures[k]}`;
      fs.writeFileSync(path.join(smallDir, name), vary(texts[k], n));
    }
  }
  const small = fs.readdirSync(smallDir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(smallDir, f));
  return { big, smallDir, small, fixtures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = generate({ force: process.argv.includes('--force'), log: (m) => console.log(m) });
  for (const [mb, f] of Object.entries(r.big)) console.log(`${mb} MB: ${f} (${fs.statSync(f).size} bytes)`);
  console.log(`${r.small.length} small documents in ${r.smallDir}`);
}
