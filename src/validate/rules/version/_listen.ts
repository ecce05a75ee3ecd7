/** The listeners the three version rules share: each keeps the verdicts of its own kind (R06/R07). */
import type { VersionIssue } from '../../versions.js';
import { forElements, type Listeners, type RuleContext } from '../engine.js';

/** One element or attribute the target version does not accept, as the version rules report it. */
export interface VersionHit {
  node: object;
  key: string;
  index?: number;
  /** Element or attribute name as written (`VdcComputePolicy`, `@sourceDelete`). */
  name: string;
  version: string;
  replacement?: string;
}

/**
 * Listeners that look up the precomputed verdict of the elements that can have one at the target
 * version (versions.ts VersionFacts.kinds) and of every visited attribute (one Map access each), and
 * of a CreateItem/ReconfigureItem's generic VmType content, and pass the hits of one kind of issue to `hit`.
 */
export function versionListeners(ctx: RuleContext<string>, issue: VersionIssue, hit: (h: VersionHit) => void): Listeners {
  const { versions } = ctx;
  return {
    ...forElements(versions.kinds(issue), (n) => {
      const v = versions.element(n);
      if (v?.issue === issue) hit({ node: n.parent, key: n.key, index: n.index, name: n.particle.local, version: v.version, replacement: v.replacement });
      // The model keeps VmType content as generic XML; its version facts come from the VMTYPE_FACTS table.
      if (n.up === undefined && n.vm?.xml && n.vm.xml === n.value) {
        for (const f of versions.vmType(n.vm.xml)) if (f.issue === issue) hit({ node: n.vm.xml, key: f.trail, name: f.name, version: f.version, replacement: f.replacement });
      }
    }),
    '@*'(a) {
      const v = versions.attr(a.attr);
      if (v?.issue === issue) hit({ node: a.obj, key: `@${a.attr.key}`, name: `@${a.attr.local}`, version: v.version, replacement: v.replacement });
    },
  };
}
