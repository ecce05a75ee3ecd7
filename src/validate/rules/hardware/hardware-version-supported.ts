/** R35 (context): the virtual hardware version is one the VDC supports. */
import { defineRule } from '../engine.js';
import { xchild, xtext } from '../view.js';

export default defineRule({
  id: 'hardware/hardware-version-supported',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'A VM asks for a virtual hardware version the VDC does not support (needs --context)',
    reason: 'The hardware versions a VDC offers depend on its provider VDC hosts; a newer vmx version than they run is rejected (go-vcloud-director GetHardwareVersion in vdc.go; semantic-rules.md R35).',
    fix: 'Use one of the hardware versions listed in the message.',
  },
  messages: {
    unsupported: '{{vm}}: hardware version {{version}} is not supported by this VDC (supported: {{supported}})',
  },
  check(ctx) {
    const supported = ctx.context?.hardwareVersions;
    if (!supported) return;
    return {
      VmItem({ vm }) {
        const fromSpec = xtext(xchild(vm.xml, 'VmSpecSection'), 'HardwareVersion');
        const sys = vm.section('VirtualHardwareSection')?.System;
        const fromVhs = typeof sys?.VirtualSystemType === 'object' ? sys.VirtualSystemType.$value : sys?.VirtualSystemType;
        for (const [version, node, key] of [
          [fromSpec, vm.xml, 'VmSpecSection'],
          [fromVhs?.trim(), sys, 'VirtualSystemType'],
        ] as const) {
          if (version && /^vmx-\d+$/.test(version) && !supported.includes(version)) ctx.report({ node: node as object, key, messageId: 'unsupported', data: { vm: vm.label, version, supported: supported.join(', ') } });
        }
      },
    };
  },
});
