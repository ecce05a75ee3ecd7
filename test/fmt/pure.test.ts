/** src/fmt is pure: the language server and the browser playground bundle it without Node's modules. */
import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('src/fmt', () => {
  it('bundles for the browser with no node: import anywhere in what it pulls in', async () => {
    const r = await build({ entryPoints: [join(ROOT, 'src/fmt/index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.some((i) => i.startsWith('node:'))).toBe(false);
    expect(inputs).toContain('src/fmt/print.ts');
    const { format } = (await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0]!.text).toString('base64')}`)) as typeof import('../../src/fmt/index.js');
    expect(format('<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1.5"><!-- c --><Source href="h"/></CloneVAppParams>').text).toContain('<!-- c -->');
  });
});
