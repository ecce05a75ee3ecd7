/** R30: ChangeSid applies to Windows guests only. */
import { defineRule } from '../engine.js';
import { bool } from '../view.js';

export default defineRule({
  id: 'guest/change-sid-windows',
  severity: 'info',
  docs: {
    description: 'ChangeSid is true for a guest that is not Windows',
    reason: 'ChangeSid runs sysprep to give a Windows guest a new security identifier; on other guests it has no effect (1.5 GuestCustomizationSectionType doc; semantic-rules.md R30).',
    fix: 'Remove ChangeSid (or set it to false) for non-Windows guests.',
  },
  messages: {
    notWindows: '{{vm}}: ChangeSid is true but the guest OS is not Windows; it has no effect',
  },
  check(ctx) {
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        if (!vm) return;
        if (bool(gc.ChangeSid) === true && ctx.isWindows(vm) === false) ctx.report({ node: gc, key: 'ChangeSid', messageId: 'notWindows', data: { vm: vm.label } });
      },
    };
  },
});
