/** R39 (context): a StartupSection item names a VM of the vApp. */
import { defineRule } from '../engine.js';
import { findTemplate } from '../context-helpers.js';
import { text } from '../view.js';

export default defineRule({
  id: 'startup/unknown-vm',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'A StartupSection item\'s ovf:id is not the name of a VM of the vApp (needs --context)',
    reason: 'Cloud Director matches startup items to VMs by name (ovf:id); an item for a VM the vApp does not have is ignored or rejected (dsp8023 StartupSection_Type; semantic-rules.md R39). VM names come from the document, the context\'s vapp.vms and the source template\'s VMs.',
    fix: 'Use the VM names of the vApp as ovf:id.',
  },
  messages: {
    unknown: 'startup item "{{id}}" names no VM of the vApp (known VMs: {{known}})',
  },
  check(ctx) {
    const known = new Set<string>();
    for (const vm of ctx.vms) if (vm.name) known.add(vm.name);
    for (const n of ctx.context?.vapp?.vms ?? []) known.add(n);
    const src = findTemplate(ctx.context, (ctx.root.Source as { href?: string } | undefined)?.href);
    for (const v of src?.template.vms ?? []) if (v.name) known.add(v.name);
    // Without any known VM name there is nothing to compare against.
    if (!known.size) return;
    return {
      StartupSection({ value: section }) {
        for (const item of section.Item ?? []) {
          const id = text(item.id);
          if (id !== undefined && !known.has(id)) ctx.report({ node: item, key: '@id', messageId: 'unknown', data: { id, known: [...known].join(', ') } });
        }
      },
    };
  },
});
