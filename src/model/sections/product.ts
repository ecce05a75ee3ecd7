/** ovf:ProductSection (dsp8023 ProductSection_Type; schema-facts.md §4.9): product info and OVF properties. */
import { NS } from '../../xml/names.js';
import { boolean, string } from '../codecs.js';
import { attr, choice, complex, extend, many, opt } from '../dsl.js';
import { Msg, sectionBase } from '../common.js';

const O = NS.ovf;

/** PropertyConfigurationValue_Type: a value for one deployment configuration. */
export const PropertyValue = complex('PropertyConfigurationValue_Type', {
  children: [],
  attrs: [attr('value', string, { ns: O, required: true }), attr('configuration', string, { ns: O })],
  anyAttr: true,
  anyTail: true,
});

/** One `ovf:Property`: `ovf:key` and `ovf:type` are required. */
export const Property = complex('ProductSection_Property', {
  children: [opt(O, 'Label', Msg), opt(O, 'Description', Msg), many(O, 'Value', PropertyValue)],
  attrs: [
    attr('key', string, { ns: O, required: true }),
    attr('type', string, { ns: O, required: true }),
    attr('qualifiers', string, { ns: O }),
    attr('userConfigurable', boolean, { ns: O, default: 'false' }),
    attr('value', string, { ns: O, default: '' }),
    attr('password', boolean, { ns: O, default: 'false' }),
  ],
  anyAttr: true,
});

/** ovf:Icon. */
export const Icon = complex('ProductSection_Icon', {
  children: [],
  attrs: [attr('height', string, { ns: O }), attr('width', string, { ns: O }), attr('mimeType', string, { ns: O }), attr('fileRef', string, { ns: O })],
  anyAttr: true,
});

export const ProductSection = extend(sectionBase('Information about the installed software'), 'ProductSection_Type', {
  children: [
    opt(O, 'Product', Msg),
    opt(O, 'Vendor', Msg),
    opt(O, 'Version', Msg),
    opt(O, 'FullVersion', Msg),
    opt(O, 'ProductUrl', Msg),
    opt(O, 'VendorUrl', Msg),
    opt(O, 'AppUrl', Msg),
    many(O, 'Icon', Icon),
    choice('entries', [opt(O, 'Category', Msg), opt(O, 'Property', Property)]),
  ],
  attrs: [attr('class', string, { ns: O, default: '' }), attr('instance', string, { ns: O, default: '' })],
  anyTail: true,
});
