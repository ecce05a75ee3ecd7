#!/usr/bin/env node
// Writes the generated JSON Schemas into schemas/ (request.schema.json, one per request kind,
// instant-clone.schema.json) from the built library (dist/json-schema.js: the model descriptions
// and the instant-clone zod schemas). `--check` only reports files that are not current (exit 1).
// Run after `npm run build`; test/schemas.test.ts checks that the committed files are current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedSchemas } from '../dist/json-schema.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, schema] of Object.entries(generatedSchemas())) {
  const text = JSON.stringify(schema, null, 2) + '\n';
  let old = '';
  try {
    old = readFileSync(dir + name, 'utf8');
  } catch {}
  if (old === text) continue;
  stale++;
  if (check) console.log(`schemas/${name} is not current`);
  else {
    writeFileSync(dir + name, text);
    console.log(`wrote schemas/${name}`);
  }
}
if (check && stale) {
  console.log("run 'npm run schemas' to regenerate");
  process.exitCode = 1;
}
