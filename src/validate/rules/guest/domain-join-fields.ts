/** R27: joining a domain without org settings needs the domain and its credentials; domain fields without joining are ignored. */
import { defineRule } from '../engine.js';
import { bool, text } from '../view.js';

const FIELDS = ['DomainName', 'DomainUserName', 'DomainUserPassword'] as const;

export default defineRule({
  id: 'guest/domain-join-fields',
  severity: 'error',
  docs: {
    description: 'JoinDomainEnabled without org settings lacks DomainName/DomainUserName/DomainUserPassword, or domain fields are set without joining',
    reason: 'The 1.5 type documents the domain fields as "valid only if JoinDomainEnabled is set"; when UseOrgSettings is not true the server needs all three to join the domain and rejects the section otherwise. Without JoinDomainEnabled they are ignored (semantic-rules.md R27).',
    fix: 'Give DomainName, DomainUserName and DomainUserPassword, or set UseOrgSettings to true; remove domain fields if the VM should not join a domain.',
  },
  messages: {
    missing: '{{vm}}: JoinDomainEnabled is true and UseOrgSettings is not, but {{fields}} {{verb}} missing',
    ignored: '{{vm}}: {{fields}} {{verb}} set but JoinDomainEnabled is not true, so {{pronoun}} ignored',
  },
  check(ctx) {
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        if (!vm) return;
        const join = bool(gc.JoinDomainEnabled) === true;
        if (join && bool(gc.UseOrgSettings) !== true) {
          const missing = FIELDS.filter((f) => !text(gc[f])?.trim());
          if (missing.length) ctx.report({ node: gc, key: 'JoinDomainEnabled', messageId: 'missing', data: { vm: vm.label, fields: missing.join(', '), verb: missing.length > 1 ? 'are' : 'is' } });
        } else if (!join) {
          const set = [...FIELDS, 'MachineObjectOU' as const].filter((f) => text(gc[f])?.trim());
          if (set.length) ctx.report({ node: gc, key: set[0], severity: 'warning', messageId: 'ignored', data: { vm: vm.label, fields: set.join(', '), verb: set.length > 1 ? 'are' : 'is', pronoun: set.length > 1 ? 'they are' : 'it is' } });
        }
      },
    };
  },
});
