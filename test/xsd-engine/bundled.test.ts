/**
 * The bundled set is compiled ahead of time: src/xsd/bundled.generated.ts must be exactly what the
 * current compiler makes from xsd/*.xsd (regenerate with `npm run xsd:bundle`), must carry no
 * absolute path, and must validate as the set compiled from the files does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSchema } from '../../src/xsd/bundled.js';
import { renderBundled } from '../../src/xsd/bundle-render.js';
import { compileSchema } from '../../src/xsd/index.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const GENERATED = path.join(ROOT, 'src', 'xsd', 'bundled.generated.ts');

describe('the ahead-of-time compiled bundled set', () => {
  const fresh = compileSchema({ entry: path.join(ROOT, 'xsd', 'master.xsd') });

  it('is current (npm run xsd:bundle regenerates it)', () => {
    expect(fs.readFileSync(GENERATED, 'utf8') === renderBundled(fresh.tables), 'src/xsd/bundled.generated.ts is out of date: run npm run xsd:bundle').toBe(true);
  });

  it('carries no absolute path', () => {
    const text = fs.readFileSync(GENERATED, 'utf8');
    expect(text).not.toContain(ROOT);
    expect(text).not.toMatch(/\/(home|work|tmp|Users)\//);
  });

  it('validates every fixture as the set compiled from the files does', () => {
    const files = fs.readdirSync(path.join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(ROOT, 'fixtures', f));
      expect(bundledSchema().validate(bytes), f).toEqual(fresh.validate(bytes));
    }
  });
});
