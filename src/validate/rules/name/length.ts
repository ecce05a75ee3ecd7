/** R37: vApp and VM names have at most 128 characters, descriptions at most 256. */
import { defineRule } from '../engine.js';
import type { SourcedItemT } from '../model-types.js';
import { text, xtext } from '../view.js';

export default defineRule({
  id: 'name/length',
  severity: 'error',
  docs: {
    description: 'A vApp or VM name is longer than 128 characters, or a Description longer than 256',
    reason: 'The schema types names and descriptions as unbounded xs:string, but Cloud Director stores at most 128 characters for a name and 256 for a description and rejects longer ones (Programming Guide "Length Limits"; semantic-rules.md R37).',
    fix: 'Shorten the name or description.',
  },
  messages: {
    name: '{{what}} name has {{length}} characters; at most 128 are allowed',
    description: '{{what}} Description has {{length}} characters; at most 256 are allowed',
  },
  check(ctx) {
    const checkName = (what: string, value: string | undefined, node: object | undefined, key: string) => {
      if (value !== undefined && [...value].length > 128) ctx.report({ node, key, messageId: 'name', data: { what, length: [...value].length } });
    };
    const checkDesc = (what: string, value: string | undefined, node: object | undefined, key: string) => {
      if (value !== undefined && [...value].length > 256) ctx.report({ node, key, messageId: 'description', data: { what, length: [...value].length } });
    };
    return {
      Document() {
        checkName('The vApp', text(ctx.root.name), ctx.root, '@name');
        checkDesc('The vApp', text(ctx.root.Description), ctx.root, 'Description');
      },
      VmItem({ vm }) {
        if (vm.kind === 'SourcedItem') {
          const gp = (vm.node as SourcedItemT).VmGeneralParams;
          checkName(vm.label, text(gp?.Name), gp, 'Name');
          checkDesc(vm.label, text(gp?.Description), gp, 'Description');
        } else if (vm.xml && vm.kind === 'CreateItem') {
          checkName(vm.label, vm.xml.attrs?.name, vm.node, '@name');
          checkDesc(vm.label, xtext(vm.xml, 'Description'), vm.node, 'Description');
        }
      },
    };
  },
});
