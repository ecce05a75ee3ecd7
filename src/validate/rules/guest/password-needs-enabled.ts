/** R23: AdminPassword applies only with AdminPasswordEnabled=true and AdminPasswordAuto=false. */
import { defineRule } from '../engine.js';
import { bool, text } from '../view.js';

export default defineRule({
  id: 'guest/password-needs-enabled',
  severity: 'error',
  docs: {
    description: 'AdminPassword is set but AdminPasswordEnabled is not true or AdminPasswordAuto is not false',
    reason: 'The 1.5 GuestCustomizationSectionType documents AdminPassword as "valid only if AdminPasswordEnabled is true and AdminPasswordAuto is false"; otherwise the server rejects the section or generates a password instead of the one given (fog#3693, fog PR#3794; semantic-rules.md R23).',
    fix: 'Write <AdminPasswordEnabled>true</AdminPasswordEnabled> and <AdminPasswordAuto>false</AdminPasswordAuto> before <AdminPassword>, or remove the password.',
  },
  messages: {
    notEnabled: '{{vm}}: AdminPassword is set but AdminPasswordEnabled is {{enabled}}; set AdminPasswordEnabled to true',
    auto: '{{vm}}: AdminPassword is set but AdminPasswordAuto is {{auto}}; set AdminPasswordAuto to false to use the given password',
  },
  check(ctx) {
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        if (!vm) return;
        if (!text(gc.AdminPassword)) return;
        const enabled = bool(gc.AdminPasswordEnabled);
        const auto = bool(gc.AdminPasswordAuto);
        if (enabled !== true) ctx.report({ node: gc, key: 'AdminPassword', messageId: 'notEnabled', data: { vm: vm.label, enabled: enabled === undefined ? 'not set' : String(enabled) } });
        if (auto !== false) ctx.report({ node: gc, key: 'AdminPassword', messageId: 'auto', data: { vm: vm.label, auto: auto === undefined ? 'not set' : String(auto) } });
      },
    };
  },
});
