/**
 * Rule precision on documents made by other tools (issue 12, point 5): every rule runs over requests
 * shaped the way go-vcloud-director, terraform-provider-vcd, pyvcloud, fog and libcloud build them
 * (peers.ts), with and without a VDC context. The server takes all of them, so none may carry an
 * error; what does fire is listed here with its severity, and each such rule says why in its docs.
 */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/document.js';
import { loadContext } from '../../src/validate/context.js';
import { validateSync } from '../../src/validate/index.js';
import { rules, runRules } from '../../src/validate/rules/index.js';
import type { Rule } from '../../src/validate/rules/engine.js';
import { peerContext, peers } from './peers.js';

/** What fires on each peer document (rule messageId severity), without and with the context; nothing else may. */
const expected: Record<keyof typeof peers, { plain: string[]; context: string[] }> = {
  terraformEmptyVm: { plain: [], context: [] },
  terraformEmptyVmSized: {
    // The memory comes from the sizing policy; the document cannot show the policy sets it.
    plain: ['hardware/new-vm-spec memoryFromPolicy warning'],
    context: ['hardware/new-vm-spec memoryFromPolicy warning'],
  },
  terraformVappVm: {
    plain: [
      // terraform names the VM by Source/@name (works; the documented way is VmGeneralParams/Name).
      'deprecated/source-name-rename rename info',
      // The create call ignores the MAC address (terraform sets it again with a PUT).
      'readonly/ignored-value element warning',
      // Without the context the recompose cannot show that web-net is a network of the vApp.
      'nic/network-declared unverified warning',
    ],
    context: ['deprecated/source-name-rename rename info', 'readonly/ignored-value element warning'],
  },
  govcdComposeVApp: {
    plain: ['deprecated/source-name-rename rename info'],
    // The context shows that "ubuntu-22" is the source VM's own name: nothing is renamed.
    context: [],
  },
  pyvcloudInstantiate: {
    // pyvcloud writes the given ip_address with the default DHCP mode; the VM gets a DHCP address instead.
    plain: ['nic/ip-ignored ignored warning'],
    context: ['nic/ip-ignored ignored warning'],
  },
  pyvcloudAddVms: {
    // Only the context shows that "ubuntu-22" is the source VM's own name (pyvcloud copies the reference).
    plain: ['deprecated/source-name-rename rename info', 'nic/network-declared unverified warning'],
    context: [],
  },
  fogCompose: {
    // fog writes deploy/powerOn only when the caller sets them: the vApp is then started.
    plain: ['vapp/deploy-power-defaults omitted warning', 'readonly/ignored-value attribute info', 'readonly/ignored-value attribute info'],
    context: ['vapp/deploy-power-defaults omitted warning', 'readonly/ignored-value attribute info', 'readonly/ignored-value attribute info'],
  },
  libcloudInstantiate: { plain: [], context: [] },
};

const context = loadContext(peerContext);
const summary = (ps: Array<{ rule: string; messageId?: string; severity: string }>) => ps.map((p) => `${p.rule} ${p.messageId} ${p.severity}`).sort();

describe('peer documents', () => {
  for (const [name, doc] of Object.entries(peers) as [keyof typeof peers, (typeof peers)[keyof typeof peers]][]) {
    describe(`${name} (${doc.source})`, () => {
      test('is schema-valid and not an error for any rule', () => {
        const report = validateSync(doc.code, { context });
        expect(report.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}: ${p.rule}: ${p.message}`)).toEqual([]);
        expect(report.valid).toBe(true);
      });

      test('fires only the listed rules, without a context', () => {
        expect(summary(runRules(parse(doc.code)))).toEqual([...expected[name].plain].sort());
      });

      test('fires only the listed rules, with the VDC context (context rules included)', () => {
        expect(summary(runRules(parse(doc.code), { context }))).toEqual([...expected[name].context].sort());
      });
    });
  }

  test('every rule that fires on a peer document says why in its docs', () => {
    const fired = new Set(Object.values(expected).flatMap((e) => [...e.plain, ...e.context].map((s) => s.split(' ')[0])));
    const all = rules as Record<string, Rule<string>>;
    for (const id of fired) expect(all[id].docs.reason, id).toMatch(/fires on requests the server takes/);
  });
});
