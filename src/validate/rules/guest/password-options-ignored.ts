/** R25: AdminPasswordAuto/ResetPasswordRequired do nothing unless AdminPasswordEnabled is true. */
import { defineRule } from '../engine.js';
import { bool } from '../view.js';

export default defineRule({
  id: 'guest/password-options-ignored',
  severity: 'warning',
  docs: {
    description: 'AdminPasswordAuto or ResetPasswordRequired is true while AdminPasswordEnabled is not',
    reason: 'Both options refine the administrator password, which is only managed when AdminPasswordEnabled is true; otherwise they are ignored (1.5 GuestCustomizationSectionType doc; vcd-cli#404; tf-vcd#52; semantic-rules.md R25).',
    fix: 'Set <AdminPasswordEnabled>true</AdminPasswordEnabled>, or remove the option.',
  },
  messages: {
    ignored: '{{vm}}: {{field}} is true but AdminPasswordEnabled is not, so it is ignored',
  },
  check(ctx) {
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        if (!vm) return;
        if (bool(gc.AdminPasswordEnabled) === true) return;
        for (const field of ['AdminPasswordAuto', 'ResetPasswordRequired'] as const) {
          if (bool(gc[field]) === true) ctx.report({ node: gc, key: field, messageId: 'ignored', data: { vm: vm.label, field } });
        }
      },
    };
  },
});
