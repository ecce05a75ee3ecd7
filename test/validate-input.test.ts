/**
 * validate takes XML text, bytes or a document object; `context` takes a VdcContext object, JSON
 * text or a file path (issue 13).
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, ContextError, instantiateTemplate, parse, validate, validateSync, type VdcContext } from '../src/index.js';

const template = 'https://vcd.example.com/api/vAppTemplate/vappTemplate-0b1c2d3e';
const doc = instantiateTemplate({ name: 'w', template, vms: [{ source: 'https://vcd.example.com/api/vAppTemplate/vm-1', nics: [{ network: 'lan', ip: '10.0.0.5' }] }] });
const xml = build(doc);
const context: VdcContext = { templates: [{ href: template, eula: true }] };
const dir = mkdtempSync(join(tmpdir(), 'vmparams-ctx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate input', () => {
  it('a document object gives the same report as its built text, and as its bytes', async () => {
    const fromText = await validate(xml);
    expect(await validate(doc)).toEqual(fromText);
    expect(await validate(new TextEncoder().encode(xml))).toEqual(fromText);
    expect(validateSync(parse(xml))).toEqual(fromText);
  });

  it('a document object that cannot be built is a report with a build problem, not an exception', async () => {
    const r = await validate({ kind: 'CloneVAppParams', Source: { href: 'h' }, Desciption: 'x' } as never);
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ rule: 'build', path: '/CloneVAppParams', message: expect.stringMatching(/unknown property "Desciption".*did you mean "Description"/) })]);
    expect((await validate({ kind: 'Nope' } as never)).problems[0].rule).toBe('build');
  });

  it('apiVersion applies to a document object as to its text', async () => {
    const policy = instantiateTemplate({ name: 'w', template, vms: [{ source: 'https://vcd.example.com/api/vAppTemplate/vm-1', sizingPolicy: 'https://vcd.example.com/p' }] });
    const r = await validate(policy, { apiVersion: '31.0' });
    expect(r.problems.some((p) => p.rule === 'version/not-yet-available' && /ComputePolicy/.test(p.message))).toBe(true);
  });
});

describe('validate context', () => {
  const eula = (r: Awaited<ReturnType<typeof validate>>) => r.problems.filter((p) => p.rule === 'eula/not-accepted');

  it('takes a VdcContext object, its JSON text, or a file path, with the same result', async () => {
    const path = join(dir, 'vdc.json');
    writeFileSync(path, JSON.stringify(context));
    const byObject = await validate(xml, { context });
    expect(eula(byObject)).toHaveLength(1);
    expect(await validate(xml, { context: JSON.stringify(context) })).toEqual(byObject);
    expect(await validate(xml, { context: path })).toEqual(byObject);
    expect(await validate(doc, { context: path })).toEqual(byObject);
    // A changed file is read again.
    writeFileSync(path, JSON.stringify({ templates: [{ href: template, eula: false }] }) + '\n');
    expect(eula(await validate(xml, { context: path }))).toHaveLength(0);
  });

  it('a missing or bad context file is a ContextError naming the file', async () => {
    await expect(validate(xml, { context: join(dir, 'nope.json') })).rejects.toThrow(/nope\.json: no such file/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"networks": 1}');
    await expect(validate(xml, { context: bad })).rejects.toThrow(ContextError);
    await expect(validate(xml, { context: bad })).rejects.toThrow(/bad\.json: \/networks/);
  });
});
