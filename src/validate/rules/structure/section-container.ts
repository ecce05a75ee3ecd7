/** R04: sections sit in the container where Cloud Director honours them (vApp level vs. VM level). */
import { VAPP_SECTIONS, VM_SECTIONS } from '../../../model/instantiation-params.js';
import { defineRule } from '../engine.js';

const VAPP = new Set<string>(VAPP_SECTIONS);
const VM = new Set<string>(VM_SECTIONS);

export default defineRule({
  id: 'structure/section-container',
  severity: 'error',
  docs: {
    description: 'vApp-level sections belong in the root InstantiationParams, VM-level sections in a VM item',
    reason:
      'The schema lets any ovf:Section stand in any InstantiationParams, but Cloud Director applies NetworkConfig, Lease, Startup and DefaultStorageProfile sections only at the vApp level and VirtualHardware, OperatingSystem, NetworkConnection and GuestCustomization sections only per VM (XSD InstantiationParamsType validSubstitutionElements and SourcedItem documentation; semantic-rules.md R04).',
    fix: 'Move the section: vApp-level sections into the root <InstantiationParams>, VM-level sections into the <InstantiationParams> of the <SourcedItem> (or directly into the CreateItem/ReconfigureItem).',
  },
  messages: {
    vmSectionAtVApp: '<{{section}}> is a VM-level section but stands in the vApp-level InstantiationParams, where Cloud Director ignores it; move it into the InstantiationParams of a SourcedItem',
    vappSectionInVm: '<{{section}}> is a vApp-level section but stands in {{vm}}, where Cloud Director ignores it; move it into the root InstantiationParams',
  },
  check(ctx) {
    return {
      Document() {
        for (const s of ctx.vapp.sections) {
          if (VM.has(s.name) && !VAPP.has(s.name)) ctx.report({ node: s.holder, key: s.key, index: s.index, messageId: 'vmSectionAtVApp', data: { section: s.name } });
        }
      },
      VmItem({ vm }) {
        for (const s of vm.sections) {
          if (VAPP.has(s.name) && !VM.has(s.name)) ctx.report({ node: s.holder, key: s.key, index: s.key === 'sections' ? s.index : undefined, messageId: 'vappSectionInVm', data: { section: s.name, vm: vm.label } });
        }
      },
    };
  },
});
