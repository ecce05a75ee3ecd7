/** R13 (context): a template with a EULA needs AllEULAsAccepted=true. */
import { defineRule } from '../engine.js';
import { findTemplate } from '../context-helpers.js';
import type { SourcedItemT } from '../model-types.js';
import { bool } from '../view.js';

export default defineRule({
  id: 'eula/not-accepted',
  severity: 'warning',
  needsContext: true,
  docs: {
    description: 'The source template has a EULA but AllEULAsAccepted is missing or false (needs --context)',
    reason: 'When a vApp template carries an ovf:EulaSection the server refuses to instantiate it with EULA_NOT_ACCEPTED unless the request says AllEULAsAccepted=true (XSD doc; container-service-extension#159; semantic-rules.md R13).',
    fix: 'Read the EULA and add <AllEULAsAccepted>true</AllEULAsAccepted>.',
  },
  messages: {
    notAccepted: 'template "{{template}}" has a EULA but AllEULAsAccepted is {{state}}; the server will answer EULA_NOT_ACCEPTED',
  },
  check(ctx) {
    return {
      Document() {
        if (ctx.kind === 'CloneVAppParams') return;
        const accepted = bool(ctx.root.AllEULAsAccepted) === true;
        if (accepted) return;
        const state = ctx.root.AllEULAsAccepted === undefined ? 'missing' : 'false';
        const sources: Array<{ href?: string; node: object }> = [];
        const rootSource = ctx.root.Source as { href?: string } | undefined;
        if (rootSource) sources.push({ href: rootSource.href, node: rootSource });
        for (const vm of ctx.vms) if (vm.kind === 'SourcedItem') sources.push({ href: (vm.node as SourcedItemT).Source?.href, node: (vm.node as SourcedItemT).Source });
        const reported = new Set<string>();
        for (const s of sources) {
          const t = findTemplate(ctx.context, s.href);
          if (!t?.template.eula || reported.has(t.template.href)) continue;
          reported.add(t.template.href);
          ctx.report({ node: s.node, messageId: 'notAccepted', data: { template: t.template.name ?? t.template.href, state } });
        }
      },
    };
  },
});
