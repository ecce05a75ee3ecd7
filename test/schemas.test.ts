/**
 * The generated JSON Schemas (schemas/*.schema.json): current with the model, and they accept the
 * JSON form of every valid fixture (parse output and normalize output), what the builders make, and
 * the instant-clone fixtures; they refuse a misspelt property. Checked with ajv (draft 2020-12).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { generatedSchemas } from '../src/json-schema.js';
import { KINDS } from '../src/model/roots.js';
import { cloneVApp, composeVApp, instantiateOvf, instantiateTemplate, normalize, parse, recomposeVApp } from '../src/index.js';

const schemaFile = (name: string) => JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const fixtures = readdirSync(new URL('../fixtures/valid/', import.meta.url)).filter((f) => f.endsWith('.xml'));
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

const ajv = new Ajv2020({ allErrors: true, strict: false });
const request = ajv.compile(schemaFile('request.schema.json'));
const byKind = Object.fromEntries(KINDS.map((k) => [k, ajv.compile(schemaFile(`${k}.schema.json`))]));
const errorsOf = (v: { errors?: unknown[] | null }) => JSON.stringify(v.errors?.slice(0, 3));

describe('generated schemas', () => {
  it('are current (run npm run schemas after changing the model)', () => {
    for (const [name, schema] of Object.entries(generatedSchemas())) {
      expect(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'), name).toBe(JSON.stringify(schema, null, 2) + '\n');
    }
  });

  it.each(fixtures)('accept %s as parsed and as normalized', (file) => {
    const xml = readFileSync(new URL(`../fixtures/valid/${file}`, import.meta.url), 'utf8');
    for (const doc of [json(parse(xml)), json(normalize(xml))]) {
      const kind = (doc as { kind: string }).kind;
      expect(request(doc), errorsOf(request)).toBe(true);
      expect(byKind[kind](doc), errorsOf(byKind[kind])).toBe(true);
    }
  });

  it('accept what the builders make', () => {
    const vm = { source: 'https://vcd.example.com/api/vAppTemplate/vm-1', name: 'a', cpus: 2, memoryMB: 2048, disks: [{ instanceId: 2000, sizeMB: 20480 }, { sizeMB: 1024, bus: 'nvme' as const }], nics: [{ network: 'n', ip: '10.0.0.5' }], customization: { adminPassword: 'x' }, sizingPolicy: 'https://vcd.example.com/p', startup: { order: 1 } };
    const net = { name: 'n', gateway: '10.0.0.1', prefixLength: 24, pool: ['10.0.0.10', '10.0.0.20'] as const };
    const docs = [
      instantiateTemplate({ name: 'x', template: 'https://vcd.example.com/api/vAppTemplate/vappTemplate-1', vms: [vm], networks: [net], lease: { storageSeconds: 0 } }),
      composeVApp({ name: 'x', vms: [vm], networks: [net] }),
      recomposeVApp({ vms: [vm], delete: ['https://vcd.example.com/api/vApp/vm-2'] }),
      cloneVApp({ name: 'x', source: 'https://vcd.example.com/api/vApp/vapp-1', move: true }),
      instantiateOvf({ name: 'x', ovf: 'https://x/d.ovf', networkMapping: { a: 'n' }, properties: { k: 'v' }, vms: [{ id: 'w', memoryMB: 1024, nics: [{ network: 'n' }] }] }),
    ];
    for (const d of docs) expect(request(json(d)), errorsOf(request)).toBe(true);
  });

  it('refuse a misspelt property, a wrong kind and a namespace declaration in $attrs', () => {
    expect(request({ kind: 'CloneVAppParams', Source: { href: 'h' }, Desciption: 'x' })).toBe(false);
    expect(request({ kind: 'DeployVAppParams' })).toBe(false);
    expect(request({ kind: 'CloneVAppParams', Source: { href: 'h' }, $attrs: { 'xmlns:a': 'urn:a' } })).toBe(false);
    expect(request({ kind: 'CloneVAppParams', Source: { href: 'h' }, deploy: 'yes' })).toBe(false);
  });

  it('the instant-clone schema accepts the valid specs in both forms', () => {
    const validate = ajv.compile(schemaFile('instant-clone.schema.json'));
    const dir = new URL('../fixtures/instant-clone/valid/', import.meta.url);
    const specs = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
    expect(specs.length).toBeGreaterThan(3);
    for (const f of specs) expect(validate(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))), `${f} ${errorsOf(validate)}`).toBe(true);
    expect(validate({ source: 'vm-1', name: 'x', nics_to_update: { '4000': { bogus: 1 } } })).toBe(false);
  });
});
