/**
 * Meta-tests guarding the catalogue (style.md §10; typescript-eslint docs.test, eslint checkRuleFiles):
 * every rule file is indexed, its id is its path, it has docs, and it has valid and invalid cases that
 * exercise every one of its messages.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ruleCatalogue, rules } from '../../src/validate/rules/index.js';
import type { Rule, RuleContext } from '../../src/validate/rules/engine.js';
import { DocView } from '../../src/validate/rules/view.js';
import { ALL_PARTICLES } from '../../src/validate/rules/walk.js';
import { LATEST_API_VERSION, versionFacts } from '../../src/validate/versions.js';
import { loadContext } from '../../src/validate/context.js';
import { parse } from '../../src/document.js';
import { allCases } from './cases/index.js';
import { compose, LAN, ncs, nic, sourced } from './docs.js';
import { peerContext } from './peers.js';

const RULES_DIR = resolve(import.meta.dirname, '../../src/validate/rules');

/** `group/name` of every rule file (helpers start with `_`). */
function ruleFiles(): string[] {
  return readdirSync(RULES_DIR)
    .filter((g) => statSync(join(RULES_DIR, g)).isDirectory())
    .flatMap((g) => readdirSync(join(RULES_DIR, g)).filter((f) => f.endsWith('.ts') && !f.startsWith('_')).map((f) => `${g}/${f.slice(0, -3)}`))
    .sort();
}

const all = rules as Record<string, Rule<any>>;

describe('rule catalogue', () => {
  test('every rule file is in the index and every index entry has a file', () => {
    expect(Object.keys(all).sort()).toEqual(ruleFiles());
  });

  test('there are at least 30 rules that need no context', () => {
    expect(Object.values(all).filter((r) => !r.needsContext).length).toBeGreaterThanOrEqual(30);
  });

  for (const [key, rule] of Object.entries(all)) {
    describe(key, () => {
      test('id matches the index key and the file path', async () => {
        expect(rule.id).toBe(key);
        const mod = (await import(/* @vite-ignore */ pathToFileURL(join(RULES_DIR, `${key}.ts`)).href)) as { default: Rule<any> };
        expect(mod.default).toBe(rule);
      });

      test('has docs: one-line description, reason, fix, url from the id', () => {
        expect(rule.docs.description.length).toBeGreaterThan(10);
        expect(rule.docs.description).not.toMatch(/\n/);
        expect(rule.docs.reason.length).toBeGreaterThan(30);
        expect(rule.docs.fix.length).toBeGreaterThan(10);
        expect(rule.docs.url).toContain(rule.id);
        expect(['error', 'warning', 'info']).toContain(rule.severity);
      });

      test('cites where it comes from', () => {
        expect(rule.docs.reason).toMatch(/semantic-rules\.md|schema-facts\.md|XSD|dsp8023|DSP/);
      });

      test('context rules say so in their description', () => {
        expect(rule.docs.description.includes('needs --context')).toBe(rule.needsContext);
      });

      test('has valid and invalid cases covering every message', () => {
        const cases = allCases[key];
        expect(cases, `no test cases for ${key}`).toBeDefined();
        expect(cases.valid.length).toBeGreaterThan(0);
        expect(cases.invalid.length).toBeGreaterThan(0);
        const used = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
        expect([...Object.keys(rule.messages)].filter((m) => !used.has(m))).toEqual([]);
      });

      test('has at least one schema-valid invalid case', () => {
        expect(allCases[key]?.invalid.some((c) => !c.schemaInvalid)).toBe(true);
      });

      test('context rules get a context in every case', () => {
        if (!rule.needsContext) return;
        const cases = allCases[key];
        for (const c of [...cases.valid, ...cases.invalid]) expect(typeof c === 'string' ? undefined : c.context).toBeDefined();
      });
    });
  }

  test('no case table names an unknown rule', () => {
    expect(Object.keys(allCases).filter((k) => !(k in all))).toEqual([]);
  });

  test('the catalogue lists every rule once, sorted, with its metadata', () => {
    const cat = ruleCatalogue();
    expect(cat.map((r) => r.id)).toEqual(Object.keys(all).sort());
    for (const r of cat) {
      expect(r.description).toBe(all[r.id].docs.description);
      expect(r.severity).toBe(all[r.id].severity);
      expect(r.needsContext).toBe(all[r.id].needsContext);
    }
  });
});

describe('rule listeners', () => {
  // A document and a context with everything the rules look at, so every check returns its listeners.
  const doc = parse(compose({ vapp: [LAN], items: [sourced({ sections: [ncs([nic()])] })] }));
  const context = loadContext(peerContext);
  const kinds = new Set(ALL_PARTICLES.map((p) => p.local));
  const special = new Set(['Document', 'Document:exit', '*', '*:exit', 'VmItem', 'VmItem:exit', '@*', '$xml']);

  for (const [key, rule] of Object.entries(all)) {
    test(`${key} listens only to node kinds that exist in the descriptions`, () => {
      const ctx = Object.assign(new DocView(doc, { context }), { versions: versionFacts(LATEST_API_VERSION), report: () => {} }) as unknown as RuleContext<string>;
      const listeners = rule.check(ctx) ?? {};
      const unknown = Object.keys(listeners).filter((k) => !special.has(k) && !kinds.has(k.replace(/:exit$/, '')));
      expect(unknown, 'listener keys that name no element of any description').toEqual([]);
      expect(Object.keys(listeners).length, 'a rule that returns no listeners does nothing').toBeGreaterThan(0);
    });
  }
});
