/**
 * Builds the playground (interface.md "Playground"): playground/src/main.ts bundled by esbuild as one
 * classic (IIFE) script and inlined, with the stylesheet, into playground/dist/index.html. One file,
 * no module fetch: Chromium refuses ES module scripts from file:// URLs, and a classic inline script
 * runs from file:// and from any static host alike.
 *
 * Two esbuild plugins:
 * - `examples`: `import EXAMPLES from 'playground:examples'` is one valid fixture per request type
 *   (fixtures/valid), read at build time.
 * - `node-only-on-demand`: src/validate/xsd.ts loads two Node-only modules with a dynamic `import()`
 *   and only for options the page never passes: xsd-dir.ts (node:path, node:fs via src/xsd/load/fs.ts)
 *   for `schemaDir`, xsd-libxml2.ts (libxml2-wasm, node:fs) for `engine: 'libxml2'`. The plugin puts a
 *   module in their place that throws when evaluated, so reaching that path in the page fails loudly
 *   rather than shimming fs. It accepts them only as dynamic imports: a static import of either (which
 *   would run on every load) fails the build, as does any other `node:` import (platform 'browser').
 */
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The project root (this file is scripts/playground-build.mjs). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Node-only modules src/validate/xsd.ts imports on demand, with the option that needs each. */
export const NODE_ONLY_ON_DEMAND = {
  'src/validate/xsd-dir.ts': 'schemaDir',
  'src/validate/xsd-libxml2.ts': "engine: 'libxml2'",
};

/** The message the stand-in module throws (the bundle test looks for it). */
export const ON_DEMAND_MESSAGE = 'is Node.js only and not part of the browser bundle';

/** See the file comment. */
export function nodeOnlyOnDemand() {
  return {
    name: 'node-only-on-demand',
    setup(b) {
      b.onResolve({ filter: /^\.\/xsd-(dir|libxml2)\.js$/ }, (args) => {
        const target = relative(ROOT, join(args.resolveDir, args.path.replace(/\.js$/, '.ts'))).split('\\').join('/');
        const option = NODE_ONLY_ON_DEMAND[target];
        if (!option) return undefined;
        if (args.kind !== 'dynamic-import') {
          return { errors: [{ text: `${target} is Node.js only but ${relative(ROOT, args.importer)} imports it statically (${args.kind}); it must stay behind import() for ${option}` }] };
        }
        return { path: target, namespace: 'node-only' };
      });
      b.onLoad({ filter: /.*/, namespace: 'node-only' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`vmparams: ${args.path} (${NODE_ONLY_ON_DEMAND[args.path]}) ${ON_DEMAND_MESSAGE}`)});`,
        loader: 'js',
      }));
    },
  };
}

/** The request kinds, in the order the examples menu lists them. */
export const KINDS = ['InstantiateVAppTemplateParams', 'ComposeVAppParams', 'RecomposeVAppParams', 'CloneVAppParams', 'InstantiateOvfParams'];

/** The fixture shown for each kind: the first of these that exists (a fuller document shows more of the page). */
const PREFERRED = ['instantiate-windows-isolated.xml', 'compose-full-vm.xml', 'recompose-add-vm.xml', 'clone-with-overrides.xml', 'ovf-network-mapping.xml'];

/** The root element's local name of a request document's text. */
function kindOfText(text) {
  const m = /<(?:[\w.-]+:)?(\w+)[\s/>]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  return m?.[1];
}

/** One valid fixture per request type: `[{ kind, file, text }]`, in KINDS order. Throws when a kind has none. */
export function examples() {
  const dir = join(ROOT, 'fixtures/valid');
  const files = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort((a, b) => PREFERRED.indexOf(b) - PREFERRED.indexOf(a) || a.localeCompare(b));
  const byKind = new Map();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const kind = kindOfText(text);
    if (KINDS.includes(kind) && (!byKind.has(kind) || PREFERRED.includes(file))) byKind.set(kind, { kind, file: `fixtures/valid/${file}`, text });
  }
  return KINDS.map((kind) => {
    const e = byKind.get(kind);
    if (!e) throw new Error(`playground: no fixtures/valid document of kind ${kind}`);
    return e;
  });
}

/** `playground:editor` is playground/src/editor/<editor>.ts (the build's choice; both are measured by scripts/playground-measure.mjs). */
function editorPlugin(editor) {
  return {
    name: 'editor',
    setup(b) {
      b.onResolve({ filter: /^playground:editor$/ }, () => ({ path: join(ROOT, `playground/src/editor/${editor}.ts`) }));
    },
  };
}

function examplesPlugin() {
  return {
    name: 'examples',
    setup(b) {
      b.onResolve({ filter: /^playground:examples$/ }, () => ({ path: 'examples', namespace: 'playground' }));
      b.onLoad({ filter: /.*/, namespace: 'playground' }, () => ({
        contents: `export default ${JSON.stringify(examples())};`,
        loader: 'js',
        watchFiles: readdirSync(join(ROOT, 'fixtures/valid')).map((f) => join(ROOT, 'fixtures/valid', f)),
      }));
    },
  };
}

/** Bundle a browser entry with the two plugins (used by the build and by the bundle test). */
export async function bundle({ entry, minify = true, globalName, editor = 'codemirror' }) {
  const out = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName,
    target: 'es2022',
    minify,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [nodeOnlyOnDemand(), examplesPlugin(), editorPlugin(editor)],
  });
  return { code: out.outputFiles[0].text, metafile: out.metafile };
}

/**
 * Make the code safe to inline in `<script>`: `</script` would end the element, so it becomes
 * `<\/script`, the same characters in every JS context it can occur in (string, template, regex,
 * comment). `<!--` with `<script` would switch the HTML parser to its "double escaped" state, so the
 * build refuses code holding both instead of guessing.
 */
function inlineSafe(code) {
  const safe = code.replace(/<\/(script)/gi, '<\\/$1');
  if (safe.includes('<!--') && /<script/i.test(safe)) throw new Error('playground: the bundle holds both "<!--" and "<script"; it cannot be inlined safely');
  return safe;
}

/**
 * Build the page: returns `{ html, file, bytes, gzip, inputs }` and writes `outDir/index.html`
 * (default playground/dist). `editor` is `codemirror` or `textarea` (see README "Playground").
 */
export async function buildPlayground({ outDir = join(ROOT, 'playground/dist'), minify = true, editor = 'codemirror' } = {}) {
  const { code, metafile } = await bundle({ entry: 'playground/src/main.ts', minify, editor });
  const css = readFileSync(join(ROOT, 'playground/src/style.css'), 'utf8');
  const template = readFileSync(join(ROOT, 'playground/src/index.html'), 'utf8');
  const html = template.replace('/*STYLE*/', () => css).replace('/*SCRIPT*/', () => inlineSafe(code));
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.html');
  writeFileSync(file, html);
  const bytes = Buffer.byteLength(html);
  return { html, file, bytes, gzip: gzipSync(html).length, inputs: Object.keys(metafile.inputs) };
}
