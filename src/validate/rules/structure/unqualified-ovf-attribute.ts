/** R01: OVF attributes must carry the ovf: prefix; unprefixed ones are silently ignored. */
import { NS } from '../../../xml/names.js';
import { defineRule, forElements } from '../engine.js';
import { qualifyAttribute } from '../fix.js';
import { namesOf } from '../walk.js';
import type { AttrDesc } from '../../../model/dsl.js';

// The element kinds that have OVF attributes, from the descriptions (once).
const KINDS = namesOf((p) => p.content.kind !== 'xml' && p.content.attrs.some((a) => a.ns === NS.ovf));

export default defineRule({
  id: 'structure/unqualified-ovf-attribute',
  severity: 'error',
  fixable: true,
  docs: {
    description: 'An OVF attribute (ovf:id, ovf:order, ovf:key, ...) is written without the ovf: prefix',
    reason:
      'The OVF schema qualifies its attributes (attributeFormDefault="qualified", schema-facts.md §0). An unprefixed `startAction="none"` or `userConfigurable="true"` is taken by the lax anyAttribute and ignored, so the setting silently does not apply; an unprefixed required one (id, order, key) is reported missing. When the unprefixed value equals the attribute\'s default (`<ovf:Info msgid="">`, `required="true"` on a section, as some generators write them) ignoring it changes nothing, so that is only reported as info.',
    fix: 'Write the attribute as ovf:{{name}} (with xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" declared).',
  },
  overlapsSchema: ['unqualified', 'defaultValue'],
  messages: {
    unqualified: 'attribute "{{name}}" on <{{element}}> has no prefix, so it is not the OVF attribute ovf:{{name}} and is ignored; write ovf:{{name}}="{{value}}"',
    defaultValue: 'attribute "{{name}}" on <{{element}}> has no prefix, so it is not the OVF attribute ovf:{{name}}; its value "{{value}}" is the default, so nothing changes, but write ovf:{{name}} to say what you mean',
  },
  check(ctx) {
    const visit = (obj: Record<string, unknown>, attrs: readonly AttrDesc[], element: string) => {
      const extra = obj.$attrs as Record<string, string> | undefined;
      if (!extra) return;
      for (const a of attrs) {
        const value = extra[a.local];
        if (a.ns !== NS.ovf || value === undefined) continue;
        const fix = qualifyAttribute(obj, a.local, NS.ovf, 'ovf', `Write ovf:${a.local}`);
        // The value equals the default (ovf:Info msgid="", required="true"): ignoring it has no effect.
        if (a.default !== undefined && value === a.default) ctx.report({ node: obj, key: `@${a.key}`, messageId: 'defaultValue', severity: 'info', data: { name: a.local, element, value }, fix });
        else ctx.report({ node: obj, key: `@${a.key}`, messageId: 'unqualified', data: { name: a.local, element, value }, fix });
      }
    };
    return forElements(KINDS, (v) => {
      const c = v.particle.content;
      if (c.kind === 'xml' || !v.value || typeof v.value !== 'object') return;
      visit(v.value as Record<string, unknown>, c.attrs, v.particle.local);
    });
  },
});
