/** R38: a ProductSection Property has a non-empty ovf:key and an OVF type. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

// DSP0243 (OVF) property types.
const TYPES = ['uint8', 'sint8', 'uint16', 'sint16', 'uint32', 'sint32', 'uint64', 'sint64', 'string', 'boolean', 'real32', 'real64'];

export default defineRule({
  id: 'product/property-type',
  severity: 'error',
  docs: {
    description: 'A ProductSection Property has an empty ovf:key or an ovf:type that is not an OVF property type',
    reason: 'The OVF schema requires ovf:key and ovf:type on Property but types both as plain strings; the OVF specification allows only the types uint8..uint64, sint8..sint64, string, boolean, real32 and real64, and the key names the property in the OVF environment (dsp8023 XSD; terraform-provider-vsphere#394; semantic-rules.md R38).',
    fix: 'Give every Property a non-empty ovf:key and an ovf:type such as string, boolean or uint16.',
  },
  messages: {
    emptyKey: 'a ProductSection Property has an empty ovf:key',
    badType: 'Property "{{key}}" has ovf:type "{{type}}", which is not an OVF property type ({{types}})',
  },
  check(ctx) {
    return {
      ProductSection({ value: section }) {
        for (const entry of section.entries ?? []) {
          if (!('Property' in entry)) continue;
          const p = entry.Property;
          const key = text(p.key);
          const type = text(p.type);
          if (key !== undefined && key.trim() === '') ctx.report({ node: p, key: '@key', messageId: 'emptyKey' });
          if (type !== undefined && !TYPES.includes(type.trim())) ctx.report({ node: p, key: '@type', messageId: 'badType', data: { key: key ?? '', type, types: TYPES.join(', ') } });
        }
      },
    };
  },
});
