/**
 * The documents the fake Cloud Director answers with, written from vcd-api-facts.md (§1 versions,
 * §4 VApp/Task answers, §5 Task, §6 Error, §8 Vdc/OrgVdcNetwork/VdcStorageProfile) and the REF
 * examples it cites, independently of src/.
 */

export const VCLOUD = 'http://www.vmware.com/vcloud/v1.5';

/** XML attribute escaping (the fake writes messages with quotes and newlines as a cell does: &quot; and &#10;). */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/** One VersionInfo or AlphaVersion entry. */
export interface FakeVersion {
  version: string;
  deprecated?: boolean;
  alpha?: boolean;
}

/** A 10.5-like cell: ascending, deprecated 36.x, an alpha, and the old 5.5 entry last (GOVCD golden file). */
export const DEFAULT_VERSIONS: FakeVersion[] = [
  { version: '35.0', deprecated: true },
  { version: '36.0', deprecated: true },
  { version: '36.3', deprecated: true },
  { version: '37.0' },
  { version: '37.2' },
  { version: '38.0' },
  { version: '38.1' },
  { version: '40.0.0-alpha', alpha: true },
  { version: '5.5', deprecated: true },
];

export function supportedVersions(base: string, list: FakeVersion[]): string {
  const entries = list
    .map((v) => {
      if (v.alpha) return `  <AlphaVersion deprecated="false">\n    <Version>${v.version}</Version>\n    <LoginUrl>${base}/cloudapi/1.0.0/sessions</LoginUrl>\n  </AlphaVersion>`;
      const modern = parseFloat(v.version) >= 36;
      const login = modern ? `${base}/cloudapi/1.0.0/sessions` : `${base}/api/sessions`;
      return `  <VersionInfo deprecated="${v.deprecated ? 'true' : 'false'}">\n    <Version>${v.version}</Version>\n    <LoginUrl>${login}</LoginUrl>${modern ? `\n    <ProviderLoginUrl>${base}/cloudapi/1.0.0/sessions/provider</ProviderLoginUrl>` : ''}\n  </VersionInfo>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SupportedVersions xmlns="http://www.vmware.com/vcloud/versions" schemaLocation="${base}/api/versions/schema/versions.xsd">\n${entries}\n  <SchemaRoot>${base}/api/v1.5/schema/</SchemaRoot>\n</SupportedVersions>\n`;
}

/** An `<Error>` as a cell sends it, with a request id and a Java stack trace that a client must not print. */
export function errorXml(major: number, minor: string, message: string, requestId = '6c8a1d32-4b5f-4c1e-9e7d-2f0a3b4c5d6e'): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Error xmlns="${VCLOUD}" minorErrorCode="${minor}" message="${esc(`[ ${requestId} ] ${message}`)}" majorErrorCode="${major}" stackTrace="com.vmware.vcloud.api.presentation.service.BadRequestException: ${esc(message)}&#10;&#9;at com.vmware.vcloud.api.presentation.service.impl.VdcServiceImpl.composeVApp(VdcServiceImpl.java:812)"/>\n`;
}

/** A Task. */
export function taskXml(t: { href: string; id: string; status: string; operation: string; progress?: number; owner?: { href: string; name: string }; error?: { major: number; minor: string; message: string } }): string {
  const progress = t.progress !== undefined ? `\n  <Progress>${t.progress}</Progress>` : '';
  const owner = t.owner ? `\n  <Owner href="${t.owner.href}" name="${esc(t.owner.name)}" type="application/vnd.vmware.vcloud.vApp+xml"/>` : '';
  const error = t.error ? `\n  <Error majorErrorCode="${t.error.major}" minorErrorCode="${t.error.minor}" message="${esc(t.error.message)}"/>` : '';
  const cancel = ['queued', 'preRunning', 'running'].includes(t.status) ? `\n  <Link rel="task:cancel" href="${t.href}/action/cancel"/>` : '';
  return `<Task xmlns="${VCLOUD}" href="${t.href}" id="urn:vcloud:task:${t.id}" type="application/vnd.vmware.vcloud.task+xml" status="${t.status}" operation="${esc(t.operation)}" operationName="vdcComposeVapp" startTime="2024-05-01T10:00:00.000Z" expiryTime="2024-07-30T10:00:00.000Z" cancelRequested="false">${cancel}${owner}${error}${progress}\n</Task>`;
}

/** A VApp answer (status 0 while its task runs), with its tasks and, for instantiateOvf, its files. */
export function vappXml(v: { href: string; id: string; name: string; tasks: string[]; files?: { name: string; size: number; transferred: number; upload?: string }[]; ovfDescriptorUploaded?: boolean }): string {
  const tasks = v.tasks.length ? `\n  <Tasks>\n${v.tasks.join('\n')}\n  </Tasks>` : '';
  const files = v.files?.length
    ? `\n  <Files>\n${v.files
        .map((f) => `    <File size="${f.size}" bytesTransferred="${f.transferred}" name="${esc(f.name)}">${f.upload ? `\n      <Link rel="upload:default" href="${f.upload}"/>` : ''}\n    </File>`)
        .join('\n')}\n  </Files>`
    : '';
  const ovf = v.ovfDescriptorUploaded !== undefined ? ` ovfDescriptorUploaded="${v.ovfDescriptorUploaded}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<VApp xmlns="${VCLOUD}" deployed="false" status="0"${ovf} name="${esc(v.name)}" id="urn:vcloud:vapp:${v.id}" href="${v.href}" type="application/vnd.vmware.vcloud.vApp+xml">\n  <Link rel="up" href="${v.href.replace(/\/vApp\/.*/, '/vdc/')}" type="application/vnd.vmware.vcloud.vdc+xml"/>\n  <Description/>${tasks}${files}\n</VApp>\n`;
}

/** The VDC of the fake: two networks, two storage profiles (one disabled), compute policies and hardware versions. */
export interface FakeVdc {
  id: string;
  name: string;
  networks: { id: string; name: string; gateway: string; netmask: string; prefix?: number; ranges: [string, string][] }[];
  profiles: { id: string; name: string; enabled: boolean }[];
  policies: { id: string; name: string; sizingOnly: boolean; kubernetes?: boolean }[];
  hardware: string[];
}

export const DEFAULT_VDC: FakeVdc = {
  id: '5e1c7a0e-9a5d-4c8b-8f3e-2a9d6b7c1f00',
  name: 'prod-vdc-01',
  networks: [
    { id: '018b194d-a08d-4f69-a869-8c325986dab9', name: 'corp-lan-01', gateway: '10.80.0.1', netmask: '255.255.255.0', ranges: [['10.80.0.100', '10.80.0.199']] },
    { id: '6f2e8c4a-3b1d-4e5f-9a7b-0c1d2e3f4a5b', name: 'dmz-01', gateway: '192.168.50.1', netmask: '255.255.254.0', prefix: 23, ranges: [['192.168.50.10', '192.168.50.20'], ['192.168.51.10', '192.168.51.20']] },
  ],
  profiles: [
    { id: 'd5ba2303-06cd-4707-a1f6-dd7d9daef4f8', name: 'Gold-SSD', enabled: true },
    { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Old-HDD', enabled: false },
  ],
  policies: [
    { id: '251cf10e-55f1-423b-a9df-67116dfd0f0a', name: 'large-8x32', sizingOnly: true },
    { id: '7d3e2f1a-0b9c-4d8e-a7f6-5e4d3c2b1a09', name: 'System Default', sizingOnly: true },
    { id: '3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4', name: 'oracle-hosts', sizingOnly: false },
    { id: 'aa11bb22-cc33-4d44-8e55-ff6677889900', name: 'tkg-policy', sizingOnly: false, kubernetes: true },
  ],
  hardware: ['vmx-17', 'vmx-19', 'vmx-21'],
};

export function vdcXml(base: string, vdc: FakeVdc, computePolicyLinks: 'cloudapi' | 'xml' | 'none'): string {
  const href = `${base}/api/vdc/${vdc.id}`;
  const mt = (k: string) => `application/vnd.vmware.vcloud.${k}Params+xml`;
  const actions = ['instantiateVAppTemplate', 'composeVApp', 'cloneVApp', 'instantiateOvf'].map((a) => `  <Link rel="add" href="${href}/action/${a}" type="${mt(a)}"/>`).join('\n');
  const policyLinks =
    computePolicyLinks === 'cloudapi'
      ? `\n  <Link rel="down" href="${base}/cloudapi/2.0.0/vdcs/urn:vcloud:vdc:${vdc.id}/computePolicies" model="VdcComputePolicies2" type="application/json"/>\n  <Link rel="down" href="${href}/computePolicies" type="application/vnd.vmware.vcloud.vdcComputePolicyReferences+xml"/>`
      : computePolicyLinks === 'xml'
        ? `\n  <Link rel="down" href="${href}/computePolicies" type="application/vnd.vmware.vcloud.vdcComputePolicyReferences+xml"/>`
        : '';
  const nets = vdc.networks.map((n) => `    <Network href="${base}/api/network/${n.id}" id="urn:vcloud:network:${n.id}" name="${n.name}" type="application/vnd.vmware.vcloud.network+xml"/>`).join('\n');
  const profiles = vdc.profiles.map((p) => `    <VdcStorageProfile href="${base}/api/vdcStorageProfile/${p.id}" id="urn:vcloud:vdcstorageProfile:${p.id}" name="${p.name}" type="application/vnd.vmware.vcloud.vdcStorageProfile+xml"/>`).join('\n');
  const hw = vdc.hardware.map((h, i) => `      <SupportedHardwareVersion href="${base}/api/vdc/${vdc.id}/hwv/${h}" name="${h}"${i === vdc.hardware.length - 1 ? ' default="true"' : ''} type="application/vnd.vmware.vcloud.virtualHardwareVersion+xml">${h}</SupportedHardwareVersion>`).join('\n');
  const def = vdc.policies.find((p) => p.name === 'System Default');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Vdc xmlns="${VCLOUD}" status="1" name="${vdc.name}" id="urn:vcloud:vdc:${vdc.id}" href="${href}" type="application/vnd.vmware.vcloud.vdc+xml">
${actions}${policyLinks}
  <Description>Production</Description>
  <AllocationModel>Flex</AllocationModel>
  <ComputeCapacity>
    <Cpu><Units>MHz</Units><Allocated>0</Allocated><Limit>0</Limit><Reserved>0</Reserved><Used>0</Used></Cpu>
    <Memory><Units>MB</Units><Allocated>0</Allocated><Limit>0</Limit><Reserved>0</Reserved><Used>0</Used></Memory>
  </ComputeCapacity>
  <ResourceEntities/>
  <AvailableNetworks>
${nets}
  </AvailableNetworks>
  <Capabilities>
    <SupportedHardwareVersions>
${hw}
    </SupportedHardwareVersions>
  </Capabilities>
  <NicQuota>0</NicQuota>
  <NetworkQuota>1000</NetworkQuota>
  <VmQuota>0</VmQuota>
  <IsEnabled>true</IsEnabled>
  <VdcStorageProfiles>
${profiles}
  </VdcStorageProfiles>${def ? `\n  <DefaultComputePolicy href="${base}/cloudapi/1.0.0/vdcComputePolicies/urn:vcloud:vdcComputePolicy:${def.id}" id="urn:vcloud:vdcComputePolicy:${def.id}" name="${def.name}" type="application/json"/>` : ''}
</Vdc>
`;
}

export function networkXml(base: string, n: FakeVdc['networks'][number]): string {
  const ranges = n.ranges.map(([s, e]) => `            <IpRange><StartAddress>${s}</StartAddress><EndAddress>${e}</EndAddress></IpRange>`).join('\n');
  // SubnetPrefixLength is optional (facts §8): the first network has only a Netmask.
  return `<?xml version="1.0" encoding="UTF-8"?>
<OrgVdcNetwork xmlns="${VCLOUD}" status="1" name="${n.name}" id="urn:vcloud:network:${n.id}" href="${base}/api/network/${n.id}" type="application/vnd.vmware.vcloud.orgVdcNetwork+xml">
  <Description/>
  <Configuration>
    <IpScopes>
      <IpScope>
        <IsInherited>false</IsInherited>
        <Gateway>${n.gateway}</Gateway>
        <Netmask>${n.netmask}</Netmask>${n.prefix !== undefined ? `\n        <SubnetPrefixLength>${n.prefix}</SubnetPrefixLength>` : ''}
        <IsEnabled>true</IsEnabled>
        <IpRanges>
${ranges}
        </IpRanges>
      </IpScope>
    </IpScopes>
    <FenceMode>bridged</FenceMode>
  </Configuration>
  <IsShared>false</IsShared>
</OrgVdcNetwork>
`;
}

export function storageProfileXml(base: string, p: FakeVdc['profiles'][number]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<VdcStorageProfile xmlns="${VCLOUD}" name="${p.name}" id="urn:vcloud:vdcstorageProfile:${p.id}" href="${base}/api/vdcStorageProfile/${p.id}" type="application/vnd.vmware.vcloud.vdcStorageProfile+xml">
  <Enabled>${p.enabled}</Enabled>
  <Units>MB</Units>
  <Limit>0</Limit>
  <Default>${p.name === 'Gold-SSD'}</Default>
</VdcStorageProfile>
`;
}

export function policyReferencesXml(base: string, vdc: FakeVdc): string {
  const refs = vdc.policies.map((p) => `  <VdcComputePolicyReference href="${base}/cloudapi/1.0.0/vdcComputePolicies/urn:vcloud:vdcComputePolicy:${p.id}" id="urn:vcloud:vdcComputePolicy:${p.id}" name="${p.name}" type="application/json"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<VdcComputePolicyReferences xmlns="${VCLOUD}" href="${base}/api/vdc/${vdc.id}/computePolicies" type="application/vnd.vmware.vcloud.vdcComputePolicyReferences+xml">\n${refs}\n</VdcComputePolicyReferences>\n`;
}

/** One page of `/cloudapi/2.0.0/vdcs/{urn}/computePolicies` (pageSize honoured, so the client must follow pages). */
export function policiesPage(vdc: FakeVdc, page: number, pageSize: number): string {
  const all = vdc.policies.map((p) => ({
    id: `urn:vcloud:vdcComputePolicy:${p.id}`,
    name: p.name,
    isSizingOnly: p.sizingOnly,
    policyType: p.kubernetes ? 'VdcKubernetesPolicy' : 'VdcVmPolicy',
    ...(p.sizingOnly ? { cpuCount: 8, memory: 32768 } : { namedVmGroups: [[{ name: 'oracle-group', id: 'urn:vcloud:namedVmGroup:1' }]] }),
  }));
  const size = Math.min(pageSize, 2); // the fake pages by 2 whatever is asked, so paging is exercised
  return JSON.stringify({ resultTotal: all.length, pageCount: Math.ceil(all.length / size), page, pageSize: size, values: all.slice((page - 1) * size, page * size) });
}
