/** R36: lease durations are 0 (never expires) or at least one hour. */
import { defineRule } from '../engine.js';
import { num, text } from '../view.js';

export default defineRule({
  id: 'lease/seconds',
  severity: 'error',
  docs: {
    description: 'A lease in LeaseSettingsSection is neither 0 nor at least 3600 seconds',
    reason: 'Cloud Director accepts 0 (never expires) or a lease of one hour or more; smaller or negative values are rejected (terraform-provider-vcd validateIntLeaseSeconds; semantic-rules.md R36). The XSD types them as plain xs:int.',
    fix: 'Write 0 for no expiry, or a number of seconds of at least 3600 (86400 = one day).',
  },
  messages: {
    tooShort: '{{field}} is {{value}} seconds; use 0 (never expires) or at least 3600',
  },
  check(ctx) {
    return {
      LeaseSettingsSection({ value: section }) {
        for (const field of ['DeploymentLeaseInSeconds', 'StorageLeaseInSeconds'] as const) {
          const v = num(section[field]);
          if (v !== undefined && v !== 0 && v < 3600) ctx.report({ node: section, key: field, messageId: 'tooShort', data: { field, value: text(section[field])!.trim() } });
        }
      },
    };
  },
});
