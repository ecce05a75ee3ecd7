/** The fix helpers: edits only where they are certain, offsets into the text as read. */
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/document.js';
import { addAttributes, applyFix, qualifyAttribute, replaceText, sourceNode } from '../../src/validate/rules/fix.js';
import { NS } from '../../src/xml/names.js';
import { vmDoc, ncs, nic } from './docs.js';

describe('fix helpers', () => {
  const code = vmDoc([ncs([nic({ IsConnected: 'true' })])]);
  const doc = parse(code) as unknown as { SourcedItem: Array<{ InstantiationParams: { sections: Array<Record<string, { NetworkConnection: object[] }>> } }> };
  const nicObj = doc.SourcedItem[0].InstantiationParams.sections[0].NetworkConnectionSection.NetworkConnection[0];

  test('replaceText edits the content of a leaf child', () => {
    const fix = replaceText(nicObj, 'IsConnected', 'false', 'Set IsConnected to false')!;
    expect(fix.title).toBe('Set IsConnected to false');
    expect(code.slice(fix.edits[0].start, fix.edits[0].end)).toBe('true');
    expect(applyFix(code, fix)).toBe(code.replace('<IsConnected>true<', '<IsConnected>false<'));
  });

  test('no fix for hand-built documents (no source text) or a missing child', () => {
    const built = JSON.parse(JSON.stringify(doc)) as typeof doc;
    const builtNic = built.SourcedItem[0].InstantiationParams.sections[0].NetworkConnectionSection.NetworkConnection[0];
    expect(replaceText(builtNic, 'IsConnected', 'false', 't')).toBeUndefined();
    expect(sourceNode(builtNic)).toBeUndefined();
    expect(replaceText(nicObj, 'MACAddress', 'x', 't')).toBeUndefined();
  });

  test('addAttributes inserts after the last attribute and escapes values', () => {
    const root = parse('<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="a"/>');
    const fix = addAttributes(root, [['deploy', 'a"<&']], 't')!;
    expect(applyFix('<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="a"/>', fix)).toBe('<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="a" deploy="a&quot;&lt;&amp;"/>');
    expect(addAttributes(root, [['name', 'b']], 't')).toBeUndefined();
  });

  test('qualifyAttribute uses a prefix in scope and gives no fix without one', () => {
    const withPrefix = '<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:o="http://schemas.dmtf.org/ovf/envelope/1" name="a"/>';
    const root = parse(withPrefix);
    // The root has no OVF attribute; the helper works on any element's unprefixed attribute.
    const fix = qualifyAttribute(root, 'name', NS.ovf, 'ovf', 't')!;
    expect(applyFix(withPrefix, fix)).toBe(withPrefix.replace(' name="a"', ' o:name="a"'));
    expect(qualifyAttribute(parse('<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="a"/>'), 'name', NS.ovf, 'ovf', 't')).toBeUndefined();
  });
});
