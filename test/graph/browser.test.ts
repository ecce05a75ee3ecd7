/**
 * src/graph is browser-safe (the playground will bundle it): esbuild bundles it for the browser, and
 * the bundle draws a fixture in a bare JavaScript context that has only what a web page has (no
 * process, Buffer, require or node: modules).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { graph, renderGraph } from '../../src/graph/index.js';
import { ROOT } from '../cli/helpers.js';
import { fixture } from './expected.js';

describe('src/graph in a browser', () => {
  it('imports no Node built-in in its own files', () => {
    const dir = join(ROOT, 'src/graph');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/from ['"](node:|fs|path|os|child_process)['"/]/);
  });

  it('bundles for the browser and draws in a context without Node globals', async () => {
    const out = await build({
      entryPoints: [join(ROOT, 'src/graph/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'vmparamsGraph',
      write: false,
      logLevel: 'silent',
    });
    const code = new TextDecoder().decode(out.outputFiles[0]!.contents);
    // The web APIs the library uses (the XML reader's TextDecoder, normalize's structuredClone); nothing of Node.
    const context = vm.createContext({ TextDecoder, structuredClone });
    vm.runInContext(code, context);
    const xml = fixture('fixtures/valid/compose-full-vm.xml').toString('utf8');
    for (const format of ['mermaid', 'dot', 'svg', 'json'] as const) {
      const drawn = vm.runInContext(`vmparamsGraph.renderGraph(vmparamsGraph.graph(${JSON.stringify(xml)}), ${JSON.stringify(format)})`, context) as string;
      expect(drawn).toBe(renderGraph(graph(xml), format));
    }
  });
});
