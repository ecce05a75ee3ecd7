#!/usr/bin/env node
// Writes schemas/vmparams-config.schema.json from the config field table (src/config/fields.ts; run
// `npm run build` first). test/config/schema.test.ts fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { configJsonSchema } = await import('../dist/config/fields.js');
const file = fileURLToPath(new URL('../schemas/vmparams-config.schema.json', import.meta.url));
writeFileSync(file, JSON.stringify(configJsonSchema(), null, 2) + '\n');
console.log(`wrote ${file}`);
