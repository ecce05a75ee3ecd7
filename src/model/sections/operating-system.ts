/** ovf:OperatingSystemSection (dsp8023 OperatingSystemSection_Type; schema-facts.md §4.8): `ovf:id` is the CIM OS type number. */
import { NS } from '../../xml/names.js';
import { string, unsignedShort } from '../codecs.js';
import { attr, extend, opt } from '../dsl.js';
import { Msg, sectionBase } from '../common.js';

const O = NS.ovf;

export const OperatingSystemSection = extend(sectionBase('Specifies the operating system installed'), 'OperatingSystemSection_Type', {
  children: [opt(O, 'Description', Msg, { doc: 'Name of the guest operating system.' })],
  attrs: [
    attr('id', unsignedShort, { doc: 'CIM operating system type number (e.g. 94 for 64-bit Ubuntu; required, ovf: prefix).', ns: O, required: true }),
    attr('version', string, { doc: 'Version of the guest operating system.', ns: O }),
    // Cloud Director's guest OS identifier (e.g. ubuntu64Guest), a vmw: attribute accepted by anyAttribute.
    attr('osType', string, { doc: "Cloud Director's guest OS identifier (e.g. ubuntu64Guest).", ns: NS.vmw }),
  ],
  anyTail: true,
});
