/**
 * A web page or a server-side bundle can use the package as published: `vmparams/browser` bundled
 * by esbuild for the browser with no plugin (package.json's `browser` field swaps the two Node-only
 * loaders for an empty module), then run in a bare context with no Node built-ins.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { ROOT } from './cli/helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vmparams-consumer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vmparams/browser bundles for the browser as published', () => {
  it('has no node: import and validates and formats like the library', async () => {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules', 'vmparams'));
    writeFileSync(
      path.join(dir, 'entry.js'),
      "import { validate, format } from 'vmparams/browser';\nglobalThis.check = async (x) => ({ problems: (await validate(x)).problems.map((p) => `${p.line}:${p.rule}`), changed: format(x).changed });\n",
    );
    const result = await build({ entryPoints: [path.join(dir, 'entry.js')], absWorkingDir: dir, bundle: true, platform: 'browser', format: 'iife', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((i) => i.startsWith('node:') || /xsd-dir|xsd-libxml2|libxml2-wasm/.test(i))).toEqual([]);
    expect(inputs.some((i) => i.endsWith('dist/validate/node-only.js'))).toBe(true);

    const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, structuredClone, console };
    vm.createContext(sandbox);
    vm.runInContext(result.outputFiles[0]!.text, sandbox);
    const check = sandbox.check as (x: string) => Promise<{ problems: string[]; changed: boolean }>;
    for (const f of ['fixtures/valid/compose-full-vm.xml', 'fixtures/invalid/rasd-out-of-order.xml', 'fixtures/invalid/semantic/nic-manual-without-ip.xml']) {
      const xml = readFileSync(path.join(ROOT, f), 'utf8');
      const inPage = await check(xml);
      const inNode = (await validate(xml)).problems.map((p) => `${p.line}:${p.rule}`);
      expect(inPage.problems, f).toEqual(inNode);
    }
  });
});
