/** recomposeVApp: a RecomposeVAppParams, posted to an existing vApp's recompose link ({vapp}/action/recomposeVApp). */
import type { DocumentOf } from '../document.js';
import { RECOMPOSE } from './shapes.js';
import { checkSpec, type ExactOptions } from './spec-check.js';
import type { RecomposeVAppSpec } from './types.js';
import { vappHead } from './vapp.js';
import { sourcedItems } from './vm.js';

/** A RecomposeVAppParams: add the VMs of `spec.vms`, delete the VMs whose hrefs `spec.delete` lists. Throws BuildError for an unknown or wrong option. */
export function recomposeVApp<const S extends RecomposeVAppSpec>(spec: ExactOptions<RecomposeVAppSpec, S>): DocumentOf<'RecomposeVAppParams', 'input'> {
  checkSpec(spec, RECOMPOSE, 'RecomposeVAppSpec');
  const s: RecomposeVAppSpec = spec;
  const head = vappHead(s);
  return {
    kind: 'RecomposeVAppParams',
    ...(s.name !== undefined && { name: s.name }),
    ...head,
    ...sourcedItems(s.vms),
    ...(s.acceptEulas !== undefined && { AllEULAsAccepted: s.acceptEulas }),
    ...(s.delete?.length && { DeleteItem: s.delete.map((href) => ({ href })) }),
  };
}
