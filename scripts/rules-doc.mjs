#!/usr/bin/env node
// Writes the rule catalogue into README.md between <!-- rules:start --> and <!-- rules:end -->, from
// the rule metadata (run `npm run build` first). test/rules/readme.test.ts fails when it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { ruleCatalogueMarkdown } = await import('../dist/validate/rules/markdown.js');
const file = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(file, 'utf8');
const start = '<!-- rules:start -->\n';
const end = '\n<!-- rules:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error('README.md has no <!-- rules:start --> ... <!-- rules:end --> block');
writeFileSync(file, readme.slice(0, a + start.length) + ruleCatalogueMarkdown().trimEnd() + readme.slice(b));
console.log(`updated the rule catalogue in ${file}`);
