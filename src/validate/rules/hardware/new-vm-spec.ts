/** R35: a new blank VM (CreateItem) needs a VmSpecSection with hardware version, OS type and memory. */
import { defineRule } from '../engine.js';
import { xchild, xtext } from '../view.js';
import { vmSpec } from './_items.js';

export default defineRule({
  id: 'hardware/new-vm-spec',
  severity: 'error',
  docs: {
    description: 'A CreateItem lacks VmSpecSection, OsType or a positive MemoryResourceMb/Configured, or has no NetworkConnectionSection',
    reason: 'A blank VM has no template to inherit from, so the server needs its hardware version, guest OS type and memory size; go-vcloud-director refuses such a request before sending it (validateEmptyVmParams). Without a NetworkConnectionSection the server has been seen to fail with an internal error (vcd-cli#523; semantic-rules.md R35). With a ComputePolicy/VmSizingPolicy the memory may come from the policy, as terraform-provider-vcd relies on when it creates a VM with a sizing policy: that warning fires on requests the server takes, since the document alone cannot tell whether the policy sets the memory.',
    fix: 'Add <VmSpecSection Modified="true"> with <OsType>, <NumCpus>, <MemoryResourceMb><Configured>...</Configured></MemoryResourceMb> and <HardwareVersion>vmx-NN</HardwareVersion>, and a NetworkConnectionSection (use network="none" for no NIC).',
  },
  messages: {
    noSpec: '{{vm}} creates a new VM but has no VmSpecSection; add one with OsType, memory and HardwareVersion',
    missing: '{{vm}}: VmSpecSection has no {{field}}',
    memory: '{{vm}}: VmSpecSection MemoryResourceMb/Configured must be a positive number of MB (found "{{value}}")',
    noNetwork: '{{vm}} has no NetworkConnectionSection; add one (with network="none" if the VM needs no NIC)',
    memoryFromPolicy: '{{vm}}: VmSpecSection has no MemoryResourceMb/Configured, so the memory must come from its sizing policy; make sure the policy sets it',
  },
  check(ctx) {
    return {
      CreateItem({ vm }) {
        if (!vm) return;
        const spec = vmSpec(vm);
        if (!spec) ctx.report({ node: vm.node, messageId: 'noSpec', data: { vm: vm.label } });
        else {
          // HardwareVersion is required by the XSD itself (VmSpecSectionType), so only OsType is checked here.
          for (const field of ['OsType']) if (!xtext(spec, field)) ctx.report({ node: vm.node, key: 'VmSpecSection', messageId: 'missing', data: { vm: vm.label, field } });
          const mem = xchild(spec, 'MemoryResourceMb');
          const configured = xtext(mem, 'Configured');
          // A sizing policy may define the memory: terraform-provider-vcd then leaves MemoryResourceMb out and the server takes it from the policy.
          const sized = !!xchild(xchild(vm.xml, 'ComputePolicy'), 'VmSizingPolicy')?.attrs?.href;
          if (configured === undefined && sized) ctx.report({ node: vm.node, key: 'VmSpecSection', messageId: 'memoryFromPolicy', severity: 'warning', data: { vm: vm.label } });
          else if (configured === undefined) ctx.report({ node: vm.node, key: 'VmSpecSection', messageId: 'missing', data: { vm: vm.label, field: 'MemoryResourceMb/Configured' } });
          else if (!/^\d+$/.test(configured) || Number(configured) <= 0) ctx.report({ node: vm.node, key: 'VmSpecSection', messageId: 'memory', data: { vm: vm.label, value: configured } });
        }
        if (!vm.section('NetworkConnectionSection')) ctx.report({ node: vm.node, messageId: 'noNetwork', severity: 'warning', data: { vm: vm.label } });
      },
    };
  },
});
