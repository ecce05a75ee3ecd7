/** instantiateTemplate: an InstantiateVAppTemplateParams, a vApp from a vApp template (POST {vdc}/action/instantiateVAppTemplate). */
import type { DocumentOf } from '../document.js';
import { INSTANTIATE } from './shapes.js';
import { checkSpec, type ExactOptions } from './spec-check.js';
import type { InstantiateTemplateSpec } from './types.js';
import { power, vappHead } from './vapp.js';
import { sourcedItems } from './vm.js';

/**
 * An InstantiateVAppTemplateParams from the template at `spec.template`, with per-VM changes in
 * `spec.vms` (each `source` a VM of the template). Throws BuildError for an unknown or wrong option.
 */
export function instantiateTemplate<const S extends InstantiateTemplateSpec>(spec: ExactOptions<InstantiateTemplateSpec, S>): DocumentOf<'InstantiateVAppTemplateParams', 'input'> {
  checkSpec(spec, INSTANTIATE, 'InstantiateTemplateSpec');
  const s: InstantiateTemplateSpec = spec;
  const head = vappHead(s);
  return {
    kind: 'InstantiateVAppTemplateParams',
    name: s.name,
    ...power(s, true),
    ...head,
    Source: { href: s.template },
    ...sourcedItems(s.vms),
    ...(s.acceptEulas !== undefined && { AllEULAsAccepted: s.acceptEulas }),
  };
}
