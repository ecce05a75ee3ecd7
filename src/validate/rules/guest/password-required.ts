/** R24: AdminPasswordEnabled=true with AdminPasswordAuto=false needs an AdminPassword. */
import { defineRule } from '../engine.js';
import { bool, text } from '../view.js';

export default defineRule({
  id: 'guest/password-required',
  severity: 'error',
  docs: {
    description: 'AdminPasswordEnabled is true and AdminPasswordAuto false, but AdminPassword is missing or empty',
    reason: 'With automatic generation off, the server needs the password to set; it rejects the request ("AdminPassword must be specified", libcloud#1352; semantic-rules.md R24).',
    fix: 'Add a non-empty <AdminPassword>, or set AdminPasswordAuto to true.',
  },
  messages: {
    missing: '{{vm}}: AdminPasswordAuto is false but there is no AdminPassword; add one or set AdminPasswordAuto to true',
  },
  check(ctx) {
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        if (!vm) return;
        if (bool(gc.AdminPasswordEnabled) === true && bool(gc.AdminPasswordAuto) === false && !text(gc.AdminPassword)) ctx.report({ node: gc, key: 'AdminPasswordAuto', messageId: 'missing', data: { vm: vm.label } });
      },
    };
  },
});
