/**
 * One in-process measurement in a fresh Node process (so heap and JIT state of one measurement do
 * not leak into the next). Prints one JSON line.
 *   node bench/inproc.mjs throughput FILE   parse, normalize and build times, output size, peak RSS
 *   node bench/inproc.mjs validate FILE... [--no-lint]   library validate over files, peak RSS
 *   node bench/inproc.mjs startup   time of each import and of the schema compile (cold start breakdown)
 *   node bench/inproc.mjs stages FILE   each stage of a full validate on its own: read, tree, schema, model, rules
 *                                       (first run in a fresh process = what the CLI pays; then the best of 5 warm runs)
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/index.js', import.meta.url);
const [mode, ...rest] = process.argv.slice(2);
const t00 = performance.now();
if (mode === 'startup') {
  // Where a cold start goes: each import on its own, in dependency order, then the schema compile.
  const times = {};
  const step = async (name, fn) => {
    const t = performance.now();
    await fn();
    times[name] = performance.now() - t;
  };
  await step('XSD engine and simple types', () => import(new URL('../dist/xsd/schema.js', import.meta.url).href));
  await step('model descriptions + reader', () => import(new URL('../dist/document.js', import.meta.url).href));
  await step('VDC context loader (zod)', () => import(new URL('../dist/validate/context.js', import.meta.url).href));
  await step('semantic rules', () => import(new URL('../dist/validate/rules/index.js', import.meta.url).href));
  await step('rest of validate (xsd, messages)', () => import(new URL('../dist/validate/index.js', import.meta.url).href));
  const { bundledSchema } = await import(new URL('../dist/xsd/bundled.js', import.meta.url).href);
  // the bundled set is compiled at build time: this only rebuilds its tables from the generated JSON
  await step('bundled schema load', () => bundledSchema());
  await step('CLI modules', () => import(new URL('../dist/cli/index.js', import.meta.url).href));
  times['process start to script start'] = t00;
  console.log(JSON.stringify(times));
  process.exit(0);
}
if (mode === 'stages') {
  const { readDocument } = await import(new URL('../dist/xml/reader.js', import.meta.url).href);
  const { documentFrom } = await import(new URL('../dist/document.js', import.meta.url).href);
  const { bundledSchema } = await import(new URL('../dist/xsd/bundled.js', import.meta.url).href);
  const { runRules } = await import(new URL('../dist/validate/rules/index.js', import.meta.url).href);
  const bytes = new Uint8Array(fs.readFileSync(rest[0]));
  const runs = [];
  for (let k = 0; k < 6; k++) {
    const t0 = performance.now();
    const tree = readDocument(bytes);
    const t1 = performance.now();
    const schemaProblems = bundledSchema().validateTree(tree).length;
    const t2 = performance.now();
    const doc = documentFrom(tree);
    const t3 = performance.now();
    const ruleProblems = runRules(doc, {}).length;
    const t4 = performance.now();
    runs.push({ treeMs: t1 - t0, schemaMs: t2 - t1, modelMs: t3 - t2, rulesMs: t4 - t3, schemaProblems, ruleProblems });
  }
  const best = (k) => Math.min(...runs.slice(1).map((r) => r[k]));
  console.log(JSON.stringify({ bytes: bytes.byteLength, first: runs[0], warm: { treeMs: best('treeMs'), schemaMs: best('schemaMs'), modelMs: best('modelMs'), rulesMs: best('rulesMs') }, maxRss: process.resourceUsage().maxRSS * 1024 }));
  process.exit(0);
}
const lib = await import(dist.href);
const now = () => performance.now();
const rss = () => process.resourceUsage().maxRSS * 1024;
const out = {};

if (mode === 'throughput') {
  const file = rest[0];
  const bytes = new Uint8Array(fs.readFileSync(file));
  out.bytes = bytes.byteLength;
  let t = now();
  const doc = lib.parse(bytes);
  out.parseMs = now() - t;
  t = now();
  lib.normalize(doc);
  out.normalizeMs = now() - t;
  t = now();
  const xml = lib.build(doc);
  out.buildMs = now() - t;
  out.builtBytes = Buffer.byteLength(xml);
  out.maxRss = rss();
} else if (mode === 'validate') {
  const lint = !rest.includes('--no-lint');
  const files = rest.filter((a) => !a.startsWith('--'));
  const t = now();
  let valid = 0;
  let errors = 0;
  for (const f of files) {
    const r = await lib.validate(new Uint8Array(fs.readFileSync(f)), { lint });
    if (r.valid) valid++;
    errors += r.problems.filter((p) => p.severity === 'error').length;
  }
  out.ms = now() - t;
  out.files = files.length;
  out.valid = valid;
  out.errors = errors;
  out.maxRss = rss();
} else {
  console.error(`usage: ${fileURLToPath(import.meta.url)} throughput FILE | validate FILE... [--no-lint]`);
  process.exit(2);
}
console.log(JSON.stringify(out));
