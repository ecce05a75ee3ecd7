/** cloneVApp: a CloneVAppParams, a copy or move of a vApp (POST {vdc}/action/cloneVApp). */
import type { DocumentOf } from '../document.js';
import { CLONE } from './shapes.js';
import { checkSpec, type ExactOptions } from './spec-check.js';
import type { CloneVAppSpec } from './types.js';
import { power, vappHead } from './vapp.js';
import { sourcedItems } from './vm.js';

/** A CloneVAppParams copying (with `move`, moving) the vApp at `spec.source`. Throws BuildError for an unknown or wrong option. */
export function cloneVApp<const S extends CloneVAppSpec>(spec: ExactOptions<CloneVAppSpec, S>): DocumentOf<'CloneVAppParams', 'input'> {
  checkSpec(spec, CLONE, 'CloneVAppSpec');
  const s: CloneVAppSpec = spec;
  const head = vappHead(s);
  return {
    kind: 'CloneVAppParams',
    name: s.name,
    ...power(s, false),
    ...head,
    Source: { href: s.source },
    ...(s.move !== undefined && { IsSourceDelete: s.move }),
    ...sourcedItems(s.vms),
  };
}
