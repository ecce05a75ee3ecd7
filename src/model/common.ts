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
  attrs: [attr('required', boolean, { doc: 'Whether the server must understand this extension to process the request (default true).', default: 'true' })],
  anyAttr: true,
  anyTail: true,
});

/** VCloudExtensibleType (abstract): every vCloud type starts with VCloudExtension* and accepts foreign attributes. */
export const VCloudExtensible = complex('VCloudExtensibleType', {
  children: [many(V, 'VCloudExtension', VCloudExtension, { doc: 'Vendor extension content in another namespace; kept and sent as written.' })],
  anyAttr: true,
});

/** ReferenceType: a link to another entity by `href` (required). */
export const Reference = extend(VCloudExtensible, 'ReferenceType', {
  attrs: [attr('href', anyURI, { doc: 'URL of the referenced entity (the full API URL, e.g. https://vcd.example.com/api/vAppTemplate/vappTemplate-...).', required: true }), attr('id', string, { doc: "The referenced entity's id (a URN such as urn:vcloud:vm:...)." }), attr('type', string, { doc: 'Media type of the referenced entity (e.g. application/vnd.vmware.vcloud.vm+xml).' }), attr('name', string, { doc: 'Name of the referenced entity.' })],
});

/** LinkType: read-only navigation links the server puts in responses. */
export const Link = extend(Reference, 'LinkType', {
  attrs: [attr('rel', string, { doc: 'The relationship of the link to the entity that contains it (server output).', required: true }), attr('model', string, { doc: 'The OpenAPI model of the linked entity (server output).', since: '33.0' })],
});

/** ResourceType: `Link*` plus read-only `href`/`type`. */
export const Resource = extend(VCloudExtensible, 'ResourceType', {
  children: [many(V, 'Link', Link, { doc: 'A link the server puts in its responses; ignored in a request.', readOnly: true })],
  attrs: [attr('href', anyURI, { doc: 'URL of this entity, set by the server.', readOnly: true }), attr('type', string, { doc: 'Media type of this entity, set by the server.', readOnly: true })],
});

/** ParamsType: the base of every request root: `Description` and `@name`. */
export const Params = extend(VCloudExtensible, 'ParamsType', {
  children: [opt(V, 'Description', leaf(string), { doc: 'Free-text description.' })],
  attrs: [attr('name', string, { doc: 'Name of the new vApp (the schema allows leaving it out; the server requires one).' })],
});

/** ovf:Msg_Type: localizable text with `ovf:msgid`. */
export const Msg = attributedLeaf(string, { attrs: [attr('msgid', string, { doc: 'Message id for localized text (OVF).', ns: O, default: '' })] });

/**
 * The `ovf:Info` particle every section starts with (required by the schema). Build fills it in when
 * missing, so the model types it as optional.
 */
export const info = (text: string) => one(O, 'Info', Msg, { doc: 'Human-readable description of the section; the first child of every OVF and vCloud section.', autofill: () => text }) as unknown as ElementParticle<'Info', typeof Msg, 0, false>;

/** ovf:Section_Type: `ovf:Info` first, `@ovf:required` (default true), any attribute. */
export const sectionBase = (infoText: string) =>
  complex('Section_Type', {
    children: [info(infoText)],
    attrs: [attr('required', boolean, { doc: 'Whether the section must be understood by whoever deploys it (OVF; default true).', ns: O, default: 'true' })],
    anyAttr: true,
  });

/** A vCloud section: ovf:Section_Type plus read-only `href`/`type` (vCloud attributes are unqualified). */
export const vcloudSectionBase = (infoText: string) =>
  extend(sectionBase(infoText), 'Section_Type', {
    attrs: [attr('href', anyURI, { doc: 'URL of this section, set by the server.', readOnly: true }), attr('type', string, { doc: 'Media type of this section, set by the server.', readOnly: true })],
  });
