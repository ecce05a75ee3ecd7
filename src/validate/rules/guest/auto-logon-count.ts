/** R26: AdminAutoLogonCount is 1..100 with auto logon, else 0. */
import { defineRule } from '../engine.js';
import { bool, num, text } from '../view.js';

export default defineRule({
  id: 'guest/auto-logon-count',
  severity: 'error',
  docs: {
    description: 'AdminAutoLogonCount is outside 1..100 with AdminAutoLogonEnabled, or not 0 without it',
    reason: 'The XSD documents AdminAutoLogonCount (an xs:int) as 1 to 100 when AdminAutoLogonEnabled is true and 0 otherwise; the server rejects other values (semantic-rules.md R26).',
    fix: 'With auto logon write a count from 1 to 100; without it write 0 or leave the count out.',
  },
  messages: {
    range: '{{vm}}: AdminAutoLogonEnabled is true, so AdminAutoLogonCount must be 1 to 100 (found {{count}})',
    missing: '{{vm}}: AdminAutoLogonEnabled is true but AdminAutoLogonCount is missing; give 1 to 100 logons',
    notZero: '{{vm}}: AdminAutoLogonCount is {{count}} but auto logon is off; write 0',
  },
  check(ctx) {
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        if (!vm) return;
        const enabled = bool(gc.AdminAutoLogonEnabled) === true;
        const raw = text(gc.AdminAutoLogonCount);
        const count = num(gc.AdminAutoLogonCount);
        if (enabled) {
          if (raw === undefined) ctx.report({ node: gc, key: 'AdminAutoLogonEnabled', messageId: 'missing', data: { vm: vm.label } });
          else if (count === undefined || count < 1 || count > 100) ctx.report({ node: gc, key: 'AdminAutoLogonCount', messageId: 'range', data: { vm: vm.label, count: raw.trim() } });
        } else if (count !== undefined && count !== 0) ctx.report({ node: gc, key: 'AdminAutoLogonCount', messageId: 'notZero', data: { vm: vm.label, count } });
      },
    };
  },
});
