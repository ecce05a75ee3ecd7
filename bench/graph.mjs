/**
 * `node bench/graph.mjs`: the numbers behind the SVG choice of `vmparams graph` (src/graph/svg.ts).
 * For the 50-VM, 5-network document of test/graph/farm.mjs: time of graph() + each renderer (median of
 * runs), output size, and the browser bundle of src/graph (esbuild, minified); and, when
 * `@viz-js/viz` can be imported (`npm i --no-save @viz-js/viz`, or VIZ_MODULE=path/to/viz.js), the same
 * for Graphviz-in-WebAssembly on our DOT output. With --png DIR both pictures are written as PNG
 * (rsvg-convert, Debian librsvg2-bin) to look at. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { farmXml } from '../test/graph/farm.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { graph, renderGraph } = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
const pngDir = process.argv.includes('--png') ? process.argv[process.argv.indexOf('--png') + 1] : undefined;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, runs = 21) {
  fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}
const ms = (t) => `${t.toFixed(2)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const xml = farmXml(50, 5);
const g = graph(xml);
console.log(`document: ${g.vms.length} VMs, ${g.networks.length} networks, ${g.vms.reduce((n, v) => n + v.nics.length, 0)} NICs, ${kb(xml.length)}`);
console.log(`graph() (parse + normalize + model): ${ms(time(() => graph(xml)))}`);
const outputs = {};
for (const format of ['mermaid', 'dot', 'svg', 'json']) {
  outputs[format] = renderGraph(g, format);
  console.log(`render ${format}: ${ms(time(() => renderGraph(g, format)))}, ${kb(outputs[format].length)}`);
}

const bundle = await build({ entryPoints: [path.join(ROOT, 'src/graph/index.ts')], bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
const svgOnly = await build({ entryPoints: [path.join(ROOT, 'src/graph/svg.ts')], bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
console.log(`browser bundle (esbuild, minified): src/graph ${kb(bundle.outputFiles[0].contents.length)} (with parse/normalize), of which the SVG renderer ${kb(svgOnly.outputFiles[0].contents.length)}`);

let viz;
try {
  viz = await import(process.env.VIZ_MODULE ? pathToFileURL(path.resolve(process.env.VIZ_MODULE)).href : '@viz-js/viz');
} catch {
  console.log('@viz-js/viz not installed: `npm i --no-save @viz-js/viz` (or VIZ_MODULE=...) to compare with Graphviz in WebAssembly');
}
if (viz) {
  const t0 = performance.now();
  const instance = await viz.instance();
  const start = performance.now() - t0;
  const svg = instance.renderString(outputs.dot, { format: 'svg' });
  const entry = fileURLToPath(import.meta.resolve(process.env.VIZ_MODULE ? pathToFileURL(path.resolve(process.env.VIZ_MODULE)).href : '@viz-js/viz'));
  console.log(`@viz-js/viz ${instance.graphvizVersion}: module ${kb(fs.statSync(entry).size)}, instance() ${ms(start)}, render ${ms(time(() => instance.renderString(outputs.dot, { format: 'svg' }), 5))}, ${kb(svg.length)}`);
  outputs.viz = svg;
}

if (pngDir) {
  fs.mkdirSync(pngDir, { recursive: true });
  for (const [name, svg] of [['own', outputs.svg], ['viz', outputs.viz]]) {
    if (!svg) continue;
    const file = path.join(pngDir, `farm-50-${name}`);
    fs.writeFileSync(`${file}.svg`, svg);
    const r = spawnSync('rsvg-convert', [`${file}.svg`, '-o', `${file}.png`]);
    console.log(r.status === 0 ? `wrote ${file}.png` : `rsvg-convert failed or missing (apt-get install -y librsvg2-bin): ${r.error?.message ?? r.stderr}`);
  }
}
