/**
 * What the Cloud Director request validator adds to the XSD engine's messages (src/xsd/hints.ts):
 * short namespace names, how to write an element in the namespace it belongs to, the five request
 * roots, the ovf:Info every section starts with, and the OVF attributes that must be prefixed
 * (schema-facts.md §0 and §6).
 */
import type { HintedMessage, SchemaHints } from '../xsd/hints.js';

/** Short names for the namespaces a request uses (conventional prefixes, schema-facts.md §0). */
export const NAMESPACE_LABELS: Readonly<Record<string, string>> = {
  'http://www.vmware.com/vcloud/v1.5': 'vcloud',
  'http://schemas.dmtf.org/ovf/envelope/1': 'ovf',
  'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData': 'rasd',
  'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData': 'vssd',
  'http://schemas.dmtf.org/wbem/wscim/1/common': 'cim',
  'http://www.vmware.com/schema/ovf': 'vmw',
  'http://schemas.dmtf.org/ovf/environment/1': 'ovfenv',
  'http://www.w3.org/XML/1998/namespace': 'xml',
  'http://www.vmware.com/vcloud/v1': 'vCloud API 1.0',
};

const VCLOUD = 'http://www.vmware.com/vcloud/v1.5';
const VCLOUD_10 = 'http://www.vmware.com/vcloud/v1';
const OVF = 'http://schemas.dmtf.org/ovf/envelope/1';

/** The request roots, in the order they are listed to users. */
export const REQUEST_ROOTS = ['InstantiateVAppTemplateParams', 'ComposeVAppParams', 'RecomposeVAppParams', 'CloneVAppParams', 'InstantiateOvfParams'] as const;

/** The hint messages' templates (the engine's own are in src/xsd/messages.ts). */
export const HINT_MESSAGES = {
  'xsd/unknown-root': '<{element}> ({elementNs}) is not a vCloud request; the root element must be one of {roots} in the vcloud namespace',
  'xsd/root-namespace': '<{element}> is in {elementNs}{hint}; write the root as <{element} xmlns="{vcloud}">',
} as const;

function label(ns: string | null): string | undefined {
  return ns === null ? undefined : NAMESPACE_LABELS[ns];
}

function nsFull(ns: string | null): string {
  if (ns === null) return 'no namespace';
  const l = label(ns);
  return l ? `the ${l} namespace (${ns})` : `namespace ${ns}`;
}

function hinted(messageId: keyof typeof HINT_MESSAGES, data: Record<string, string>): HintedMessage {
  return { messageId, message: HINT_MESSAGES[messageId].replace(/\{(\w+)\}/g, (_, k: string) => data[k] ?? `{${k}}`), data };
}

/** The hints the request validator passes to the engine. */
export const VCD_HINTS: SchemaHints = {
  nsLabel: label,
  namespaceFix(local, found, expected) {
    if (expected === VCLOUD && found === OVF && /Section$/.test(local)) return ` (vCloud sections are written without the ovf: prefix: <${local}>)`;
    if (expected === VCLOUD) return ` (write it without a prefix, with xmlns="${VCLOUD}" in scope)`;
    const prefix = label(expected);
    if (expected !== null && prefix && !prefix.includes(' ')) return ` (write <${prefix}:${local}> with xmlns:${prefix}="${expected}")`;
    return undefined;
  },
  unknownRoot(local, ns) {
    // A request root in the right namespace that the schema set lacks (a partial --schema-dir): the
    // engine's own message says so, listing what the set does declare.
    if ((REQUEST_ROOTS as readonly string[]).includes(local) && ns === VCLOUD) return undefined;
    if ((REQUEST_ROOTS as readonly string[]).includes(local) && ns !== VCLOUD) {
      const hint = ns === VCLOUD_10 ? ', which API 1.5 and later do not accept' : '';
      return hinted('xsd/root-namespace', { element: local, elementNs: nsFull(ns), hint, vcloud: VCLOUD });
    }
    return hinted('xsd/unknown-root', { element: local, elementNs: ns === null ? 'no namespace' : (label(ns) ?? ns), roots: REQUEST_ROOTS.join(', ') });
  },
  missingHint(ns, local) {
    return ns === OVF && local === 'Info' ? ' (every section starts with <ovf:Info>, e.g. <ovf:Info>Network settings</ovf:Info>)' : undefined;
  },
  abstractHint(ns, local) {
    return ns === OVF && local === 'Section' ? '; use a concrete section such as <ovf:VirtualHardwareSection> or <NetworkConnectionSection>' : undefined;
  },
  attributeHint(attrNs, attrLocal, elementNs) {
    if (attrNs === OVF && elementNs === VCLOUD) return ` (vCloud attributes are written without a prefix: ${attrLocal}="...")`;
    if (attrNs === null && elementNs === VCLOUD) return ' (check the spelling; foreign attributes need their own namespace prefix)';
    return undefined;
  },
  attributeNamespace(ns) {
    const l = label(ns);
    if (!l || l.includes(' ')) return undefined;
    return { prefix: l, label: l.toUpperCase() };
  },
};
