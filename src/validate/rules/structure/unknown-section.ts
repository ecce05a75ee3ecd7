/** Sections vmparams does not know in an InstantiationParams: Cloud Director ignores most of them. */
import { NS, nsLabel } from '../../../xml/names.js';
import { defineRule } from '../engine.js';
import type { UnknownSection } from '../view.js';

// Listed in InstantiationParamsType validSubstitutionElements but not modelled by vmparams (schema-facts.md §3.2).
const LISTED = new Set(['CustomizationSection', 'SnapshotSection']);
const KNOWN_NAMES = new Set([
  'LeaseSettingsSection', 'NetworkConfigSection', 'StartupSection', 'ProductSection', 'DefaultStorageProfileSection',
  'VirtualHardwareSection', 'OperatingSystemSection', 'NetworkConnectionSection', 'GuestCustomizationSection',
]);

export default defineRule({
  id: 'structure/unknown-section',
  severity: 'warning',
  docs: {
    description: 'An InstantiationParams holds a section Cloud Director does not apply on instantiation',
    reason:
      'InstantiationParams accepts any member of the ovf:Section substitution group (EulaSection, vmw:* sections, ...), but the server applies only the sections listed in the schema documentation (XSD InstantiationParamsType; semantic-rules.md R04). Anything else is accepted and silently ignored.',
    fix: 'Remove the section, or set what it describes through the request elements that Cloud Director honours.',
  },
  overlapsSchema: ['unknown'],
  messages: {
    unknown: '<{{section}}> ({{ns}}) is not a section Cloud Director applies in InstantiationParams; it will be ignored',
  },
  check(ctx) {
    const judge = (u: UnknownSection) => {
      // A known name in the wrong namespace is structure/wrong-namespace's finding.
      if (KNOWN_NAMES.has(u.el.name)) return;
      if (u.el.ns === NS.vcloud && LISTED.has(u.el.name)) return;
      ctx.report({ node: u.el, messageId: 'unknown', data: { section: u.el.name, ns: nsLabel(u.el.ns) } });
    };
    return {
      Document() {
        ctx.vapp.unknownSections.forEach(judge);
      },
      VmItem({ vm }) {
        if (vm.kind === 'SourcedItem') vm.unknownSections.forEach(judge);
      },
    };
  },
});
