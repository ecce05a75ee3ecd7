/**
 * Exact units (issue 11, item 4): normalize gives memory and disk in MB only when the conversion is
 * exact, otherwise keeps the value and units as written and says so (`$note`); `normalize | build`
 * never writes a fraction where the schema wants an integer.
 */
import { describe, expect, it } from 'vitest';
import { build, normalize, validate } from '../src/index.js';
import { exactMegabytes } from '../src/model/units.js';

const doc = (items: string) => `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" name="u">
  <SourcedItem>
    <Source href="https://vcd.example.com/api/vAppTemplate/vm-1"/>
    <InstantiationParams>
      <ovf:VirtualHardwareSection>
        <ovf:Info>hw</ovf:Info>
        ${items}
      </ovf:VirtualHardwareSection>
    </InstantiationParams>
  </SourcedItem>
</ComposeVAppParams>`;
const item = (type: number, units: string | undefined, q: string, id = '2000') =>
  `<ovf:Item>${units ? `<rasd:AllocationUnits>${units}</rasd:AllocationUnits>` : ''}<rasd:ElementName>x</rasd:ElementName><rasd:InstanceID>${id}</rasd:InstanceID><rasd:ResourceType>${type}</rasd:ResourceType><rasd:VirtualQuantity>${q}</rasd:VirtualQuantity></ovf:Item>`;
const itemsOf = (d: unknown) => (d as { SourcedItem: { InstantiationParams: { sections: { VirtualHardwareSection: { Item: Record<string, unknown>[] } }[] } }[] }).SourcedItem[0].InstantiationParams.sections[0].VirtualHardwareSection.Item;

describe('exactMegabytes', () => {
  it.each([
    [40, 'byte * 10^9', undefined],
    [17179869185, 'byte', undefined],
    [17179869184, 'byte', 16384],
    [16, 'byte * 2^30', 16384],
    [2048, undefined, 2048],
    [3, 'KB', undefined],
    [1024, 'KB', 1],
    [1, 'byte * 2^60', 2 ** 40],
    [5, 'hertz * 10^6', undefined],
    [1.5, 'byte * 2^30', undefined],
  ])('%s x %s -> %s', (q, units, mb) => expect(exactMegabytes(q, units)).toBe(mb));
});

describe('normalize keeps inexact quantities as written', () => {
  it('40 x byte * 10^9 stays 40 GB (decimal), with a note; build writes it back as written and the result is valid', async () => {
    const xml = doc(item(17, 'byte * 10^9', '40'));
    const n = normalize(xml);
    const [disk] = itemsOf(n);
    expect(disk).toMatchObject({ VirtualQuantity: 40, AllocationUnits: 'byte * 10^9' });
    expect(disk.$note).toMatch(/kept in the units written \(byte \* 10\^9\): 40 of them is 38146.97265625 MB/);
    const back = build(n);
    expect(back).toContain('<rasd:VirtualQuantity>40</rasd:VirtualQuantity>');
    expect(back).not.toContain('38146');
    expect((await validate(back, { lint: false })).valid).toBe(true);
  });

  it('memory in bytes that is not whole MB stays in bytes (not 16384.000000953674)', () => {
    const [mem] = itemsOf(normalize(doc(item(4, 'byte', '17179869185', '5'))));
    expect(mem).toMatchObject({ VirtualQuantity: 17179869185, AllocationUnits: 'byte' });
    expect(mem.$note).toMatch(/16384.000000953674 MB, not a whole number/);
    expect(build(normalize(doc(item(4, 'byte', '17179869185', '5'))))).toContain('>17179869185<');
  });

  it('exact conversions still give MB, and every normalized fixture builds without a fraction', () => {
    const [a, b, c] = itemsOf(normalize(doc(item(4, 'byte', '17179869184', '5') + item(17, 'GigaBytes', '40') + item(17, undefined, '1073741824', '2001'))));
    expect(a).toMatchObject({ VirtualQuantity: 16384, AllocationUnits: 'byte * 2^20' });
    expect(b).toMatchObject({ VirtualQuantity: 40960, AllocationUnits: 'byte * 2^20' });
    expect(c).toMatchObject({ VirtualQuantity: 1024, AllocationUnits: 'byte * 2^20' });
    for (const x of [a, b, c]) expect(x.$note).toBeUndefined();
  });
});
