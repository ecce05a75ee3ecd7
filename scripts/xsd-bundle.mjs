#!/usr/bin/env node
/**
 * Compile the bundled xsd/ set ahead of time into src/xsd/bundled.generated.ts (committed), so the
 * default validate path reads no XSD at run time. Run after a build (it uses the compiler in dist/):
 *   npm run xsd:bundle        (build, generate, build again)
 *   node scripts/xsd-bundle.mjs --check   (exit 1 when the committed module is out of date)
 * test/xsd-engine/bundled.test.ts checks the same from the sources.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const { compileSchema } = await import(new URL('dist/xsd/index.js', root).href);
const { renderBundled } = await import(new URL('dist/xsd/bundle-render.js', root).href);
const schema = compileSchema({ entry: fileURLToPath(new URL('xsd/master.xsd', root)) });
const text = renderBundled(schema.tables);
const out = fileURLToPath(new URL('src/xsd/bundled.generated.ts', root));
const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('src/xsd/bundled.generated.ts is out of date: run npm run xsd:bundle');
    process.exit(1);
  }
  console.log('src/xsd/bundled.generated.ts is current');
} else if (current !== text) {
  fs.writeFileSync(out, text);
  console.log(`wrote src/xsd/bundled.generated.ts (${(text.length / 1024).toFixed(0)} KB)`);
} else console.log('src/xsd/bundled.generated.ts is current');
