/**
 * Shared vCloud and OVF base types (schema-facts.md §1, §4.1): VCloudExtensibleType, ReferenceType,
 * ResourceType, LinkType, ParamsType, ovf:Msg_Type and ovf:Section_Type.
 */
import { NS } from '../xml/names.js';
import { anyURI, boolean, string } from './codecs.js';
import { attr, attributedLeaf, complex, extend, many, one, opt, leaf, type ElementParticle } from './dsl.js';

const V = NS.vcloud;
const O = NS.ovf;

/** VCloudExtensionType: any foreign content, kept as is (`$any`), and `@required` (default true). */
export const VCloudExtension = complex('VCloudExtensionType', {
  children: [],
  attrs: [attr('required', boolean, { default: 'true' })],
  anyAttr: true,
  anyTail: true,
});

/** VCloudExtensibleType (abstract): every vCloud type starts with VCloudExtension* and accepts foreign attributes. */
export const VCloudExtensible = complex('VCloudExtensibleType', {
  children: [many(V, 'VCloudExtension', VCloudExtension)],
  anyAttr: true,
});

/** ReferenceType: a link to another entity by `href` (required). */
export const Reference = extend(VCloudExtensible, 'ReferenceType', {
  attrs: [attr('href', anyURI, { required: true }), attr('id', string), attr('type', string), attr('name', string)],
});

/** LinkType: read-only navigation links the server puts in responses. */
export const Link = extend(Reference, 'LinkType', {
  attrs: [attr('rel', string, { required: true }), attr('model', string, { since: '33.0' })],
});

/** ResourceType: `Link*` plus read-only `href`/`type`. */
export const Resource = extend(VCloudExtensible, 'ResourceType', {
  children: [many(V, 'Link', Link, { readOnly: true })],
  attrs: [attr('href', anyURI, { readOnly: true }), attr('type', string, { readOnly: true })],
});

/** ParamsType: the base of every request root: `Description` and `@name`. */
export const Params = extend(VCloudExtensible, 'ParamsType', {
  children: [opt(V, 'Description', leaf(string))],
  attrs: [attr('name', string)],
});

/** ovf:Msg_Type: localizable text with `ovf:msgid`. */
export const Msg = attributedLeaf(string, { attrs: [attr('msgid', string, { ns: O, default: '' })] });

/**
 * The `ovf:Info` particle every section starts with (required by the schema). Build fills it in when
 * missing, so the model types it as optional.
 */
export const info = (text: string) => one(O, 'Info', Msg, { autofill: () => text }) as unknown as ElementParticle<'Info', typeof Msg, 0, false>;

/** ovf:Section_Type: `ovf:Info` first, `@ovf:required` (default true), any attribute. */
export const sectionBase = (infoText: string) =>
  complex('Section_Type', {
    children: [info(infoText)],
    attrs: [attr('required', boolean, { ns: O, default: 'true' })],
    anyAttr: true,
  });

/** A vCloud section: ovf:Section_Type plus read-only `href`/`type` (vCloud attributes are unqualified). */
export const vcloudSectionBase = (infoText: string) =>
  extend(sectionBase(infoText), 'Section_Type', {
    attrs: [attr('href', anyURI, { readOnly: true }), attr('type', string, { readOnly: true })],
  });
