/** R08: VdcComputePolicy and ComputePolicy are alternatives, never both. */
import { defineRule } from '../engine.js';
import type { SourcedItemT } from '../model-types.js';
import { xchild } from '../view.js';

export default defineRule({
  id: 'policy/compute-policy-conflict',
  severity: 'error',
  docs: {
    description: 'A VM item has both VdcComputePolicy and ComputePolicy',
    reason:
      'VdcComputePolicy (31.0-32.0) was replaced by ComputePolicy (33.0); the server rejects a request that sets both, and SDKs refuse to send it (pyvcloud PR#636, utils.py; semantic-rules.md R08).',
    fix: 'Keep ComputePolicy (with VmSizingPolicy/VmPlacementPolicy) and delete VdcComputePolicy, or the other way round for API 31-32.',
  },
  messages: {
    both: '{{vm}} has both VdcComputePolicy and ComputePolicy; keep only one (ComputePolicy from API 33.0 on)',
  },
  check(ctx) {
    return {
      VmItem({ vm }) {
        if (vm.kind === 'SourcedItem') {
          const si = vm.node as SourcedItemT;
          if (si.VdcComputePolicy && si.ComputePolicy) ctx.report({ node: si, key: 'VdcComputePolicy', messageId: 'both', data: { vm: vm.label } });
        } else if (vm.xml && xchild(vm.xml, 'VdcComputePolicy') && xchild(vm.xml, 'ComputePolicy')) {
          ctx.report({ node: vm.xml, key: 'VdcComputePolicy', messageId: 'both', data: { vm: vm.label } });
        }
      },
    };
  },
});
