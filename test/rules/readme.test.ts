/** The README rule catalogue is generated from the rule metadata and must be current. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { ruleCatalogueMarkdown } from '../../src/validate/rules/markdown.js';
import { rules } from '../../src/validate/rules/index.js';

const FILE = resolve(import.meta.dirname, '../../src/validate/rules/README-section.md');

test('README-section.md matches the rule metadata (run `npm run build && node scripts/rules-doc.mjs`)', () => {
  expect(readFileSync(FILE, 'utf8')).toBe(ruleCatalogueMarkdown());
});

test('the table has one row per rule', () => {
  const rows = ruleCatalogueMarkdown().split('\n').filter((l) => l.startsWith('| `'));
  expect(rows.length).toBe(Object.keys(rules).length);
  for (const id of Object.keys(rules)) expect(rows.some((r) => r.startsWith(`| \`${id}\` |`))).toBe(true);
});
