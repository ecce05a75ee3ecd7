/** R38: ovf:class/ovf:instance change a property's effective key. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'product/qualified-key',
  severity: 'info',
  docs: {
    description: 'A ProductSection with ovf:class or ovf:instance qualifies its property keys',
    reason: 'In the OVF environment a property of a ProductSection with ovf:class="c" and ovf:instance="i" is named c.key.i, not key; scripts reading the plain key find nothing (DSP0243; pyvcloud#650; semantic-rules.md R38).',
    fix: 'Read the property by its full key in the guest, or drop ovf:class/ovf:instance if they are not needed.',
  },
  messages: {
    qualified: 'Property "{{key}}" is published in the OVF environment as "{{full}}" because of the section\'s ovf:class/ovf:instance',
  },
  check(ctx) {
    return {
      ProductSection({ value: section }) {
        const cls = text(section.class)?.trim() ?? '';
        const inst = text(section.instance)?.trim() ?? '';
        if (!cls && !inst) return;
        for (const entry of section.entries ?? []) {
          if (!('Property' in entry)) continue;
          const key = text(entry.Property.key) ?? '';
          const full = `${cls ? `${cls}.` : ''}${key}${inst ? `.${inst}` : ''}`;
          ctx.report({ node: entry.Property, key: '@key', messageId: 'qualified', data: { key, full } });
        }
      },
    };
  },
});
