/**
 * Validation rules: a valid/invalid table per rule (asserting rule, path and messageId), golden
 * fixtures, JSON input handling, and a meta-test that the catalogue and the rules match.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, rules, validate, type InstantCloneReport } from '../../src/vsphere/index.js';

const base = { source: 'vm-42', name: 'ic-1' };
const nic = (spec: unknown) => ({ ...base, nics_to_update: { '4000': spec } });
const serial = (backing: unknown) => ({ ...base, serial_ports_to_update: { '9000': { backing } } });
const parallel = (backing: unknown) => ({ ...base, parallel_ports_to_update: { '10000': { backing } } });

/** [title, body, expected "rule path messageId" lines (order-free); [] = no problems]. */
const cases: [string, unknown, string[]][] = [
  ['minimal spec', base, []],
  ['missing source and name', {}, ['instant-clone/required /source missing', 'instant-clone/required /name missing']],
  ['backing without type', nic({ backing: { network: 'network-13' } }), ['instant-clone/required /nics_to_update/4000/backing/type missing']],
  ['wrong types', { ...base, disconnect_all_nics: 'no', placement: [] }, ['instant-clone/type /disconnect_all_nics type', 'instant-clone/type /placement type']],
  ['body not an object', [base], ['instant-clone/type  notObject']],
  ['bad enum', nic({ mac_type: 'STATIC' }), ['instant-clone/enum /nics_to_update/4000/mac_type enum']],
  ['parallel PIPE_SERVER', parallel({ type: 'PIPE_SERVER', pipe: 'x' }), ['instant-clone/enum /parallel_ports_to_update/10000/backing/type serialOnly', 'instant-clone/unknown-field /parallel_ports_to_update/10000/backing/pipe unknown']],
  ['parallel FILE with file', parallel({ type: 'FILE', file: '[ds] p.out' }), []],
  ['parallel HOST_DEVICE', parallel({ type: 'HOST_DEVICE' }), ['instant-clone/port-backing-not-file /parallel_ports_to_update/10000/backing/type notFile']],
  ['unknown top-level field', { ...base, power_on: true }, ['instant-clone/unknown-field /power_on unknown']],
  ['placement.host', { ...base, placement: { host: 'host-1' } }, ['instant-clone/unknown-field /placement/host unknown']],
  ['NIC type', nic({ type: 'VMXNET3' }), ['instant-clone/unknown-field /nics_to_update/4000/type unknown']],
  ['empty name and ids', { source: '', name: '', placement: { datastore: '' } }, ['instant-clone/empty /source empty', 'instant-clone/empty /name empty', 'instant-clone/empty /placement/datastore empty']],
  ['bios_uuid ok (upper case)', { ...base, bios_uuid: '4231BF8B-3CB4-3A3F-1BFB-18C857CE95B6' }, []],
  ['bios_uuid without dashes', { ...base, bios_uuid: '4231bf8b3cb43a3f1bfb18c857ce95b6' }, ['instant-clone/bios-uuid-format /bios_uuid format']],
  ['bios_uuid too short', { ...base, bios_uuid: '4231bf8b-3cb4-3a3f-1bfb-18c857ce95b' }, ['instant-clone/bios-uuid-format /bios_uuid format']],
  ['network_location not a URI', serial({ type: 'NETWORK_CLIENT', network_location: 'vspc host 5' }), ['instant-clone/uri-format /serial_ports_to_update/9000/backing/network_location format', 'instant-clone/port-backing-not-file /serial_ports_to_update/9000/backing/type notFile']],
  ['proxy not a URI', serial({ type: 'NETWORK_CLIENT', network_location: 'tcp://10.0.0.5:7000', proxy: 'proxy' }), ['instant-clone/uri-format /serial_ports_to_update/9000/backing/proxy format', 'instant-clone/port-backing-not-file /serial_ports_to_update/9000/backing/type notFile']],
  ['device key not an integer', { ...base, nics_to_update: { eth0: {} } }, ['instant-clone/device-key /nics_to_update/eth0 notInteger']],
  ['device key with a slash (pointer escaping)', { ...base, serial_ports_to_update: { 'a/b~c': {} } }, ['instant-clone/device-key /serial_ports_to_update/a~1b~0c notInteger']],
  ['device key with leading zero', { ...base, nics_to_update: { '04000': {} } }, ['instant-clone/device-key /nics_to_update/04000 notInteger']],
  ['rest duplicate key', { spec: { ...base, nics_to_update: [{ key: '4000', value: {} }, { key: '4000', value: {} }] } }, ['instant-clone/duplicate-key /spec/nics_to_update/1/key duplicate']],
  ['MANUAL without mac_address', nic({ mac_type: 'MANUAL' }), ['instant-clone/mac-address-required /nics_to_update/4000/mac_address missing']],
  ['MANUAL with mac_address', nic({ mac_type: 'MANUAL', mac_address: '00:50:56:3f:00:10' }), []],
  ['GENERATED with mac_address', nic({ mac_type: 'GENERATED', mac_address: '00:50:56:3f:00:10' }), ['instant-clone/mac-address-not-manual /nics_to_update/4000/mac_address notManual']],
  ['ASSIGNED with mac_address', nic({ mac_type: 'ASSIGNED', mac_address: '00:50:56:3f:00:10' }), ['instant-clone/mac-address-not-manual /nics_to_update/4000/mac_address notManual']],
  ['GENERATED without mac_address', nic({ mac_type: 'GENERATED' }), []],
  ['mac_address without mac_type', nic({ mac_address: '00:50:56:3f:00:10' }), ['instant-clone/mac-address-without-type /nics_to_update/4000/mac_address noType']],
  ['MAC in dashes', nic({ mac_type: 'MANUAL', mac_address: '00-50-56-3f-00-10' }), ['instant-clone/mac-address-format /nics_to_update/4000/mac_address format']],
  ['STANDARD_PORTGROUP without network', nic({ backing: { type: 'STANDARD_PORTGROUP' } }), ['instant-clone/backing-field-missing /nics_to_update/4000/backing/network missing']],
  ['DISTRIBUTED_PORTGROUP without network', nic({ backing: { type: 'DISTRIBUTED_PORTGROUP', distributed_port: '2' } }), ['instant-clone/backing-field-missing /nics_to_update/4000/backing/network missing']],
  ['OPAQUE_NETWORK without network', nic({ backing: { type: 'OPAQUE_NETWORK' } }), ['instant-clone/backing-field-missing /nics_to_update/4000/backing/network missing']],
  ['OPAQUE_NETWORK with network', nic({ backing: { type: 'OPAQUE_NETWORK', network: 'network-o1' } }), []],
  ['distributed_port with DISTRIBUTED_PORTGROUP', nic({ backing: { type: 'DISTRIBUTED_PORTGROUP', network: 'dvportgroup-21', distributed_port: '2' } }), []],
  ['distributed_port with STANDARD_PORTGROUP', nic({ backing: { type: 'STANDARD_PORTGROUP', network: 'network-13', distributed_port: '2' } }), ['instant-clone/backing-field-not-allowed /nics_to_update/4000/backing/distributed_port notAllowed']],
  ['distributed_port with OPAQUE_NETWORK', nic({ backing: { type: 'OPAQUE_NETWORK', network: 'n', distributed_port: '2' } }), ['instant-clone/backing-field-not-allowed /nics_to_update/4000/backing/distributed_port notAllowed']],
  ['HOST_DEVICE NIC', nic({ backing: { type: 'HOST_DEVICE' } }), ['instant-clone/nic-host-device /nics_to_update/4000/backing/type legacy']],
  ['HOST_DEVICE NIC with network', nic({ backing: { type: 'HOST_DEVICE', network: 'network-13' } }), ['instant-clone/nic-host-device /nics_to_update/4000/backing/type legacy', 'instant-clone/backing-field-not-allowed /nics_to_update/4000/backing/network notAllowed']],
  ['serial FILE without file', serial({ type: 'FILE' }), ['instant-clone/backing-field-missing /serial_ports_to_update/9000/backing/file missing']],
  ['serial FILE with file', serial({ type: 'FILE', file: '[ds] s.log' }), []],
  ['serial PIPE_SERVER without pipe', serial({ type: 'PIPE_SERVER', no_rx_loss: true }), ['instant-clone/backing-field-missing /serial_ports_to_update/9000/backing/pipe missing', 'instant-clone/port-backing-not-file /serial_ports_to_update/9000/backing/type notFile']],
  ['serial PIPE_CLIENT without pipe', serial({ type: 'PIPE_CLIENT' }), ['instant-clone/backing-field-missing /serial_ports_to_update/9000/backing/pipe missing', 'instant-clone/port-backing-not-file /serial_ports_to_update/9000/backing/type notFile']],
  ['serial NETWORK_SERVER without network_location', serial({ type: 'NETWORK_SERVER' }), ['instant-clone/backing-field-missing /serial_ports_to_update/9000/backing/network_location missing', 'instant-clone/port-backing-not-file /serial_ports_to_update/9000/backing/type notFile']],
  ['serial NETWORK_CLIENT with location', serial({ type: 'NETWORK_CLIENT', network_location: 'telnet://10.0.0.5:23' }), ['instant-clone/port-backing-not-file /serial_ports_to_update/9000/backing/type notFile']],
  ['serial FILE with pipe', serial({ type: 'FILE', file: 'f', pipe: 'p' }), ['instant-clone/backing-field-not-allowed /serial_ports_to_update/9000/backing/pipe notAllowed']],
  ['serial no_rx_loss with NETWORK_SERVER', serial({ type: 'NETWORK_SERVER', network_location: 'telnet://:5001', no_rx_loss: true }), ['instant-clone/backing-field-not-allowed /serial_ports_to_update/9000/backing/no_rx_loss notAllowed', 'instant-clone/port-backing-not-file /serial_ports_to_update/9000/backing/type notFile']],
  ['parallel FILE without file', parallel({ type: 'FILE' }), ['instant-clone/backing-field-missing /parallel_ports_to_update/10000/backing/file missing']],
  ['parallel host_device with FILE', parallel({ type: 'FILE', file: 'f', host_device: '/dev/lp0' }), ['instant-clone/backing-field-not-allowed /parallel_ports_to_update/10000/backing/host_device notAllowed']],
  ['/rest map in /api body', { ...base, nics_to_update: [] }, ['instant-clone/wrong-form /nics_to_update restMapInApi']],
  ['/api map in /rest body', { spec: { ...base, nics_to_update: {} } }, ['instant-clone/wrong-form /spec/nics_to_update apiMapInRest']],
  ['/rest entry without key', { spec: { ...base, nics_to_update: [{ value: {} }] } }, ['instant-clone/required /spec/nics_to_update/0/key missing']],
  ['/rest entry with extra field', { spec: { ...base, nics_to_update: [{ key: '4000', value: {}, comment: 'x' }] } }, ['instant-clone/unknown-field /spec/nics_to_update/0/comment unknown']],
  ['/rest body with extra field', { spec: base, x: 1 }, ['instant-clone/unknown-field /x unknown']],
  ['/rest nested problem keeps its real pointer', { spec: { ...base, nics_to_update: [{ key: '4001', value: { mac_type: 'MANUAL' } }] } }, ['instant-clone/mac-address-required /spec/nics_to_update/0/value/mac_address missing']],
];

const lines = (r: InstantCloneReport) => r.problems.map((p) => `${p.rule} ${p.path} ${p.messageId}`).sort();

describe('rules: valid/invalid table', () => {
  it.each(cases)('%s', (_title, body, expected) => {
    const r = validate(body);
    expect(lines(r)).toEqual([...expected].sort());
    expect(r.valid).toBe(!r.problems.some((p) => p.severity === 'error'));
    for (const p of r.problems) {
      expect(p.message).not.toMatch(/Invalid input|undefined|\[object/);
      expect(p.line).toBe(0);
      expect(p.column).toBe(0);
    }
  });

  it('every catalogued rule has an invalid case and every reported rule is catalogued', () => {
    const reported = new Set(cases.flatMap(([, , exp]) => exp.map((l) => l.split(' ')[0])));
    reported.add('instant-clone/json'); // covered by the JSON input tests below
    const catalogued = new Set<string>(rules.map((r) => r.id));
    expect([...catalogued].filter((id) => !reported.has(id))).toEqual([]);
    expect([...reported].filter((id) => !catalogued.has(id))).toEqual([]);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^instant-clone\/[a-z0-9-]+$/);
      expect(r.description.length).toBeGreaterThan(20);
    }
  });

  it('a problem carries the catalogue severity', () => {
    const sev = new Map<string, string>(rules.map((r) => [r.id, r.severity]));
    for (const [, body] of cases) for (const p of validate(body).problems) expect(p.severity).toBe(sev.get(p.rule));
  });

  it('messages are plain and say how to fix', () => {
    const r = validate(nic({ backing: { type: 'STANDARD_PORTGROUP' } }));
    expect(r.problems[0].message).toBe('network is required when the NIC backing type is STANDARD_PORTGROUP; add "network"');
    const u = validate({ ...base, placement: { resource_pol: 'resgroup-9' } });
    expect(u.problems[0].message).toContain('did you mean "resource_pool"?');
    const rest = validate({ spec: { ...base, nics_to_update: [{ key: '4001', value: { mac_type: 'MANUAL' } }] } });
    expect(rest.problems[0].message).toContain('(device key 4001)');
    expect(rest.problems[0].data).toMatchObject({ deviceKey: '4001' });
  });
});

describe('forms', () => {
  it('detects the form and says which one it validated', () => {
    expect(validate(base).form).toBe('api');
    expect(validate({ spec: base }).form).toBe('rest');
  });

  it('a /rest body checked as /api is one clear wrong-form error (and vice versa)', () => {
    const r = validate({ spec: base }, { form: 'api' });
    expect(r.valid).toBe(false);
    expect(lines(r)).toEqual(['instant-clone/wrong-form  restBodyForApi']);
    expect(r.problems[0].message).toContain('convert --to api');
    const a = validate(base, { form: 'rest' });
    expect(lines(a)).toEqual(['instant-clone/wrong-form  apiBodyForRest']);
  });

  it('a valid body yields the spec in /api form', () => {
    const r = validate({ spec: { ...base, nics_to_update: [{ key: '4000', value: { start_connected: true } }] } });
    expect(r.valid).toBe(true);
    expect(r.spec).toEqual({ ...base, nics_to_update: { '4000': { start_connected: true } } });
    expect(validate({ name: 'x' }).spec).toBeUndefined();
  });
});

describe('JSON input', () => {
  it('parses text and bytes, skipping a BOM', () => {
    expect(validate(JSON.stringify(base)).valid).toBe(true);
    expect(validate(new TextEncoder().encode('\ufeff' + JSON.stringify(base))).valid).toBe(true);
  });

  it('reports a syntax error with its line and column', () => {
    const r = validate('{\n  "source": "vm-42",\n  "name": }');
    expect(r.valid).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ rule: 'instant-clone/json', messageId: 'syntax', line: 3, column: 11 });
  });

  it('rejects bad UTF-8, empty input, non-objects and huge bodies with a clear problem', () => {
    const bad = validate(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    expect(bad.problems[0]).toMatchObject({ rule: 'instant-clone/json', messageId: 'badUtf8' });
    expect(validate('  \n').problems[0]).toMatchObject({ rule: 'instant-clone/json', messageId: 'empty' });
    expect(validate('"vm-42"').problems[0]).toMatchObject({ rule: 'instant-clone/type', messageId: 'notObject' });
    expect(validate('null').problems[0].message).toContain('not null');
    const huge = validate(new Uint8Array(MAX_BODY_BYTES + 1));
    expect(huge.problems[0]).toMatchObject({ rule: 'instant-clone/json', messageId: 'tooLarge' });
  });

  it('treats __proto__, constructor and toString as plain unknown keys', () => {
    const text = '{"source":"vm-1","name":"x","__proto__":{"polluted":1},"constructor":[],"nics_to_update":{"__proto__":{},"toString":{}}}';
    const r = validate(text);
    expect(lines(r)).toEqual(
      [
        'instant-clone/unknown-field /__proto__ unknown',
        'instant-clone/unknown-field /constructor unknown',
        'instant-clone/device-key /nics_to_update/__proto__ notInteger',
        'instant-clone/device-key /nics_to_update/toString notInteger',
      ].sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives deeply nested input', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = validate(deep);
    expect(r.valid).toBe(false);
  });
});

describe('golden fixtures (UPDATE=1 rewrites the .expected.json files)', () => {
  const dir = resolve('fixtures/instant-clone');
  for (const kind of ['valid', 'invalid'] as const) {
    const files = readdirSync(join(dir, kind)).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
    it.each(files)(`${kind}/%s`, (f) => {
      const text = readFileSync(join(dir, kind, f), 'utf8');
      const r = validate(text);
      expect(r.valid).toBe(kind === 'valid');
      const actual = r.problems.map(({ severity, rule, path, messageId, message }) => ({ severity, rule, path, messageId, message }));
      const expectedFile = join(dir, kind, f.replace(/\.json$/, '.expected.json'));
      if (process.env.UPDATE) {
        if (actual.length > 0 || existsSync(expectedFile)) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
      }
      const expected: unknown = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : [];
      expect(actual).toEqual(expected);
      if (kind === 'invalid') expect(actual.length).toBeGreaterThan(0);
    });
  }
});
