/** cloneVApp: a CloneVAppParams, a copy or move of a vApp (POST {vdc}/action/cloneVApp). */
import type { DocumentOf } from '../document.js';
import { CLONE } from './shapes.js';
import { checkSpec, type ExactOptions } from './spec-check.js';
import type { CloneVAppSpec } from './types.js';
import { power, startupItems, vappSections } from './vapp.js';
import { sourcedItem } from './vm.js';

/** A CloneVAppParams copying (with `move`, moving) the vApp at `spec.source`. Throws BuildError for an unknown or wrong option. */
export function cloneVApp<const S extends CloneVAppSpec>(spec: ExactOptions<CloneVAppSpec, S>): DocumentOf<'CloneVAppParams', 'input'> {
  checkSpec(spec, CLONE, 'CloneVAppSpec');
  const s: CloneVAppSpec = spec;
  const sections = vappSections({ ...s, startup: startupItems(s.vms, (i) => s.vms![i].name) });
  return {
    kind: 'CloneVAppParams',
    name: s.name,
    ...power(s, false),
    ...(s.linkedClone !== undefined && { linkedClone: s.linkedClone }),
    ...(s.description !== undefined && { Description: s.description }),
    ...(sections.length && { InstantiationParams: { sections } }),
    Source: { href: s.source },
    ...(s.move !== undefined && { IsSourceDelete: s.move }),
    ...(s.vms?.length && { SourcedItem: s.vms.map((vm, i) => sourcedItem(vm, `/vms[${i}]`)) }),
  };
}
