/** The README's "See the vApp" section and the pictures in docs/ are what the library draws today (`npm run docs:graph` rewrites them). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graph, renderGraph } from '../../src/graph/index.js';
import { ROOT } from '../cli/helpers.js';
import { fixture } from './expected.js';
import { farmXml } from './farm.mjs';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const STALE = 'out of date: run `npm run docs:graph`';

describe('graph docs', () => {
  it('docs/graph-compose-full-vm.svg is the current SVG of the fixture', () => {
    expect(read('docs/graph-compose-full-vm.svg'), STALE).toBe(renderGraph(graph(fixture('fixtures/valid/compose-full-vm.xml')), 'svg'));
  });

  it('docs/graph-farm-50.svg is the current SVG of the 50-VM document', () => {
    expect(read('docs/graph-farm-50.svg'), STALE).toBe(renderGraph(graph(farmXml(50, 5)), 'svg'));
  });

  it('the README shows the picture, the Mermaid of the same fixture and a JSON example', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('### See the vApp (graph)'), readme.indexOf('### normalize and build'));
    expect(section).toContain('![');
    expect(section).toContain('(docs/graph-compose-full-vm.svg)');
    const block = section.slice(section.indexOf('<!-- graph:start -->'), section.indexOf('<!-- graph:end -->'));
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(block)?.[1];
    expect(mermaid, STALE).toBe(renderGraph(graph(fixture('fixtures/valid/compose-full-vm.xml')), 'mermaid'));
    const json = /```json\n([\s\S]*?)```/.exec(block)?.[1];
    expect(json, STALE).toBe(renderGraph(graph(fixture('fixtures/valid/compose-blank-vm.xml')), 'json'));
    // The command lines a reader copies.
    for (const f of ['svg', 'dot', 'json']) expect(section).toContain(`--format ${f}`);
  });

  it('the CLI synopsis lists graph as interface.md writes it', () => {
    expect(read('README.md')).toMatch(/^vmparams graph <file\.xml\|->\s+\[--format mermaid\|dot\|svg\|json\] \[-o FILE\]/m);
  });
});
