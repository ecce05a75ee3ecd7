/** R07: renaming a VM through Source/@name is the deprecated way; VmGeneralParams/Name is the current one. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';
import type { SourcedItemT } from '../model-types.js';

export default defineRule({
  id: 'deprecated/source-name-rename',
  severity: 'warning',
  docs: {
    description: 'A SourcedItem names the new VM only through Source/@name (deprecated)',
    reason:
      'Before API 5.6 the new VM took its name from the name attribute of the SourcedItem Source; the schema documentation marks this as deprecated in favour of VmGeneralParams/Name (pyvcloud PR#31; semantic-rules.md R07). Newer servers may keep the source VM name instead.',
    fix: 'Add <VmGeneralParams><Name>...</Name></VmGeneralParams> after the Source.',
  },
  messages: {
    rename: '{{vm}} renames the VM through Source/@name "{{name}}", which is deprecated; set VmGeneralParams/Name instead',
  },
  check(ctx) {
    for (const vm of ctx.vms) {
      if (vm.kind !== 'SourcedItem') continue;
      const si = vm.node as SourcedItemT;
      const name = text(si.Source?.name);
      if (name === undefined || text(si.VmGeneralParams?.Name) !== undefined) continue;
      // A vApp or template source keeps its VMs' names; only a VM source is renamed this way.
      if (si.Source?.href && !/\/vm-|\/vm\//i.test(si.Source.href) && !/vm\+xml/.test(si.Source.type ?? '')) continue;
      ctx.report({ node: si.Source, key: '@name', messageId: 'rename', data: { vm: `SourcedItem ${vm.index}`, name } });
    }
  },
});
