/** Namespace URIs used by Cloud Director request documents (schema-facts.md §0). */
export const NS = {
  vcloud: 'http://www.vmware.com/vcloud/v1.5',
  ovf: 'http://schemas.dmtf.org/ovf/envelope/1',
  rasd: 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData',
  vssd: 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData',
  cim: 'http://schemas.dmtf.org/wbem/wscim/1/common',
  vmw: 'http://www.vmware.com/schema/ovf',
  ovfenv: 'http://schemas.dmtf.org/ovf/environment/1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/** Conventional prefix for each known namespace; the vCloud namespace is the default namespace. */
export const CONVENTIONAL_PREFIX: Record<string, string> = {
  [NS.vcloud]: '',
  [NS.ovf]: 'ovf',
  [NS.rasd]: 'rasd',
  [NS.vssd]: 'vssd',
  [NS.cim]: 'cim',
  [NS.vmw]: 'vmw',
  [NS.ovfenv]: 'ovfenv',
  [NS.xsi]: 'xsi',
};

/** Short human label of a namespace for messages: `vcloud`, `ovf`, ... or the URI itself. */
export function nsLabel(uri: string | null): string {
  if (uri === null || uri === '') return 'no namespace';
  for (const [k, v] of Object.entries(NS)) if (v === uri) return k;
  // A namespace written with line breaks or other controls (xmlns="&#xA;") is shown quoted and
  // escaped: messages are one line, and the break itself is what is wrong.
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(uri) ? JSON.stringify(uri) : uri;
}

/** Clark notation `{uri}local` (just `local` when there is no namespace). */
export function clark(ns: string | null, local: string): string {
  return ns ? `{${ns}}${local}` : local;
}

/** Split Clark notation back into namespace and local name. */
export function unclark(key: string): { ns: string | null; local: string } {
  if (key.startsWith('{')) {
    const end = key.indexOf('}');
    return { ns: key.slice(1, end), local: key.slice(end + 1) };
  }
  return { ns: null, local: key };
}
