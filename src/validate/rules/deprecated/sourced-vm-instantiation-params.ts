/** R07: SourcedVmInstantiationParams is ignored when the request also has SourcedItem elements. */
import { defineRule } from '../engine.js';

export default defineRule({
  id: 'deprecated/sourced-vm-instantiation-params',
  severity: 'warning',
  docs: {
    description: 'SourcedVmInstantiationParams is ignored because the request also has SourcedItem',
    reason:
      'SourcedVmInstantiationParams (5.1, deprecated 5.6) is superseded by SourcedItem; the XSD documentation says it is ignored when SourcedItem is present, so its storage profile, locality and hardware settings silently do not apply (semantic-rules.md R07).',
    fix: 'Move the settings into the SourcedItem of the same VM (StorageProfile, LocalityParams, InstantiationParams/VirtualHardwareSection) and delete the SourcedVmInstantiationParams.',
  },
  messages: {
    ignored: 'SourcedVmInstantiationParams {{index}} is ignored because the request has SourcedItem elements; move its settings into the SourcedItem',
  },
  check(ctx) {
    // The VM list is a shared fact: SourcedVmInstantiationParams matters only beside a SourcedItem.
    if (!ctx.vms.some((v) => v.kind === 'SourcedItem')) return;
    return {
      VmItem({ vm }) {
        if (vm.kind === 'SourcedVmInstantiationParams') ctx.report({ node: vm.node, messageId: 'ignored', data: { index: vm.index } });
      },
    };
  },
});
