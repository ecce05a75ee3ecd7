/** ovf:ProductSection (dsp8023 ProductSection_Type; schema-facts.md §4.9): product info and OVF properties. */
import { NS } from '../../xml/names.js';
import { boolean, string } from '../codecs.js';
import { attr, choice, complex, extend, many, opt } from '../dsl.js';
import { Msg, sectionBase } from '../common.js';

const O = NS.ovf;

/** PropertyConfigurationValue_Type: a value for one deployment configuration. */
export const PropertyValue = complex('PropertyConfigurationValue_Type', {
  children: [],
  attrs: [attr('value', string, { doc: "The property's value in this configuration.", ns: O, required: true }), attr('configuration', string, { doc: 'The deployment configuration this value is for.', ns: O })],
  anyAttr: true,
  anyTail: true,
});

/** One `ovf:Property`: `ovf:key` and `ovf:type` are required. */
export const Property = complex('ProductSection_Property', {
  children: [opt(O, 'Label', Msg, { doc: 'Short label of the property.' }), opt(O, 'Description', Msg, { doc: 'Description of the property.' }), many(O, 'Value', PropertyValue, { doc: 'A value for one deployment configuration.' })],
  attrs: [
    attr('key', string, { doc: 'Key of the property (required).', ns: O, required: true }),
    attr('type', string, { doc: 'Type of the property: string, boolean, int, real and the like (required).', ns: O, required: true }),
    attr('qualifiers', string, { doc: 'Constraints on the value (e.g. MinLen(1), ValueMap{...}).', ns: O }),
    attr('userConfigurable', boolean, { doc: 'Whether the value may be set at deployment (default false).', ns: O, default: 'false' }),
    attr('value', string, { doc: "The property's value (default empty).", ns: O, default: '' }),
    attr('password', boolean, { doc: 'Whether the value is a password to hide (default false).', ns: O, default: 'false' }),
  ],
  anyAttr: true,
});

/** ovf:Icon. */
export const Icon = complex('ProductSection_Icon', {
  children: [],
  attrs: [attr('height', string, { doc: 'Icon height in pixels.', ns: O }), attr('width', string, { doc: 'Icon width in pixels.', ns: O }), attr('mimeType', string, { doc: 'Icon image media type.', ns: O }), attr('fileRef', string, { doc: 'Reference to the icon file in the package.', ns: O })],
  anyAttr: true,
});

export const ProductSection = extend(sectionBase('Information about the installed software'), 'ProductSection_Type', {
  children: [
    opt(O, 'Product', Msg, { doc: 'Product name.' }),
    opt(O, 'Vendor', Msg, { doc: 'Vendor name.' }),
    opt(O, 'Version', Msg, { doc: 'Short product version.' }),
    opt(O, 'FullVersion', Msg, { doc: 'Full product version.' }),
    opt(O, 'ProductUrl', Msg, { doc: 'Product web page.' }),
    opt(O, 'VendorUrl', Msg, { doc: 'Vendor web page.' }),
    opt(O, 'AppUrl', Msg, { doc: 'Web page of the deployed application.' }),
    many(O, 'Icon', Icon, { doc: 'An icon of the product.' }),
    choice('entries', [opt(O, 'Category', Msg, { doc: 'A heading that groups the properties after it.' }), opt(O, 'Property', Property, { doc: 'One OVF property: key, type and value.' })]),
  ],
  attrs: [attr('class', string, { doc: "Class of the product's properties (default empty).", ns: O, default: '' }), attr('instance', string, { doc: "Instance of the product's properties (default empty).", ns: O, default: '' })],
  anyTail: true,
});
