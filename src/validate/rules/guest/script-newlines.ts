/** R30: CustomizationScript line breaks should be written as &#13;. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

export default defineRule({
  id: 'guest/script-newlines',
  severity: 'info',
  docs: {
    description: 'CustomizationScript has bare line feeds; write line breaks as &#13;',
    reason: 'XML parsers normalize line breaks in element text to a line feed, and the XSD asks for the script\'s newlines to be written as the character reference &#13; so that they survive (XSD GuestCustomizationSection doc; semantic-rules.md R30). Windows batch scripts in particular need CR LF.',
    fix: 'Escape each line break as &#13; (or &#13;&#10;), as Cloud Director itself does.',
  },
  messages: {
    bareNewlines: '{{vm}}: CustomizationScript has {{count}} line break(s) without &#13;; write them as &#13; so they survive XML parsing',
  },
  check(ctx) {
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        if (!vm) return;
        const script = text(gc.CustomizationScript);
        if (!script) return;
        const bare = script.match(/(?<!\r)\n/g)?.length ?? 0;
        if (bare > 0 && !script.includes('\r')) ctx.report({ node: gc, key: 'CustomizationScript', messageId: 'bareNewlines', data: { vm: vm.label, count: bare } });
      },
    };
  },
});
