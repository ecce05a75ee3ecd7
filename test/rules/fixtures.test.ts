/**
 * The rules against the fixture corpus: every fixtures/valid document gets no rule error, and every
 * fixtures/invalid/semantic document (schema-valid but wrong) is flagged; when its leading
 * `<!-- invalid: rule/id: ... -->` note names a rule, that rule must be the one that flags it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/document.js';
import { normalize } from '../../src/normalize.js';
import { loadContext } from '../../src/validate/context.js';
import { rules, runRules } from '../../src/validate/rules/index.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const xmlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml')).sort() : []);
const NOTE = /^\uFEFF?(?:<\?xml[^?]*\?>\s*)?<!-- invalid: ([^\n]+?) -->/;

const valid = xmlFiles(join(FIXTURES, 'valid'));
const semantic = xmlFiles(join(FIXTURES, 'invalid', 'semantic'));
if (!valid.length) console.warn('skipped: fixtures/valid has no documents yet');

describe('valid fixtures get no rule error', () => {
  for (const f of valid) {
    test(f, () => {
      const problems = runRules(parse(readFileSync(join(FIXTURES, 'valid', f))));
      expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.line}: ${p.rule}: ${p.message}`)).toEqual([]);
    });
  }
});

describe('semantic fixtures are flagged', () => {
  for (const f of semantic) {
    test(f, () => {
      const path = join(FIXTURES, 'invalid', 'semantic', f);
      const text = readFileSync(path, 'utf8');
      const note = NOTE.exec(text)?.[1] ?? '';
      // A sibling name.context.json gives the VDC context the document is wrong for.
      const ctxFile = path.replace(/\.xml$/, '.context.json');
      const context = existsSync(ctxFile) ? loadContext(readFileSync(ctxFile, 'utf8')) : undefined;
      const problems = runRules(parse(text), { context });
      expect(problems.filter((p) => p.severity !== 'info').length, 'no rule flags this document').toBeGreaterThan(0);
      const named = /^([a-z]+\/[a-z0-9-]+):/.exec(note)?.[1];
      if (named) {
        expect(Object.keys(rules), `the note names an unknown rule ${named}`).toContain(named);
        expect(problems.map((p) => p.rule)).toContain(named);
      }
    });
  }
});

describe('rules give the same verdict on the normalized document', () => {
  // normalize makes deploy/powerOn explicit, which is exactly what vapp/deploy-power-defaults looks for.
  const key = (ps: ReturnType<typeof runRules>) => ps.filter((p) => p.rule !== 'vapp/deploy-power-defaults').map((p) => `${p.line}:${p.column} ${p.rule} ${p.messageId} ${JSON.stringify(p.data)}`).sort();
  for (const [dir, f] of [...valid.map((f) => ['valid', f]), ...semantic.map((f) => ['invalid/semantic', f])]) {
    test(`${dir}/${f}`, () => {
      const doc = parse(readFileSync(join(FIXTURES, dir, f)));
      expect(key(runRules(normalize(doc)))).toEqual(key(runRules(doc)));
    });
  }
});
