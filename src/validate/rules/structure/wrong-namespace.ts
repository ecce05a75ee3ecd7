/** R01: an element vmparams knows, written in another namespace (it is then unknown to the server). */
import { nsLabel, NS } from '../../../xml/names.js';
import type { XElement } from '../../../xml/tree.js';
import { defineRule } from '../engine.js';
import { ALL_PARTICLES } from '../walk.js';

/** local name -> namespaces it is declared in, over every description (walk.ts ALL_PARTICLES). */
function knownNames(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of ALL_PARTICLES) {
    if (!out.has(e.local)) out.set(e.local, new Set());
    out.get(e.local)!.add(e.ns);
  }
  return out;
}
const KNOWN = knownNames();
// Namespaces whose mix-ups this rule reports; foreign extension namespaces are left alone.
const OURS = new Set<string>([NS.vcloud, NS.ovf, NS.rasd, NS.vssd, NS.vmw, 'http://www.vmware.com/vcloud/v1']);

export default defineRule({
  id: 'structure/wrong-namespace',
  severity: 'error',
  docs: {
    description: 'A vCloud or OVF element is written in the wrong namespace',
    reason:
      'vCloud elements live in http://www.vmware.com/vcloud/v1.5, OVF sections and Info/Item/Property in http://schemas.dmtf.org/ovf/envelope/1 and RASD children in the CIM RASD namespace (schema-facts.md §0; go-vcloud-director#429, tf-vcd#548). An element in another namespace is not the element the server looks for: it is rejected or ignored.',
    fix: 'Write the element with the right prefix (for example <ovf:Info>, <rasd:ResourceType>, an unprefixed <NetworkConfigSection> under xmlns="http://www.vmware.com/vcloud/v1.5") and declare that prefix.',
  },
  overlapsSchema: ['wrongNs'],
  messages: {
    wrongNs: '<{{name}}> is in {{actual}} but vmparams knows it only in {{expected}}; use the {{expected}} namespace',
  },
  check(ctx) {
    const checkEl = (el: XElement, holder: object) => {
      const expected = KNOWN.get(el.name);
      if (!expected) return;
      if (el.ns !== null && expected.has(el.ns)) return;
      // A foreign extension element that happens to share a name is not a mix-up.
      if (el.ns !== null && !OURS.has(el.ns)) return;
      ctx.report({ node: ctx.hasPosition(el) ? el : holder, messageId: 'wrongNs', data: { name: el.name, actual: nsLabel(el.ns), expected: [...expected].map(nsLabel).join(' or ') } });
    };
    // Generic content the model kept (unknown children, unknown sections); VmType content of CreateItem/ReconfigureItem is seen through its typed sections.
    return { $xml: (n) => checkEl(n.el, n.holder) };
  },
});
