/** The new vApp needs a name, although the schema makes @name optional. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'vapp/name-required',
  severity: 'error',
  docs: {
    description: 'A request that creates a vApp has no name attribute',
    reason:
      'ParamsType declares name as optional, but Cloud Director needs a name for every new vApp and rejects instantiate, compose, clone and OVF requests without one (schema-facts.md §1, verified: the schema accepts a nameless document).',
    fix: 'Add name="..." to the root element.',
  },
  messages: {
    missing: '<{{kind}}> has no name; Cloud Director needs a name for the new vApp',
    empty: '<{{kind}}> has an empty name; give the new vApp a name',
  },
  check(ctx) {
    return {
      Document() {
        if (ctx.kind === 'RecomposeVAppParams') return;
        const name = text(ctx.root.name);
        if (name === undefined) ctx.report({ node: ctx.root, messageId: 'missing', data: { kind: ctx.kind } });
        else if (name.trim() === '') ctx.report({ node: ctx.root, key: '@name', messageId: 'empty', data: { kind: ctx.kind } });
      },
    };
  },
});
