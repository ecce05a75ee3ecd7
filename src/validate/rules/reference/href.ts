/** R05: every reference (Source, StorageProfile, ParentNetwork, VmSizingPolicy, ...) names its target by href. */
import { isText, type XElement } from '../../../xml/tree.js';
import { defineRule, forElements, type ElementNode } from '../engine.js';
import { namesOf } from '../walk.js';

// ReferenceType children of VmType (CreateItem/ReconfigureItem content, kept as generic XML by the model).
// The element kinds read as a ReferenceType, from the descriptions (once).
const KINDS = namesOf((p) => p.content.kind === 'complex' && p.content.name === 'ReferenceType');
const ABSOLUTE = /^https?:\/\/[^/\s]+/i;
const VMTYPE_REFS = ['StorageProfile', 'VdcComputePolicy', 'ComputePolicy/VmPlacementPolicy', 'ComputePolicy/VmSizingPolicy', 'Media', 'VmSpecSection/DiskSection/DiskSettings/StorageProfile'];

export default defineRule({
  id: 'reference/href',
  severity: 'error',
  docs: {
    description: 'A reference (Source, StorageProfile, ParentNetwork, compute policy, ...) has no usable href',
    reason:
      'Cloud Director resolves every ReferenceType by its href attribute (XSD ReferenceType, href required); `name` and `id` alone do not identify the entity. An empty href passes the schema (xs:anyURI accepts it) but the server cannot resolve it, and a relative href is resolved against nothing (semantic-rules.md R05).',
    fix: 'Set href to the full API URL of the entity, e.g. https://vcd.example.com/api/vAppTemplate/vappTemplate-<uuid>.',
  },
  overlapsSchema: ['missing'],
  messages: {
    missing: '<{{element}}> has no href; Cloud Director finds the referenced entity only by its href',
    empty: '<{{element}}> has an empty href; set it to the API URL of the referenced entity',
    notAbsolute: '<{{element}}> href "{{href}}" is not an absolute http(s) URL; Cloud Director expects the full API URL',
  },
  check(ctx) {
    const under = (el: XElement, path: string[]): XElement[] => {
      const [head, ...rest] = path;
      const hits = (el.children ?? []).filter((c): c is XElement => !isText(c) && c.name === head);
      return rest.length ? hits.flatMap((h) => under(h, rest)) : hits;
    };
    // VmType content (CreateItem/ReconfigureItem) is generic XML: its references are found by path.
    const vmType = (v: ElementNode<XElement>) => {
      for (const p of VMTYPE_REFS) {
        for (const ref of under(v.value, p.split('/'))) {
          const href = ref.attrs?.href?.trim();
          const element = ref.name;
          // Positions inside VmType content are those of the item; the path names the element.
          if (href === undefined) ctx.report({ node: v.value, key: p, messageId: 'missing', data: { element } });
          else if (href === '') ctx.report({ node: v.value, key: p, messageId: 'empty', data: { element } });
          else if (!ABSOLUTE.test(href)) ctx.report({ node: v.value, key: p, messageId: 'notAbsolute', severity: 'warning', data: { element, href } });
        }
      }
    };
    return {
      ...forElements(KINDS, (v) => {
        const c = v.particle.content;
        if (c.kind !== 'complex' || c.name !== 'ReferenceType' || v.particle.readOnly) return;
        const ref = v.value as Record<string, unknown>;
        const href = typeof ref.href === 'string' ? ref.href.trim() : undefined;
        const element = v.particle.local;
        if (href === undefined) ctx.report({ node: v.parent, key: v.key, index: v.index, messageId: 'missing', data: { element } });
        else if (href === '') ctx.report({ node: ref, key: '@href', messageId: 'empty', data: { element } });
        else if (!ABSOLUTE.test(href)) ctx.report({ node: ref, key: '@href', messageId: 'notAbsolute', severity: 'warning', data: { element, href } });
      }),
      CreateItem: vmType,
      ReconfigureItem: vmType,
    };
  },
});
