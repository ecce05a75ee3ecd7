/**
 * The `vmparams` executable as one bundle (run by `npm run build` after tsc): Node resolves and
 * compiles a few files instead of about two hundred small modules, which is most of a small
 * validation's start-up time (bench/RESULTS.md, cold start). Commands stay lazy: every dynamic
 * import becomes a chunk of its own (dist/cli/vmparams-*.js). Packages from node_modules are not bundled
 * (they are dependencies and load only when a command needs them). Output sits beside bin.js, so
 * paths relative to import.meta.url (package.json, xsd/, worker.js) resolve the same.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The compiler's build id (src/validate/schema-cache.ts keys cached --schema-dir compiles by it): a hash
// of the compiled JavaScript of src/xsd/ and the package version, so any change to the compiler's code
// leaves earlier cache entries unread.
const xsdDist = `${root}dist/xsd`;
const hash = createHash('sha256').update(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version);
const jsFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(`${dir}/${e.name}`) : e.name.endsWith('.js') ? [`${dir}/${e.name}`] : []));
for (const f of jsFiles(xsdDist).sort()) hash.update(f.slice(xsdDist.length)).update(readFileSync(f));
writeFileSync(`${xsdDist}/build-id.txt`, hash.digest('hex').slice(0, 32) + '\n');
