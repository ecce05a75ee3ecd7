/**
 * Request documents written the way the main peers write them (issue 12, point 5): our own minimal
 * documents, each in the shape one peer's code builds (element order, empty ovf:Info, copied response
 * attributes, placeholder NICs), with the place in that code named. The server takes all of them, so
 * every rule must either stay quiet on them or fire for a reason its docs give (peers.test.ts).
 */
import { TEMPLATE, TEMPLATE_VM, NETWORK, STORAGE_GOLD, SIZING } from './docs.js';

const V = 'xmlns="http://www.vmware.com/vcloud/v1.5"';
const OVF = 'xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const VAPP_HREF = 'https://vcd.example.com/api/vApp/vapp-7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910';

/** One peer document. */
export interface PeerDoc {
  /** Which peer and which code path builds a request of this shape. */
  source: string;
  code: string;
}

export const peers: Record<string, PeerDoc> = {
  // terraform-provider-vcd resource_vcd_vapp_vm.go (empty vApp VM) through go-vcloud-director
  // RecomposeVAppParamsForEmptyVm / CreateItem (types/v56/vm_types.go): powerOn omitted (omitempty
  // false), a placeholder NIC on network "none" with IpAddress "any", empty ovf:Info.
  terraformEmptyVm: {
    source: 'terraform-provider-vcd resource_vcd_vapp_vm.go (vappVmType, empty VM) / go-vcloud-director AddEmptyVm',
    code: `<RecomposeVAppParams ${V} ${OVF}>
  <CreateItem name="tf-vm-01">
    <Description>managed by terraform</Description>
    <NetworkConnectionSection>
      <ovf:Info></ovf:Info>
      <PrimaryNetworkConnectionIndex>0</PrimaryNetworkConnectionIndex>
      <NetworkConnection network="none">
        <NetworkConnectionIndex>0</NetworkConnectionIndex>
        <IpAddress>any</IpAddress>
        <IsConnected>false</IsConnected>
        <IpAddressAllocationMode>NONE</IpAddressAllocationMode>
      </NetworkConnection>
    </NetworkConnectionSection>
    <VmSpecSection Modified="true">
      <ovf:Info>Virtual Machine specification</ovf:Info>
      <OsType>ubuntu64Guest</OsType>
      <NumCpus>2</NumCpus>
      <MemoryResourceMb>
        <Configured>2048</Configured>
      </MemoryResourceMb>
      <DiskSection></DiskSection>
      <HardwareVersion>vmx-19</HardwareVersion>
    </VmSpecSection>
    <StorageProfile href="${STORAGE_GOLD}"></StorageProfile>
  </CreateItem>
</RecomposeVAppParams>`,
  },
  // The same with a sizing policy: terraform leaves NumCpus and MemoryResourceMb out when the policy
  // defines them (getCpuMemoryValues), and the server takes them from the policy.
  terraformEmptyVmSized: {
    source: 'terraform-provider-vcd resource_vcd_vapp_vm.go (empty VM with sizing_policy_id)',
    code: `<RecomposeVAppParams ${V} ${OVF}>
  <CreateItem name="tf-vm-02">
    <NetworkConnectionSection>
      <ovf:Info></ovf:Info>
      <PrimaryNetworkConnectionIndex>0</PrimaryNetworkConnectionIndex>
      <NetworkConnection network="none">
        <NetworkConnectionIndex>0</NetworkConnectionIndex>
        <IpAddress>any</IpAddress>
        <IsConnected>false</IsConnected>
        <IpAddressAllocationMode>NONE</IpAddressAllocationMode>
      </NetworkConnection>
    </NetworkConnectionSection>
    <VmSpecSection Modified="true">
      <ovf:Info>Virtual Machine specification</ovf:Info>
      <OsType>centos8_64Guest</OsType>
      <DiskSection></DiskSection>
      <HardwareVersion>vmx-19</HardwareVersion>
    </VmSpecSection>
    <ComputePolicy>
      <VmSizingPolicy href="${SIZING}"></VmSizingPolicy>
    </ComputePolicy>
  </CreateItem>
</RecomposeVAppParams>`,
  },
  // terraform-provider-vcd resource_vcd_vapp_vm.go (vApp VM from a template) through go-vcloud-director
  // ReComposeVAppParams / AddRawVM: the new VM is named by Source/@name, VmGeneralParams carries only
  // the description, the MAC address is sent although this call ignores it (set again by a later PUT).
  terraformVappVm: {
    source: 'terraform-provider-vcd resource_vcd_vapp_vm.go (vappVmType) / go-vcloud-director vapp.AddRawVM',
    code: `<RecomposeVAppParams ${OVF} ${XSI} ${V} name="web-vapp" deploy="false" powerOn="false">
  <SourcedItem>
    <Source href="${TEMPLATE_VM}" name="web-01"></Source>
    <VmGeneralParams>
      <Description>web tier</Description>
    </VmGeneralParams>
    <InstantiationParams>
      <NetworkConnectionSection>
        <ovf:Info></ovf:Info>
        <PrimaryNetworkConnectionIndex>0</PrimaryNetworkConnectionIndex>
        <NetworkConnection network="web-net">
          <NetworkConnectionIndex>0</NetworkConnectionIndex>
          <IpAddress>10.10.0.21</IpAddress>
          <IsConnected>true</IsConnected>
          <MACAddress>00:50:56:29:5f:01</MACAddress>
          <IpAddressAllocationMode>MANUAL</IpAddressAllocationMode>
          <NetworkAdapterType>VMXNET3</NetworkAdapterType>
        </NetworkConnection>
      </NetworkConnectionSection>
    </InstantiationParams>
    <StorageProfile href="${STORAGE_GOLD}"></StorageProfile>
    <ComputePolicy>
      <VmSizingPolicy href="${SIZING}"></VmSizingPolicy>
    </ComputePolicy>
  </SourcedItem>
</RecomposeVAppParams>`,
  },
  // go-vcloud-director vdc.ComposeVApp: deploy/powerOn false, bridged vApp networks to org networks,
  // one SourcedItem per template VM named by the reference, NICs in POOL, NetworkAssignment.
  govcdComposeVApp: {
    source: 'go-vcloud-director govcd/vdc.go ComposeVApp',
    code: `<ComposeVAppParams ${OVF} ${XSI} ${V} name="app-01" deploy="false" powerOn="false">
  <Description>composed by go-vcloud-director</Description>
  <InstantiationParams>
    <NetworkConfigSection>
      <ovf:Info>Configuration parameters for logical networks</ovf:Info>
      <NetworkConfig networkName="corp-lan">
        <Configuration>
          <ParentNetwork href="${NETWORK}" name="corp-lan" type="application/vnd.vmware.vcloud.orgNetwork+xml"></ParentNetwork>
          <FenceMode>bridged</FenceMode>
        </Configuration>
      </NetworkConfig>
    </NetworkConfigSection>
  </InstantiationParams>
  <SourcedItem>
    <Source href="${TEMPLATE_VM}" name="ubuntu-22"></Source>
    <InstantiationParams>
      <NetworkConnectionSection>
        <ovf:Info>Network config for sourced item</ovf:Info>
        <PrimaryNetworkConnectionIndex>0</PrimaryNetworkConnectionIndex>
        <NetworkConnection network="corp-lan">
          <NetworkConnectionIndex>0</NetworkConnectionIndex>
          <IsConnected>true</IsConnected>
          <IpAddressAllocationMode>POOL</IpAddressAllocationMode>
        </NetworkConnection>
      </NetworkConnectionSection>
    </InstantiationParams>
    <NetworkAssignment innerNetwork="corp-lan" containerNetwork="corp-lan"></NetworkAssignment>
    <StorageProfile href="${STORAGE_GOLD}"></StorageProfile>
  </SourcedItem>
  <AllEULAsAccepted>true</AllEULAsAccepted>
</ComposeVAppParams>`,
  },
  // pyvcloud vdc.instantiate_vapp with network, ip_address (default DHCP mode), password and hostname:
  // the Source reference copies href/id/name/type of the template VM, VmGeneralParams/NeedsCustomization.
  pyvcloudInstantiate: {
    source: 'pyvcloud pyvcloud/vcd/vdc.py instantiate_vapp (_configure_vapp_network, _configure_vm_netowrk, _configure_vm_guest_cust)',
    code: `<InstantiateVAppTemplateParams ${V} ${OVF} name="py-app" deploy="true" powerOn="true">
  <InstantiationParams>
    <NetworkConfigSection>
      <ovf:Info>Configuration for logical networks</ovf:Info>
      <NetworkConfig networkName="corp-lan">
        <Configuration>
          <ParentNetwork href="${NETWORK}"/>
          <FenceMode>bridged</FenceMode>
        </Configuration>
      </NetworkConfig>
    </NetworkConfigSection>
  </InstantiationParams>
  <Source href="${TEMPLATE}"/>
  <SourcedItem>
    <Source href="${TEMPLATE_VM}" id="urn:vcloud:vm:1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9" name="ubuntu-22" type="application/vnd.vmware.vcloud.vm+xml"/>
    <VmGeneralParams>
      <Name>py-vm</Name>
      <NeedsCustomization>true</NeedsCustomization>
    </VmGeneralParams>
    <InstantiationParams>
      <NetworkConnectionSection>
        <ovf:Info>Specifies the available VM network connections</ovf:Info>
        <NetworkConnection network="corp-lan">
          <NetworkConnectionIndex>0</NetworkConnectionIndex>
          <IpAddress>10.80.0.40</IpAddress>
          <IsConnected>true</IsConnected>
          <IpAddressAllocationMode>DHCP</IpAddressAllocationMode>
        </NetworkConnection>
      </NetworkConnectionSection>
      <GuestCustomizationSection>
        <ovf:Info>Specifies Guest OS Customization Settings</ovf:Info>
        <Enabled>true</Enabled>
        <AdminPasswordEnabled>true</AdminPasswordEnabled>
        <AdminPasswordAuto>false</AdminPasswordAuto>
        <AdminPassword>S3cret!pw</AdminPassword>
        <ResetPasswordRequired>false</ResetPasswordRequired>
        <ComputerName>py-vm</ComputerName>
      </GuestCustomizationSection>
    </InstantiationParams>
  </SourcedItem>
  <AllEULAsAccepted>false</AllEULAsAccepted>
</InstantiateVAppTemplateParams>`,
  },
  // pyvcloud vapp.add_vms / to_sourced_item without target_vm_name: empty ovf:Info, DHCP NIC, the
  // Source reference repeats the source VM's own name, deploy/powerOn written as strings.
  pyvcloudAddVms: {
    source: 'pyvcloud pyvcloud/vcd/vapp.py add_vms / to_sourced_item',
    code: `<RecomposeVAppParams ${V} ${OVF} deploy="true" powerOn="true">
  <SourcedItem>
    <Source href="${TEMPLATE_VM}" id="urn:vcloud:vm:1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9" name="ubuntu-22" type="application/vnd.vmware.vcloud.vm+xml"/>
    <VmGeneralParams>
      <NeedsCustomization>true</NeedsCustomization>
    </VmGeneralParams>
    <InstantiationParams>
      <NetworkConnectionSection>
        <ovf:Info/>
        <NetworkConnection network="app-net">
          <NetworkConnectionIndex>0</NetworkConnectionIndex>
          <IsConnected>true</IsConnected>
          <IpAddressAllocationMode>DHCP</IpAddressAllocationMode>
        </NetworkConnection>
      </NetworkConnectionSection>
      <GuestCustomizationSection>
        <ovf:Info/>
        <Enabled>true</Enabled>
        <AdminPasswordEnabled>true</AdminPasswordEnabled>
        <AdminPasswordAuto>true</AdminPasswordAuto>
        <ComputerName>app-02</ComputerName>
      </GuestCustomizationSection>
    </InstantiationParams>
  </SourcedItem>
  <AllEULAsAccepted>true</AllEULAsAccepted>
</RecomposeVAppParams>`,
  },
  // fog lib/fog/vcloud_director/generators/compute/compose_common.rb: deploy/powerOn only when the
  // caller sets them, NetworkConnectionSection with the VM's href/type copied in, empty ovf:Info.
  fogCompose: {
    source: 'fog lib/fog/vcloud_director/generators/compute/compose_common.rb (build_vapp_instantiation_params, build_source_items)',
    code: `<?xml version="1.0"?>
<ComposeVAppParams ${V} ${OVF} name="fog-app">
  <Description>composed with fog</Description>
  <InstantiationParams>
    <NetworkConfigSection>
      <ovf:Info/>
      <NetworkConfig networkName="corp-lan">
        <Configuration>
          <ParentNetwork href="${NETWORK}"/>
          <FenceMode>bridged</FenceMode>
        </Configuration>
      </NetworkConfig>
    </NetworkConfigSection>
  </InstantiationParams>
  <SourcedItem>
    <Source name="fog-vm" href="${TEMPLATE_VM}"/>
    <VmGeneralParams>
      <Name>fog-vm</Name>
    </VmGeneralParams>
    <InstantiationParams>
      <NetworkConnectionSection href="${TEMPLATE_VM}/networkConnectionSection/" type="application/vnd.vmware.vcloud.networkConnectionSection+xml" ${OVF} ovf:required="false">
        <ovf:Info/>
        <PrimaryNetworkConnectionIndex>0</PrimaryNetworkConnectionIndex>
        <NetworkConnection network="corp-lan">
          <NetworkConnectionIndex>0</NetworkConnectionIndex>
          <IsConnected>true</IsConnected>
          <IpAddressAllocationMode>POOL</IpAddressAllocationMode>
        </NetworkConnection>
      </NetworkConnectionSection>
      <GuestCustomizationSection ${V} ${OVF}>
        <ovf:Info/>
        <Enabled>true</Enabled>
        <AdminPasswordEnabled>false</AdminPasswordEnabled>
        <ComputerName>fog-vm</ComputerName>
      </GuestCustomizationSection>
    </InstantiationParams>
    <StorageProfile href="${STORAGE_GOLD}"/>
  </SourcedItem>
  <AllEULAsAccepted>true</AllEULAsAccepted>
</ComposeVAppParams>`,
  },
  // libcloud libcloud/compute/drivers/vcloud.py Instantiate_1_5_VAppXML: xml:lang on the root, ovf:Info
  // written through a default namespace declaration, the vApp network bridged to the org network.
  libcloudInstantiate: {
    source: 'libcloud libcloud/compute/drivers/vcloud.py Instantiate_1_5_VAppXML',
    code: `<InstantiateVAppTemplateParams name="lc-node" deploy="false" powerOn="false" xml:lang="en" ${V} ${XSI}><InstantiationParams><NetworkConfigSection><Info xmlns="http://schemas.dmtf.org/ovf/envelope/1" /><NetworkConfig networkName="corp-lan"><Configuration><ParentNetwork href="${NETWORK}" /><FenceMode>bridged</FenceMode></Configuration></NetworkConfig></NetworkConfigSection></InstantiationParams><Source href="${TEMPLATE}" /></InstantiateVAppTemplateParams>`,
  },
};

/** The VDC these documents are sent to, for the context rules (the networks, profiles, policy and VMs they name). */
export const peerContext = {
  networks: [{ name: 'corp-lan', href: NETWORK, subnets: [{ gateway: '10.80.0.1', prefixLength: 24, staticPools: [{ start: '10.80.0.100', end: '10.80.0.199' }] }] }],
  storageProfiles: [{ name: 'Gold-SSD', href: STORAGE_GOLD }],
  sizingPolicies: [{ name: 'medium', href: SIZING }],
  hardwareVersions: ['vmx-19', 'vmx-20'],
  allowedFenceModes: ['bridged', 'isolated', 'natRouted'],
  templates: [{ href: TEMPLATE, name: 'ubuntu-22-template', eula: false, vms: [{ href: TEMPLATE_VM, name: 'ubuntu-22' }] }],
  vapp: { name: 'web-vapp', href: VAPP_HREF, status: 'POWERED_OFF', networks: ['web-net', 'app-net'], vms: ['web-01'] },
  lease: { maxDeploymentLeaseSeconds: 0, maxStorageLeaseSeconds: 0 },
  vms: [{ href: 'https://vcd.example.com/api/vApp/vm-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', name: 'db-01', powerState: 'POWERED_OFF' as const }],
};
