#!/usr/bin/env node
/**
 * `npm run playground`: build the playground page into playground/dist/index.html (one file; open
 * it from file:// or put it on any static host). `--editor textarea` builds the lighter variant.
 */
import { relative } from 'node:path';
import { buildPlayground, ROOT } from './playground-build.mjs';

const at = process.argv.indexOf('--editor');
const editor = at > 0 ? process.argv[at + 1] : 'codemirror';
if (editor !== 'codemirror' && editor !== 'textarea') {
  console.error(`playground: --editor must be codemirror or textarea, got ${editor}`);
  process.exit(2);
}
try {
  const r = await buildPlayground({ editor });
  console.log(`${relative(ROOT, r.file)}: ${(r.bytes / 1024).toFixed(0)} KiB (${(r.gzip / 1024).toFixed(0)} KiB gzipped), ${editor} editor`);
} catch (e) {
  // esbuild's errors name file:line; print them, not a stack.
  for (const m of e.errors ?? [{ text: e.message }]) console.error(`playground: ${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`);
  process.exit(1);
}
