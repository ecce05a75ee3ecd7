/** The README rule catalogue is generated from the rule metadata and must be current. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { ruleCatalogueMarkdown } from '../../src/validate/rules/markdown.js';
import { rules } from '../../src/validate/rules/index.js';

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

test('the README catalogue matches the rule metadata (run `npm run build && node scripts/rules-doc.mjs`)', () => {
  const start = README.indexOf('<!-- rules:start -->\n');
  const end = README.indexOf('\n<!-- rules:end -->');
  expect(start).toBeGreaterThan(0);
  expect(README.slice(start + '<!-- rules:start -->\n'.length, end)).toBe(ruleCatalogueMarkdown().trimEnd());
});

test('the table has one row per rule', () => {
  const rows = ruleCatalogueMarkdown().split('\n').filter((l) => l.startsWith('| `'));
  expect(rows.length).toBe(Object.keys(rules).length);
  for (const id of Object.keys(rules)) expect(rows.some((r) => r.startsWith(`| \`${id}\` |`))).toBe(true);
});
