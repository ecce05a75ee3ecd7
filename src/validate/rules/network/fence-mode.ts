/** R22: FenceMode is bridged, isolated or natRouted (exact case). */
import { defineRule } from '../engine.js';
import { replaceText } from '../fix.js';
import { text } from '../view.js';

const MODES = ['bridged', 'isolated', 'natRouted'];

export default defineRule({
  id: 'network/fence-mode',
  severity: 'error',
  fixable: true,
  docs: {
    description: 'A vApp network\'s FenceMode is not bridged, isolated or natRouted',
    reason: 'FenceMode is an xs:string in network.xsd, so a typo such as "bridge" or "NAT" validates (verified), and the server rejects it (XSD NetworkConfigurationType doc; semantic-rules.md R22).',
    fix: 'Write bridged (connected directly to the parent network), natRouted (behind a vApp edge) or isolated, in that exact case.',
  },
  messages: {
    wrongCase: 'vApp network "{{network}}": FenceMode "{{value}}" must be written "{{expected}}"',
    unknown: 'vApp network "{{network}}": FenceMode "{{value}}" is not one of bridged, isolated, natRouted',
  },
  check(ctx) {
    return {
      NetworkConfig({ value: n }) {
        if (!ctx.isVAppNetwork(n)) return;
        const value = text(n.Configuration?.FenceMode);
        if (value === undefined || MODES.includes(value.trim())) return;
        const match = MODES.find((m) => m.toLowerCase() === value.trim().toLowerCase());
        if (match) ctx.report({ node: n.Configuration, key: 'FenceMode', messageId: 'wrongCase', data: { network: n.networkName, value, expected: match }, fix: replaceText(n.Configuration, 'FenceMode', match, `Write FenceMode ${match}`) });
        else ctx.report({ node: n.Configuration, key: 'FenceMode', messageId: 'unknown', data: { network: n.networkName, value } });
      },
    };
  },
});
