/** The VDC context: loader errors, the published JSON Schema, and context rules running only with a context. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/document.js';
import { ContextError, loadContext, VDC_CONTEXT_EXAMPLE, vdcContextJsonSchema } from '../../src/validate/context.js';
import { rules, runRules } from '../../src/validate/rules/index.js';
import type { Rule } from '../../src/validate/rules/engine.js';
import { compose, lease, LAN } from './docs.js';

const SCHEMA_FILE = resolve(import.meta.dirname, '../../schemas/vdc-context.schema.json');

describe('loadContext', () => {
  test('accepts a full context (text or value)', () => {
    const ctx = {
      vdc: { name: 'vdc-a' },
      networks: [{ name: 'corp', subnets: [{ gateway: '10.0.0.1', prefixLength: 24, staticPools: [{ start: '10.0.0.10', end: '10.0.0.99' }] }] }],
      allowedFenceModes: ['bridged'],
      storageProfiles: [{ name: 'Gold', href: 'https://vcd.example.com/api/vdcStorageProfile/1' }],
      hardwareVersions: ['vmx-19'],
      templates: [{ href: 'https://vcd.example.com/api/vAppTemplate/vappTemplate-1', eula: true }],
      vms: [{ href: 'https://vcd.example.com/api/vApp/vm-1', powerState: 'POWERED_OFF' }],
      vapp: { status: 'POWERED_ON', networks: ['lan'] },
      lease: { maxDeploymentLeaseSeconds: 86400 },
    };
    expect(loadContext(JSON.stringify(ctx))).toEqual(ctx);
    expect(loadContext(ctx)).toEqual(ctx);
  });

  test('reports every problem with a JSON pointer', () => {
    try {
      loadContext({ networks: [{ subnets: [] }], vms: [{ href: 'x', powerState: 'ON' }], hardwareVersion: ['vmx-19'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContextError);
      const issues = (e as ContextError).issues;
      expect(issues.some((i) => i.startsWith('/networks/0/name:'))).toBe(true);
      expect(issues.some((i) => i.startsWith('/vms/0/powerState:'))).toBe(true);
      expect(issues).toContain('/: unknown field "hardwareVersion"');
    }
  });

  test('the README example loads', () => {
    expect(loadContext(JSON.stringify(VDC_CONTEXT_EXAMPLE))).toEqual(VDC_CONTEXT_EXAMPLE);
  });

  test('not JSON is a ContextError, not a SyntaxError', () => {
    expect(() => loadContext('{ networks: ')).toThrow(ContextError);
    expect(() => loadContext('[]')).toThrow(/invalid VDC context/);
  });
});

describe('schemas/vdc-context.schema.json', () => {
  test('is generated from the zod schema (UPDATE=1 rewrites it)', async () => {
    const generated = `${JSON.stringify(await vdcContextJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE) writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  test('describes the fields the loader accepts', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'allowedFenceModes', 'hardwareVersions', 'lease', 'networks', 'placementPolicies', 'sizingPolicies', 'storageProfiles', 'templates', 'vapp', 'vdc', 'vms']);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('context rules', () => {
  const doc = parse(compose({ vapp: [LAN, lease({ deploy: '604800' })], attrs: 'name="t" deploy="false" powerOn="false"' }));
  const contextRuleIds = Object.values(rules as Record<string, Rule<any>>).filter((r) => r.needsContext).map((r) => r.id);

  test('there are context rules and they are skipped without a context', () => {
    expect(contextRuleIds.length).toBeGreaterThanOrEqual(7);
    expect(runRules(doc).filter((p) => contextRuleIds.includes(p.rule))).toEqual([]);
  });

  test('they run when a context is given', () => {
    const problems = runRules(doc, { context: { lease: { maxDeploymentLeaseSeconds: 86400 } } });
    expect(problems.map((p) => p.rule)).toContain('lease/org-maximum');
  });
});
