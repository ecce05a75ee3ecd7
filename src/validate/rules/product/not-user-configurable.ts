/** R38: a value on a property with userConfigurable=false is not settable. */
import { defineRule } from '../engine.js';
import { bool, text } from '../view.js';

export default defineRule({
  id: 'product/not-user-configurable',
  severity: 'warning',
  docs: {
    description: 'A ProductSection Property sets a value but is not userConfigurable',
    reason: 'ovf:userConfigurable defaults to false; Cloud Director then keeps the template\'s value and does not pass the new one to the OVF environment (dsp8023 XSD; terraform-provider-vsphere#394; pyvcloud#650; semantic-rules.md R38).',
    fix: 'Write ovf:userConfigurable="true" on the property (it must be configurable in the template too).',
  },
  messages: {
    notConfigurable: 'Property "{{key}}" sets value "{{value}}" but ovf:userConfigurable is {{state}}, so the value is not applied',
  },
  check(ctx) {
    return {
      ProductSection({ value: section }) {
        for (const entry of section.entries ?? []) {
          if (!('Property' in entry)) continue;
          const p = entry.Property;
          const value = text(p.value);
          if (value === undefined || value === '') continue;
          const uc = bool(p.userConfigurable);
          if (uc !== true) ctx.report({ node: p, key: '@value', messageId: 'notConfigurable', data: { key: text(p.key) ?? '', value, state: uc === false ? 'false' : 'not set (false)' } });
        }
      },
    };
  },
});
