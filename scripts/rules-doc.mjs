#!/usr/bin/env node
// Writes src/validate/rules/README-section.md from the rule metadata (run `npm run build` first).
// test/rules/readme.test.ts fails when the file is out of date, so the catalogue and the README cannot drift.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { ruleCatalogueMarkdown } = await import('../dist/validate/rules/markdown.js');
const out = fileURLToPath(new URL('../src/validate/rules/README-section.md', import.meta.url));
writeFileSync(out, ruleCatalogueMarkdown());
console.log(`wrote ${out}`);
