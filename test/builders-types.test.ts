/**
 * Compile-time checks (tsc runs over test/ in `npm run typecheck`, part of npm test): the builders'
 * options are exact, so a misspelt key fails to compile, inside a `.map()` callback too (each
 * `@ts-expect-error` below fails the typecheck if its line compiles); and the normalized model
 * types are what the README says. At run time the same calls throw BuildError.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { BuildError, composeVApp, instantiateOvf, instantiateTemplate, leafValue, normalize, recomposeVApp, type DocumentOf, type NicSpec, type VmSpec } from '../src/index.js';

const names = ['web-01', 'web-02', 'db-01'];
const source = 'https://vcd.example.com/api/vAppTemplate/vm-1';

describe('builder options are exact at compile time', () => {
  it('a correct call compiles, with literal unions inferred inside .map()', () => {
    const doc = composeVApp({ name: 'x', vms: names.map((n) => ({ source, name: n, memoryMB: 4096, nics: [{ network: 'lan', mode: 'DHCP' }] })) });
    expect(doc.SourcedItem).toHaveLength(3);
  });

  it('a misspelt key in a .map() callback does not compile (and throws at run time)', () => {
    expect(() =>
      composeVApp({
        name: 'x',
        // @ts-expect-error memoryMb is not an option (memoryMB is)
        vms: names.map((n) => ({ source, name: n, memoryMb: 4096 })),
      }),
    ).toThrow(BuildError);
    expect(() =>
      composeVApp({
        name: 'x',
        // @ts-expect-error computerName belongs to the VM, not to customization
        vms: names.map((n) => ({ source, customization: { computerName: n } })),
      }),
    ).toThrow(/unknown property "computerName" in CustomizationSpec/);
  });

  it('spreads compile, and a misspelt key next to a spread does not', () => {
    const web = (name: string): VmSpec => ({ source, name });
    expect(composeVApp({ name: 'x', vms: [...names.map(web), { source, name: 'db', memoryMB: 8192 }] }).SourcedItem).toHaveLength(4);
    // @ts-expect-error memoryMb is not an option
    expect(() => composeVApp({ name: 'x', vms: [...names.map(web), { source, name: 'db', memoryMb: 8192 }] })).toThrow(/memoryMb/);
  });

  it('misspelt keys deeper down and bad values do not compile either', () => {
    // @ts-expect-error busType is not a disk option (bus is)
    expect(() => composeVApp({ name: 'x', vms: [{ source, disks: [{ sizeMB: 1024, busType: 'sata' }] }] })).toThrow(BuildError);
    // @ts-expect-error 'pool' is not an IpMode
    expect(() => instantiateTemplate({ name: 'x', template: 't', vms: [{ source, nics: [{ network: 'n', mode: 'pool' }] }] })).toThrow(BuildError);
    // @ts-expect-error ovf is required
    expect(() => instantiateOvf({ name: 'x' })).toThrow(/needs "ovf"/);
    // @ts-expect-error delete takes hrefs
    expect(() => recomposeVApp({ delete: [1] })).toThrow(BuildError);
    const nics = names.map((n) => ({ network: n, primery: true }));
    // @ts-expect-error a misspelt key in a variable made earlier
    expect(() => composeVApp({ name: 'x', vms: [{ source, nics }] })).toThrow(/did you mean "primary"/);
  });

  it('specs typed with the exported option types are accepted as they are', () => {
    const vm: VmSpec = { source, name: 'a' };
    const nic: NicSpec = { network: 'lan', primary: true };
    expect(composeVApp({ name: 'x', vms: [{ ...vm, nics: [nic] }] }).kind).toBe('ComposeVAppParams');
  });
});

describe('normalized types (README "Types")', () => {
  type Sections = NonNullable<NonNullable<NonNullable<DocumentOf<'ComposeVAppParams', 'norm'>['SourcedItem']>[number]['InstantiationParams']>['sections']>[number];
  type Item = NonNullable<Extract<Sections, { VirtualHardwareSection: unknown }>['VirtualHardwareSection']['Item']>[number];

  it('plain values where the element has no attributes; a leaf that may carry attributes is the value or { $value, ... }', () => {
    type Norm = DocumentOf<'ComposeVAppParams', 'norm'>;
    expectTypeOf<Norm['deploy']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<NonNullable<Norm['SourcedItem']>[number]['VmGeneralParams']>().toMatchTypeOf<{ Name?: string; NeedsCustomization?: boolean } | undefined>();
    expectTypeOf<Item['VirtualQuantity']>().toEqualTypeOf<number | { $value: number; $attrs?: Record<string, string>; $ns?: Record<string, string> } | undefined>();
    expectTypeOf<Item['$note']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(leafValue<number>).returns.toEqualTypeOf<number | undefined>();
    const item = { VirtualQuantity: 8192 } as Item;
    expectTypeOf(leafValue(item.VirtualQuantity)).toEqualTypeOf<number | undefined>();
  });

  it('leafValue reads both forms', () => {
    expect(leafValue(4)).toBe(4);
    expect(leafValue({ $value: 4, $attrs: { '{urn:x}a': 'b' } })).toBe(4);
    expect(leafValue(undefined)).toBeUndefined();
    const doc = normalize(`<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:x="urn:x"><SourcedItem><Source href="h"/><InstantiationParams><ovf:VirtualHardwareSection><ovf:Info/><ovf:Item><rasd:ElementName>m</rasd:ElementName><rasd:InstanceID>5</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity x:a="b">2048</rasd:VirtualQuantity></ovf:Item></ovf:VirtualHardwareSection></InstantiationParams></SourcedItem></ComposeVAppParams>`);
    if (doc.kind !== 'ComposeVAppParams') throw new Error('kind');
    const section = doc.SourcedItem![0].InstantiationParams!.sections![0];
    if (!('VirtualHardwareSection' in section)) throw new Error('section');
    const q = section.VirtualHardwareSection.Item![0].VirtualQuantity;
    expect(q).toEqual({ $value: 2048, $attrs: { '{urn:x}a': 'b' } });
    expect(leafValue(q)).toBe(2048);
  });
});
