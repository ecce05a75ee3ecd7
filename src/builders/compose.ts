/** composeVApp: a ComposeVAppParams, a vApp made of VMs from templates and other vApps (POST {vdc}/action/composeVApp). */
import type { DocumentOf } from '../document.js';
import { COMPOSE } from './shapes.js';
import { checkSpec, type ExactOptions } from './spec-check.js';
import type { ComposeVAppSpec } from './types.js';
import { power, vappHead } from './vapp.js';
import { sourcedItems } from './vm.js';

/** A ComposeVAppParams with the VMs of `spec.vms`. Throws BuildError for an unknown or wrong option. */
export function composeVApp<const S extends ComposeVAppSpec>(spec: ExactOptions<ComposeVAppSpec, S>): DocumentOf<'ComposeVAppParams', 'input'> {
  checkSpec(spec, COMPOSE, 'ComposeVAppSpec');
  const s: ComposeVAppSpec = spec;
  const head = vappHead(s);
  return {
    kind: 'ComposeVAppParams',
    name: s.name,
    ...power(s, true),
    ...head,
    ...sourcedItems(s.vms),
    ...(s.acceptEulas !== undefined && { AllEULAsAccepted: s.acceptEulas }),
  };
}
