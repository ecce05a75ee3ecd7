/** R01: OVF attributes must carry the ovf: prefix; unprefixed ones are silently ignored. */
import { NS } from '../../../xml/names.js';
import { defineRule } from '../engine.js';
import type { AttrDesc } from '../../../model/dsl.js';

export default defineRule({
  id: 'structure/unqualified-ovf-attribute',
  severity: 'error',
  docs: {
    description: 'An OVF attribute (ovf:id, ovf:order, ovf:key, ...) is written without the ovf: prefix',
    reason:
      'The OVF schema qualifies its attributes (attributeFormDefault="qualified", schema-facts.md §0). An unprefixed `startAction="none"` or `userConfigurable="true"` is taken by the lax anyAttribute and ignored, so the setting silently does not apply; an unprefixed required one (id, order, key) is reported missing.',
    fix: 'Write the attribute as ovf:{{name}} (with xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" declared).',
  },
  overlapsSchema: ['unqualified'],
  messages: {
    unqualified: 'attribute "{{name}}" on <{{element}}> has no prefix, so it is not the OVF attribute ovf:{{name}} and is ignored; write ovf:{{name}}="{{value}}"',
  },
  check(ctx) {
    const visit = (obj: Record<string, unknown>, attrs: readonly AttrDesc[], element: string) => {
      const extra = obj.$attrs as Record<string, string> | undefined;
      if (!extra) return;
      for (const a of attrs) {
        if (a.ns !== NS.ovf || extra[a.local] === undefined) continue;
        ctx.report({ node: obj, key: `@${a.key}`, messageId: 'unqualified', data: { name: a.local, element, value: extra[a.local] } });
      }
    };
    ctx.walk({
      element(v) {
        const c = v.particle.content;
        if (c.kind === 'xml' || !v.value || typeof v.value !== 'object') return;
        visit(v.value as Record<string, unknown>, c.attrs, v.particle.local);
      },
    });
  },
});
