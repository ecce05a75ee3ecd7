#!/usr/bin/env node
// `npm run docs:graph`: the pictures and examples of the README's "See the vApp" section, drawn by
// the built library (run `npm run build` first): docs/graph-compose-full-vm.svg, docs/graph-farm-50.svg
// (the 50-VM, 5-network document of test/graph/farm.mjs), and in README.md between
// <!-- graph:start --> and <!-- graph:end --> the Mermaid of the same fixture and a JSON example.
// test/graph/docs.test.ts fails when any of them is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { farmXml } from '../test/graph/farm.mjs';

const { graph, renderGraph } = await import('../dist/index.js');
const at = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const fixture = (name) => graph(readFileSync(at(`fixtures/valid/${name}.xml`)));

const wrote = [];
function write(path, text) {
  const old = (() => {
    try {
      return readFileSync(at(path), 'utf8');
    } catch {
      return undefined;
    }
  })();
  if (old !== text) {
    writeFileSync(at(path), text);
    wrote.push(path);
  }
}

write('docs/graph-compose-full-vm.svg', renderGraph(fixture('compose-full-vm'), 'svg'));
write('docs/graph-farm-50.svg', renderGraph(graph(farmXml(50, 5)), 'svg'));

const block = [
  '```mermaid',
  renderGraph(fixture('compose-full-vm'), 'mermaid').trimEnd(),
  '```',
  '',
  'and `vmparams graph fixtures/valid/compose-blank-vm.xml --format json`:',
  '',
  '```json',
  renderGraph(fixture('compose-blank-vm'), 'json').trimEnd(),
  '```',
].join('\n');
const readme = readFileSync(at('README.md'), 'utf8');
const start = '<!-- graph:start -->\n';
const end = '\n<!-- graph:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error('README.md has no <!-- graph:start --> ... <!-- graph:end --> block');
write('README.md', readme.slice(0, a + start.length) + block + readme.slice(b));
console.log(wrote.length ? `updated ${wrote.join(', ')}` : 'graph docs are up to date');
