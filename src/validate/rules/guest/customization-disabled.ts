/** R29: customization values are not applied when customization is off. */
import { defineRule } from '../engine.js';
import type { SourcedItemT } from '../model-types.js';
import { bool, text } from '../view.js';

const VALUES = ['ComputerName', 'AdminPassword', 'DomainName', 'CustomizationScript', 'JoinDomainEnabled', 'AdminPasswordEnabled', 'AdminAutoLogonEnabled', 'ChangeSid'] as const;

export default defineRule({
  id: 'guest/customization-disabled',
  severity: 'warning',
  docs: {
    description: 'Guest customization values are set while Enabled is false or VmGeneralParams/NeedsCustomization is false',
    reason: 'With <Enabled>false</Enabled>, or when the SourcedItem says NeedsCustomization=false, the guest is not customized on first boot, so the computer name, password, domain and script in the section do not take effect (tf-vcd#273; pyvcloud sets NeedsCustomization; semantic-rules.md R29).',
    fix: 'Set <Enabled>true</Enabled> (and NeedsCustomization true) to apply the values, or remove them.',
  },
  messages: {
    disabled: '{{vm}}: guest customization is disabled (Enabled=false) but {{fields}} {{verb}} set; they will not be applied',
    noCustomization: '{{vm}}: VmGeneralParams/NeedsCustomization is false but the GuestCustomizationSection sets {{fields}}; they will not be applied on first boot',
  },
  check(ctx) {
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        if (!vm) return;
        const set = VALUES.filter((f) => (f === 'JoinDomainEnabled' || f === 'AdminPasswordEnabled' || f === 'AdminAutoLogonEnabled' || f === 'ChangeSid' ? bool(gc[f]) === true : !!text(gc[f])?.trim()));
        if (!set.length) return;
        const data = { vm: vm.label, fields: set.join(', '), verb: set.length > 1 ? 'are' : 'is' };
        if (bool(gc.Enabled) === false) ctx.report({ node: gc, key: 'Enabled', messageId: 'disabled', data });
        else if (vm.kind === 'SourcedItem') {
          const gp = (vm.node as SourcedItemT).VmGeneralParams;
          if (bool(gp?.NeedsCustomization) === false) ctx.report({ node: gp, key: 'NeedsCustomization', messageId: 'noCustomization', data });
        }
      },
    };
  },
});
