/**
 * The library bundles for the browser (issue 16): src/browser.ts through esbuild with
 * `platform: 'browser'` fails on any `node:` import or Node built-in, so a clean build is the proof;
 * the only help it gets is the documented plugin for the two Node-only modules behind `import()`
 * (scripts/playground-build.mjs), which must stay dynamic and must not be reached by the defaults.
 * The bundle then runs in a bare JavaScript context with only web APIs and must agree with the
 * library in Node. No browser needed.
 */
import { builtinModules } from 'node:module';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, NODE_ONLY_ON_DEMAND, nodeOnlyOnDemand, ON_DEMAND_MESSAGE, ROOT } from '../../scripts/playground-build.mjs';
import * as lib from '../../src/browser.js';
import { ruleCatalogue } from '../../src/validate/rules/index.js';
import { compareVersions } from '../../src/validate/versions.js';
import { cases } from './cases.js';

type Lib = typeof lib;

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('src/browser.ts in a browser bundle', () => {
  let code: string;
  let inputs: string[];
  let browserLib: Lib;
  beforeAll(async () => {
    const out = await bundle({ entry: 'src/browser.ts', minify: false, globalName: 'vmparams' });
    code = out.code;
    inputs = Object.keys(out.metafile.inputs);
    // Only what a web page has: no process, Buffer, require, module or import.meta.
    const context = vm.createContext({ TextDecoder, TextEncoder, structuredClone, console, URL });
    vm.runInContext(code, context);
    browserLib = (context as { vmparams: Lib }).vmparams;
  });

  it('bundles with platform browser: no Node built-in among its inputs, the Node-only modules replaced', () => {
    for (const input of inputs) expect(NODE_BUILTINS.has(input.replace(/^.*:/, '')) || input.startsWith('node:'), input).toBe(false);
    for (const file of Object.keys(NODE_ONLY_ON_DEMAND)) {
      expect(inputs).not.toContain(file);
      expect(inputs).toContain(`node-only:${file}`);
    }
    expect(code).not.toMatch(/\brequire\(["']|import\.meta/);
  });

  it('validates, formats and draws every fixture as the library does in Node', () => {
    for (const c of cases()) {
      expect(browserLib.validateSync(c.text), c.name).toEqual(lib.validateSync(c.text));
      expect(browserLib.validateSync(c.text, { apiVersion: '31.0', lint: true }), c.name).toEqual(lib.validateSync(c.text, { apiVersion: '31.0' }));
      if (c.context) expect(browserLib.validateSync(c.text, { context: c.context }), c.name).toEqual(lib.validateSync(c.text, { context: c.context }));
      let fmt: string | Error;
      try {
        fmt = lib.format(c.text).text;
      } catch (e) {
        fmt = e as Error;
      }
      if (typeof fmt === 'string') expect(browserLib.format(c.text).text, c.name).toBe(fmt);
      else expect(() => browserLib.format(c.text), c.name).toThrow(fmt.message);
      if (c.category === 'valid') expect(browserLib.renderGraph(browserLib.graph(c.text), 'svg'), c.name).toBe(lib.renderGraph(lib.graph(c.text), 'svg'));
    }
  });

  it('the stand-ins throw only when their option is used: schemaDir and the libxml2 engine', async () => {
    const xml = cases()[0]!.text;
    await expect(browserLib.validate(xml)).resolves.toEqual(lib.validateSync(xml));
    await expect(browserLib.validate(xml, { schemaDir: '/x' })).rejects.toThrow(`src/validate/xsd-dir.ts (schemaDir) ${ON_DEMAND_MESSAGE}`);
  });

  it('carries the rule docs and the API versions', async () => {
    const rules = await browserLib.requestRules();
    expect(Object.keys(rules)).toEqual(expect.arrayContaining(['xml', 'xsd', 'unused-directive', ...ruleCatalogue().map((r) => r.id)]));
    for (const r of Object.values(rules)) expect(r.description.length, r.id).toBeGreaterThan(10);
    const versions = browserLib.apiVersions();
    expect(versions).toEqual(lib.apiVersions());
    expect(versions[0]).toBe(lib.LATEST_API_VERSION);
    expect(versions).toEqual(expect.arrayContaining(['34.0', '33.0', '31.0', '5.6', '5.1']));
    expect([...versions].sort((a, b) => compareVersions(b, a))).toEqual(versions);
    // The descriptions' removed "9.1" of SourcedVmInstantiationParams is a product release, corrected to 30.0 (versions.ts).
    expect(versions).not.toContain('9.1');
  });

  it('a static import of a Node-only module, or of node:fs, fails the build', async () => {
    const attempt = (contents: string, resolveDir: string) =>
      build({ stdin: { contents, resolveDir, loader: 'ts' }, bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [nodeOnlyOnDemand()] });
    await expect(attempt("import './xsd-dir.js';", `${ROOT}/src/validate`)).rejects.toThrow(/src\/validate\/xsd-dir\.ts is Node\.js only but .* imports it statically/);
    await expect(attempt("import fs from 'node:fs'; console.log(fs);", ROOT)).rejects.toThrow(/node:fs/);
  });
});
