/**
 * The `vmparams` executable as one bundle (run by `npm run build` after tsc): Node resolves and
 * compiles a few files instead of about two hundred small modules, which is most of a small
 * validation's start-up time (bench/RESULTS.md, cold start). Commands stay lazy: every dynamic
 * import becomes a chunk of its own (dist/cli/vmparams-*.js). Packages from node_modules are not bundled
 * (they are dependencies and load only when a command needs them). Output sits beside bin.js, so
 * paths relative to import.meta.url (package.json, xsd/, worker.js) resolve the same.
 */
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Chunks sit in dist/cli itself, at the depth of every other module, so `new URL('../../xsd/', import.meta.url)` means the same in both.
for (const f of readdirSync(`${root}dist/cli`)) if (/^vmparams-.*\.js$/.test(f)) rmSync(`${root}dist/cli/${f}`);
// (vmparams-worker.js is the worker threads' bundle: src/cli/pool.ts starts it when it exists.)
await build({
  entryPoints: { vmparams: `${root}dist/cli/bin.js`, 'vmparams-worker': `${root}dist/cli/worker.js` },
  outdir: `${root}dist/cli`,
  chunkNames: 'vmparams-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
