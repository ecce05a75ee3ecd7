/** Body forms (detection, conversion both ways) and the privilege list. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConvertError, convert, detectForm, privileges, privilegeSet, validate } from '../../src/vsphere/index.js';
import { jsonErrorOffset } from '../../src/vsphere/json-position.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve('fixtures/instant-clone', name), 'utf8'));

describe('detectForm', () => {
  it('recognises the /rest wrapper and nothing else', () => {
    expect(detectForm({ spec: {} })).toBe('rest');
    expect(detectForm({ source: 'vm-1', name: 'x' })).toBe('api');
    expect(detectForm({ spec: {}, source: 'vm-1' })).toBe('api');
    expect(detectForm([])).toBe('api');
    expect(detectForm(null)).toBe('api');
  });
});

describe('convert', () => {
  it('turns the /api fixture into the /rest fixture and back', () => {
    const api = fixture('valid/full-api.json');
    const rest = fixture('valid/full-rest.json');
    expect(convert(api, 'rest')).toEqual(rest);
    expect(convert(rest, 'api')).toEqual(api);
  });

  it('is the identity when the body is already in the target form', () => {
    const api = fixture('valid/full-api.json');
    expect(convert(api, 'api')).toEqual(api);
    expect(convert(fixture('valid/full-rest.json'), 'rest')).toEqual(fixture('valid/full-rest.json'));
  });

  it('keeps unknown fields; device keys come out in ascending order (integer-like keys of a JS object)', () => {
    const body = { source: 'vm-1', name: 'x', extra: 1, nics_to_update: { '4001': { a: 1 }, '4000': {} } };
    const rest = convert(body, 'rest') as { spec: { nics_to_update: { key: string }[]; extra: number } };
    expect(rest.spec.nics_to_update.map((e) => e.key)).toEqual(['4000', '4001']);
    expect(rest.spec.extra).toBe(1);
  });

  it('keeps a __proto__ key as data in both directions', () => {
    const body = JSON.parse('{"source":"a","name":"b","__proto__":{"x":1},"nics_to_update":{"__proto__":{"y":2}}}') as Record<string, unknown>;
    const rest = convert(body, 'rest') as { spec: Record<string, unknown> };
    expect(Object.keys(rest.spec)).toContain('__proto__');
    expect(rest.spec.nics_to_update).toEqual([{ key: '__proto__', value: { y: 2 } }]);
    const back = convert(rest, 'api');
    expect(JSON.stringify(back)).toBe(JSON.stringify(body));
    expect(Object.getPrototypeOf(back.nics_to_update)).toBe(Object.prototype);
  });

  it('refuses bodies it cannot convert, naming the place', () => {
    expect(() => convert('x', 'rest')).toThrow(ConvertError);
    const dup = { spec: { source: 'a', name: 'b', nics_to_update: [{ key: '4000', value: {} }, { key: '4000', value: {} }] } };
    expect(() => convert(dup, 'api')).toThrow(/appears twice/);
    try {
      convert({ spec: { source: 'a', name: 'b', serial_ports_to_update: [{ value: {} }] } }, 'api');
      expect.unreachable();
    } catch (e) {
      expect((e as ConvertError).path).toBe('/spec/serial_ports_to_update/0');
    }
    expect(() => convert({ spec: 'x' }, 'api')).toThrow(/spec/);
    expect(() => convert({ source: 'a', name: 'b', nics_to_update: 5 }, 'rest')).toThrow(/nics_to_update/);
  });

  it('round-trips and keeps the verdict for generated valid specs (property)', () => {
    const key = fc.integer({ min: 0, max: 20000 }).map(String);
    const nicSpec = fc.record(
      {
        start_connected: fc.boolean(),
        backing: fc.record({ type: fc.constant('STANDARD_PORTGROUP' as const), network: fc.constantFrom('network-13', 'network-14') }),
        mac_type: fc.constant('GENERATED' as const),
      },
      { requiredKeys: [] },
    );
    const spec = fc.record(
      {
        source: fc.constantFrom('vm-42', 'vm-7'),
        name: fc.string({ minLength: 1, maxLength: 10 }),
        nics_to_update: fc.dictionary(key, nicSpec, { maxKeys: 4 }),
        serial_ports_to_update: fc.dictionary(key, fc.record({ yield_on_poll: fc.boolean() }), { maxKeys: 2 }),
        disconnect_all_nics: fc.boolean(),
      },
      { requiredKeys: ['source', 'name'] },
    );
    fc.assert(
      fc.property(spec, (s) => {
        const rest = convert(s, 'rest');
        expect(detectForm(rest)).toBe('rest');
        expect(convert(rest, 'api')).toEqual(s);
        expect(validate(rest).valid).toBe(true);
        expect(validate(s).valid).toBe(true);
        expect(privileges(rest)).toEqual(privileges(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('privileges', () => {
  it('lists one entry per referenced resource, in the documented shape', () => {
    const p = privileges(fixture('valid/full-api.json'));
    expect(p).toEqual([
      { field: 'source', resourceType: 'VirtualMachine', resource: 'vm-42', privileges: ['VirtualMachine.Provisioning.Clone', 'VirtualMachine.Inventory.CreateFromExisting'] },
      { field: 'placement.folder', resourceType: 'Folder', resource: 'group-v4', privileges: ['VirtualMachine.Interact.PowerOn'] },
      { field: 'placement.resource_pool', resourceType: 'ResourcePool', resource: 'resgroup-9', privileges: ['Resource.AssignVMToPool'] },
      { field: 'placement.datastore', resourceType: 'Datastore', resource: 'datastore-11', privileges: ['Datastore.AllocateSpace'] },
      { field: 'nics_to_update.4000.backing.network', resourceType: 'Network', resource: 'dvportgroup-21', privileges: ['Network.Assign'] },
      { field: 'nics_to_update.4001.backing.network', resourceType: 'Network', resource: 'network-13', privileges: ['Network.Assign'] },
    ]);
  });

  it('gives the same list for the /rest form', () => {
    expect(privileges(fixture('valid/full-rest.json'))).toEqual(privileges(fixture('valid/full-api.json')));
  });

  it('omits unset placement fields and NICs without a network', () => {
    const p = privileges({ source: 'vm-1', name: 'x', placement: { datastore: 'datastore-2' }, nics_to_update: { '4000': { start_connected: true } } });
    expect(p.map((e) => e.field)).toEqual(['source', 'placement.datastore']);
    expect(privileges({ name: 'x' })).toEqual([]);
    expect(privileges('nonsense')).toEqual([]);
  });

  it('privilegeSet is the distinct sorted union', () => {
    expect(privilegeSet(privileges(fixture('valid/full-api.json')))).toEqual([
      'Datastore.AllocateSpace',
      'Network.Assign',
      'Resource.AssignVMToPool',
      'VirtualMachine.Interact.PowerOn',
      'VirtualMachine.Inventory.CreateFromExisting',
      'VirtualMachine.Provisioning.Clone',
    ]);
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on validity (property)', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.json().map((s) => s.slice(0, Math.max(0, s.length - 1))),
      fc.stringMatching(/^[\s{}[\]",:0-9a-z.eE+\-\\]{0,20}$/),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let ok = true;
        try {
          JSON.parse(text);
        } catch {
          ok = false;
        }
        expect(jsonErrorOffset(text) === -1).toBe(ok);
      }),
      { numRuns: 3000 },
    );
  });

  it('points at the offending character', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": ')).toBe(6);
    expect(jsonErrorOffset('[1,]')).toBe(3);
  });
});
