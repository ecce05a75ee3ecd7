/** composeVApp: a ComposeVAppParams, a vApp made of VMs from templates and other vApps (POST {vdc}/action/composeVApp). */
import type { DocumentOf } from '../document.js';
import { COMPOSE } from './shapes.js';
import { checkSpec, type ExactOptions } from './spec-check.js';
import type { ComposeVAppSpec } from './types.js';
import { power, startupItems, vappSections } from './vapp.js';
import { sourcedItem } from './vm.js';

/** A ComposeVAppParams with the VMs of `spec.vms`. Throws BuildError for an unknown or wrong option. */
export function composeVApp<const S extends ComposeVAppSpec>(spec: ExactOptions<ComposeVAppSpec, S>): DocumentOf<'ComposeVAppParams', 'input'> {
  checkSpec(spec, COMPOSE, 'ComposeVAppSpec');
  const s: ComposeVAppSpec = spec;
  const sections = vappSections({ ...s, startup: startupItems(s.vms, (i) => s.vms![i].name) });
  return {
    kind: 'ComposeVAppParams',
    name: s.name,
    ...power(s, true),
    ...(s.linkedClone !== undefined && { linkedClone: s.linkedClone }),
    ...(s.description !== undefined && { Description: s.description }),
    ...(sections.length && { InstantiationParams: { sections } }),
    ...(s.vms?.length && { SourcedItem: s.vms.map((vm, i) => sourcedItem(vm, `/vms[${i}]`)) }),
    ...(s.acceptEulas !== undefined && { AllEULAsAccepted: s.acceptEulas }),
  };
}
