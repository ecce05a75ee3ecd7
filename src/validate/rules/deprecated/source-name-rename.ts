/** R07: renaming a VM through Source/@name is the deprecated way; VmGeneralParams/Name is the current one. */
import { findRef, findTemplate } from '../context-helpers.js';
import { compareVersions } from '../../versions.js';
import { defineRule } from '../engine.js';
import { text } from '../view.js';
import type { SourcedItemT } from '../model-types.js';

export default defineRule({
  id: 'deprecated/source-name-rename',
  severity: 'info',
  docs: {
    description: 'A SourcedItem names the new VM only through Source/@name (deprecated)',
    reason:
      'Before API 5.6 the new VM took its name from the name attribute of the SourcedItem Source; the schema documentation marks this as deprecated in favour of VmGeneralParams/Name (go-vcloud-director SourcedCompositionItemParam comment; pyvcloud PR#31; semantic-rules.md R07). It fires on requests the server takes and applies as meant: terraform-provider-vcd and go-vcloud-director (vapp.AddRawVM, addNewVMW) still name new VMs this way, so it is info, not a warning. When --context knows the source VM and its name is the Source name (pyvcloud copies the source reference), nothing is renamed and it does not fire; below API 5.6 (no VmGeneralParams yet) it does not fire either.',
    fix: 'Add <VmGeneralParams><Name>...</Name></VmGeneralParams> after the Source.',
  },
  messages: {
    rename: '{{vm}} renames the VM through Source/@name "{{name}}", which is deprecated; set VmGeneralParams/Name instead',
  },
  check(ctx) {
    // Before 5.6 there is no VmGeneralParams: Source/@name is then the one way to name the VM.
    if (compareVersions(ctx.apiVersion, '5.6') < 0) return {};
    return {
      VmItem({ vm }) {
        if (vm.kind !== 'SourcedItem') return;
        const si = vm.node as SourcedItemT;
        const name = text(si.Source?.name);
        if (name === undefined || text(si.VmGeneralParams?.Name) !== undefined) return;
        // The reference only repeats the source VM's own name: the VM keeps it either way.
        const href = text(si.Source?.href);
        if (findTemplate(ctx.context, href)?.vm?.name === name || (href && findRef(ctx.context?.vms, { href })?.name === name)) return;
        // A vApp or template source keeps its VMs' names; only a VM source is renamed this way.
        if (si.Source?.href && !/\/vm-|\/vm\//i.test(si.Source.href) && !/vm\+xml/.test(si.Source.type ?? '')) return;
        ctx.report({ node: si.Source, key: '@name', messageId: 'rename', data: { vm: `SourcedItem ${vm.index}`, name } });
      },
    };
  },
});
