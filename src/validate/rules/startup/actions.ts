/** R39: StartupSection startAction/stopAction take the OVF values. */
import { defineRule } from '../engine.js';
import { text } from '../view.js';

const START = ['powerOn', 'none'];
const STOP = ['powerOff', 'guestShutdown', 'none'];

export default defineRule({
  id: 'startup/actions',
  severity: 'error',
  docs: {
    description: 'A StartupSection item has a startAction other than powerOn/none or a stopAction other than powerOff/guestShutdown/none',
    reason: 'The OVF schema types ovf:startAction and ovf:stopAction as xs:string and lists the allowed values only in its documentation; Cloud Director rejects others such as "shutdown" or "PowerOn" (dsp8023 StartupSection_Type; semantic-rules.md R39).',
    fix: 'Use ovf:startAction="powerOn" or "none", and ovf:stopAction="powerOff", "guestShutdown" or "none".',
  },
  messages: {
    start: 'startup item "{{id}}": startAction "{{value}}" is not one of powerOn, none',
    stop: 'startup item "{{id}}": stopAction "{{value}}" is not one of powerOff, guestShutdown, none',
  },
  check(ctx) {
    return {
      StartupSection({ value: section }) {
        for (const item of section.Item ?? []) {
          const id = text(item.id) ?? '?';
          const start = text(item.startAction);
          const stop = text(item.stopAction);
          if (start !== undefined && !START.includes(start.trim())) ctx.report({ node: item, key: '@startAction', messageId: 'start', data: { id, value: start } });
          if (stop !== undefined && !STOP.includes(stop.trim())) ctx.report({ node: item, key: '@stopAction', messageId: 'stop', data: { id, value: stop } });
        }
      },
    };
  },
});
