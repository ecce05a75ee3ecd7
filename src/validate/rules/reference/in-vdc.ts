/** R40 (context): storage profiles and compute policies are ones assigned to the target VDC. */
import { defineRule } from '../engine.js';
import { findRef, type RefLike } from '../context-helpers.js';
import type { InstantiateVmParamsT, SourcedItemT } from '../model-types.js';
import { text, xchild } from '../view.js';
import type { XElement } from '../../../xml/tree.js';

type Kind = 'storage profile' | 'sizing policy' | 'placement policy';

export default defineRule({
  id: 'reference/in-vdc',
  severity: 'error',
  needsContext: true,
  docs: {
    description: 'A storage profile, sizing policy or placement policy is not assigned to the target VDC (needs --context)',
    reason: 'StorageProfile "must exist in the organization vDC" (XSD doc) and compute policies must be published to it; the server may accept another VDC\'s entity silently and place the VM unexpectedly, or fail late (tf PR#553 review; semantic-rules.md R40).',
    fix: 'Use a storage profile or policy of the target VDC (listed in the message).',
  },
  messages: {
    notInVdc: '{{where}}: {{kind}} {{ref}} is not assigned to this VDC (available: {{available}})',
  },
  check(ctx) {
    const c = ctx.context!;
    const lists: Record<Kind, readonly RefLike[] | undefined> = { 'storage profile': c.storageProfiles, 'sizing policy': c.sizingPolicies, 'placement policy': c.placementPolicies };
    const judge = (kind: Kind, ref: RefLike | undefined, where: string, node: object | undefined, key?: string) => {
      const list = lists[kind];
      if (!list || !ref || (!ref.href && !ref.id && !ref.name)) return;
      if (findRef(list, ref)) return;
      const shown = ref.name ? `"${ref.name}"` : (ref.href ?? ref.id ?? '?');
      ctx.report({ node, key, messageId: 'notInVdc', data: { where, kind, ref: shown, available: list.map((e) => e.name ?? e.href ?? e.id).join(', ') || 'none' } });
    };
    const asRef = (r: { href?: string; id?: string; name?: string } | undefined): RefLike | undefined => r && { href: text(r.href), id: text(r.id), name: text(r.name) };
    const xref = (el: XElement | undefined): RefLike | undefined => el?.attrs && { href: el.attrs.href, id: el.attrs.id, name: el.attrs.name };
    return {
      VmItem({ vm }) {
        if (vm.kind === 'SourcedItem') {
          const si = vm.node as SourcedItemT;
          judge('storage profile', asRef(si.StorageProfile), vm.label, si, 'StorageProfile');
          judge('sizing policy', asRef(si.ComputePolicy?.VmSizingPolicy), vm.label, si.ComputePolicy, 'VmSizingPolicy');
          judge('placement policy', asRef(si.ComputePolicy?.VmPlacementPolicy), vm.label, si.ComputePolicy, 'VmPlacementPolicy');
          if (si.VdcComputePolicy && lists['sizing policy'] && !findRef([...(c.sizingPolicies ?? []), ...(c.placementPolicies ?? [])], asRef(si.VdcComputePolicy)!)) judge('sizing policy', asRef(si.VdcComputePolicy), vm.label, si, 'VdcComputePolicy');
        } else if (vm.kind === 'InstantiateVmParams') {
          const ivp = vm.node as InstantiateVmParamsT;
          judge('storage profile', asRef(ivp.VdcStorageProfile), vm.label, ivp, 'VdcStorageProfile');
        } else if (vm.xml) {
          judge('storage profile', xref(xchild(vm.xml, 'StorageProfile')), vm.label, vm.xml, 'StorageProfile');
          const cp = xchild(vm.xml, 'ComputePolicy');
          judge('sizing policy', xref(xchild(cp, 'VmSizingPolicy')), vm.label, vm.xml, 'ComputePolicy');
          judge('placement policy', xref(xchild(cp, 'VmPlacementPolicy')), vm.label, vm.xml, 'ComputePolicy');
        }
        for (const item of vm.section('VirtualHardwareSection')?.Item ?? []) {
          for (const h of item.HostResource ?? []) {
            if (typeof h === 'object' && h.storageProfileHref) judge('storage profile', { href: h.storageProfileHref }, vm.label, item, 'HostResource');
          }
        }
      },
      DefaultStorageProfileSection({ value: section }) {
        const name = text(section.StorageProfile)?.trim();
        if (name) judge('storage profile', { name }, 'DefaultStorageProfileSection', section, 'StorageProfile');
      },
    };
  },
});
