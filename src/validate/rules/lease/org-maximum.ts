/** R36 (context): a lease above the organization's maximum is silently reduced. */
import { defineRule } from '../engine.js';
import { num } from '../view.js';

export default defineRule({
  id: 'lease/org-maximum',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'A lease (or "never expires") exceeds the organization\'s maximum lease (needs --context)',
    reason: 'The organization\'s lease policy caps both leases; a longer value, or 0 when the organization does not allow unlimited leases, is silently reduced to the maximum (terraform-provider-vcd docs; semantic-rules.md R36).',
    fix: 'Ask for at most the organization maximum named in the message.',
  },
  messages: {
    above: '{{field}} {{value}} is above the organization maximum of {{max}} seconds; the server will reduce it silently',
    unlimited: '{{field}} 0 (never expires) is not allowed by the organization, whose maximum is {{max}} seconds; the server will use the maximum',
  },
  check(ctx) {
    const lease = ctx.context?.lease;
    if (!lease) return;
    const max = { DeploymentLeaseInSeconds: lease.maxDeploymentLeaseSeconds, StorageLeaseInSeconds: lease.maxStorageLeaseSeconds };
    return {
      LeaseSettingsSection({ value: section }) {
        for (const field of ['DeploymentLeaseInSeconds', 'StorageLeaseInSeconds'] as const) {
          const v = num(section[field]);
          const m = max[field];
          if (v === undefined || m === undefined || m === 0) continue;
          if (v === 0) ctx.report({ node: section, key: field, messageId: 'unlimited', data: { field, max: m } });
          else if (v > m) ctx.report({ node: section, key: field, messageId: 'above', data: { field, value: v, max: m } });
        }
      },
    };
  },
});
