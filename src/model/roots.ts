/**
 * The five request roots (vApp.xsd; schema-facts.md §2). The root element's name is the request type
 * (`kind`). All derive from VAppCreationParamsType: Description, VAppParent, InstantiationParams,
 * then their own children; `deploy`/`powerOn` are documented to default to true.
 */
import { NS } from '../xml/names.js';
import { boolean, string } from './codecs.js';
import { attr, extend, leaf, many, one, opt, xml } from './dsl.js';
import { Params, Reference } from './common.js';
import { InstantiationParams } from './instantiation-params.js';
import { SourcedItem, SourcedVmInstantiationParams } from './sourced-item.js';
import { InstantiateOvfProperty, InstantiateVmParams, NetworkMapping } from './ovf-params.js';

const V = NS.vcloud;

/** VAppCreationParamsType: the common head of every request. */
export const VAppCreationParams = extend(Params, 'VAppCreationParamsType', {
  children: [opt(V, 'VAppParent', Reference, { doc: 'Reserved by the API, not implemented; the server ignores it.', readOnly: true }), opt(V, 'InstantiationParams', InstantiationParams, { doc: 'vApp-level sections: networks, leases, startup order, product properties, default storage profile.' })],
  attrs: [attr('deploy', boolean, { doc: 'Deploy the vApp once created (documented default true).', default: 'true', explicit: true }), attr('powerOn', boolean, { doc: 'Power the vApp on once deployed (documented default true).', default: 'true', explicit: true })],
});

/** InstantiateVAppParamsType: Source (required) and the per-VM parts shared by instantiate and clone. */
const InstantiateVAppParams = extend(VAppCreationParams, 'InstantiateVAppParamsType', {
  children: [
    one(V, 'Source', Reference, { doc: 'The vApp template (or, for a clone, the vApp) to start from, by href.' }),
    opt(V, 'IsSourceDelete', leaf(boolean), { doc: 'Delete the source after the operation: with CloneVAppParams this makes a move.', since: '1.0' }),
    many(V, 'SourcedVmInstantiationParams', SourcedVmInstantiationParams, { doc: 'Per-VM settings the old way; use SourcedItem instead.', since: '5.1', deprecated: '5.6', removed: '30.0', replacement: 'SourcedItem' }),
    many(V, 'SourcedItem', SourcedItem, { doc: 'Per-VM overrides for a VM of the source: name, hardware, NICs, customization, storage, policies.', since: '5.6' }),
  ],
  attrs: [attr('linkedClone', boolean, { doc: 'Reserved by the API, not implemented.' })],
});

const AllEULAsAccepted = opt(V, 'AllEULAsAccepted', leaf(boolean), { doc: 'Accept the license agreements of the sources; must be true when a source has a EulaSection.' });

/** InstantiateVAppTemplateParams: a new vApp from a vApp template (POST /vdc/{id}/action/instantiateVAppTemplate). */
export const InstantiateVAppTemplateParams = extend(InstantiateVAppParams, 'InstantiateVAppTemplateParamsType', {
  children: [AllEULAsAccepted],
});

/** CloneVAppParams: a copy (or, with IsSourceDelete, a move) of a vApp. No AllEULAsAccepted. */
export const CloneVAppParams = extend(InstantiateVAppParams, 'CloneVAppParamsType', {});

/** ComposeVAppParams: a new vApp from VMs of templates and vApps (POST /vdc/{id}/action/composeVApp). */
export const ComposeVAppParams = extend(VAppCreationParams, 'ComposeVAppParamsType', {
  children: [many(V, 'SourcedItem', SourcedItem, { doc: 'A VM (or the VMs of a vApp or template) to put into the new vApp, with its overrides.' }), many(V, 'CreateItem', xml('VmType'), { doc: 'A new blank VM described in full (VmType).' }), AllEULAsAccepted],
  attrs: [attr('linkedClone', boolean, { doc: 'Reserved by the API, not implemented.' })],
});

/** RecomposeVAppParams: add, delete and reconfigure VMs of an existing vApp. DeleteItem comes after AllEULAsAccepted. */
export const RecomposeVAppParams = extend(ComposeVAppParams, 'RecomposeVAppParamsType', {
  children: [many(V, 'DeleteItem', Reference, { doc: 'A VM of the vApp to delete, by href; comes after AllEULAsAccepted.', since: '1.0' }), many(V, 'ReconfigureItem', xml('VmType'), { doc: 'A VM of the vApp to reconfigure, described in full (VmType).', since: '5.7' })],
});

/** InstantiateOvfParams: a new vApp from an OVF package uploaded after the call. */
export const InstantiateOvfParams = extend(VAppCreationParams, 'InstantiateOvfParamsType', {
  children: [
    AllEULAsAccepted,
    opt(V, 'RemoveNonStandardOvfExtensions', leaf(boolean), { doc: 'Drop OVF extensions Cloud Director does not know from the uploaded package.', since: '5.9' }),
    many(V, 'NetworkMapping', NetworkMapping, { doc: 'Maps a network named in the OVF descriptor to a vCloud network.', since: '5.5' }),
    many(V, 'InstantiateOvfProperty', InstantiateOvfProperty, { doc: 'A value for an OVF property of the package.', since: '5.5' }),
    many(V, 'InstantiateVmParams', InstantiateVmParams, { doc: 'Settings for one VM of the OVF package, by its ovf:id.', since: '5.5' }),
  ],
  attrs: [attr('transferFormat', string, { doc: 'Format of the upload (e.g. the OVF or OVA media type).' })],
});

/** Every request root by its element name (= the document's `kind`). */
export const ROOTS = {
  InstantiateVAppTemplateParams,
  ComposeVAppParams,
  RecomposeVAppParams,
  CloneVAppParams,
  InstantiateOvfParams,
} as const;

export type Kind = keyof typeof ROOTS;
export const KINDS = Object.keys(ROOTS) as Kind[];

/** What each request does, in one line (language server hovers). */
export const ROOT_DOCS: Record<Kind, string> = {
  InstantiateVAppTemplateParams: 'Creates a vApp from a vApp template (POST /vdc/{id}/action/instantiateVAppTemplate).',
  ComposeVAppParams: 'Creates a vApp from VMs taken from templates and other vApps, or an empty vApp (POST /vdc/{id}/action/composeVApp).',
  RecomposeVAppParams: 'Adds, removes and reconfigures VMs of an existing vApp (POST /vApp/{id}/action/recomposeVApp).',
  CloneVAppParams: 'Copies a vApp, or moves it with IsSourceDelete (POST /vdc/{id}/action/cloneVApp).',
  InstantiateOvfParams: 'Creates a vApp from an OVF package uploaded after the call (POST /vdc/{id}/action/instantiateOvf).',
};
