/** R39: each VM appears once in the StartupSection. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'startup/duplicate-item',
  severity: 'error',
  docs: {
    description: 'Two StartupSection items have the same ovf:id',
    reason: 'ovf:id names the VM the item orders; two items for one VM give it two contradictory start orders and the server rejects the section (dsp8023 StartupSection_Type; semantic-rules.md R39).',
    fix: 'Keep one item per VM.',
  },
  messages: {
    duplicate: 'startup item "{{id}}" appears more than once; keep one item per VM',
  },
  check(ctx) {
    return {
      StartupSection({ value: section }) {
        const seen = new Set<string>();
        for (const item of section.Item ?? []) {
          const id = text(item.id);
          if (id === undefined) continue;
          if (seen.has(id)) ctx.report({ node: item, key: '@id', messageId: 'duplicate', data: { id } });
          seen.add(id);
        }
      },
    };
  },
});
