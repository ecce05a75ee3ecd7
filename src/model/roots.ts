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
  children: [opt(V, 'VAppParent', Reference, { readOnly: true }), opt(V, 'InstantiationParams', InstantiationParams)],
  attrs: [attr('deploy', boolean, { default: 'true', explicit: true }), attr('powerOn', boolean, { default: 'true', explicit: true })],
});

/** InstantiateVAppParamsType: Source (required) and the per-VM parts shared by instantiate and clone. */
const InstantiateVAppParams = extend(VAppCreationParams, 'InstantiateVAppParamsType', {
  children: [
    one(V, 'Source', Reference),
    opt(V, 'IsSourceDelete', leaf(boolean), { since: '1.0' }),
    many(V, 'SourcedVmInstantiationParams', SourcedVmInstantiationParams, { since: '5.1', deprecated: '5.6', removed: '30.0', replacement: 'SourcedItem' }),
    many(V, 'SourcedItem', SourcedItem, { since: '5.6' }),
  ],
  attrs: [attr('linkedClone', boolean)],
});

const AllEULAsAccepted = opt(V, 'AllEULAsAccepted', leaf(boolean));

/** InstantiateVAppTemplateParams: a new vApp from a vApp template (POST /vdc/{id}/action/instantiateVAppTemplate). */
export const InstantiateVAppTemplateParams = extend(InstantiateVAppParams, 'InstantiateVAppTemplateParamsType', {
  children: [AllEULAsAccepted],
});

/** CloneVAppParams: a copy (or, with IsSourceDelete, a move) of a vApp. No AllEULAsAccepted. */
export const CloneVAppParams = extend(InstantiateVAppParams, 'CloneVAppParamsType', {});

/** ComposeVAppParams: a new vApp from VMs of templates and vApps (POST /vdc/{id}/action/composeVApp). */
export const ComposeVAppParams = extend(VAppCreationParams, 'ComposeVAppParamsType', {
  children: [many(V, 'SourcedItem', SourcedItem), many(V, 'CreateItem', xml('VmType')), AllEULAsAccepted],
  attrs: [attr('linkedClone', boolean)],
});

/** RecomposeVAppParams: add, delete and reconfigure VMs of an existing vApp. DeleteItem comes after AllEULAsAccepted. */
export const RecomposeVAppParams = extend(ComposeVAppParams, 'RecomposeVAppParamsType', {
  children: [many(V, 'DeleteItem', Reference, { since: '1.0' }), many(V, 'ReconfigureItem', xml('VmType'), { since: '5.7' })],
});

/** InstantiateOvfParams: a new vApp from an OVF package uploaded after the call. */
export const InstantiateOvfParams = extend(VAppCreationParams, 'InstantiateOvfParamsType', {
  children: [
    AllEULAsAccepted,
    opt(V, 'RemoveNonStandardOvfExtensions', leaf(boolean), { since: '5.9' }),
    many(V, 'NetworkMapping', NetworkMapping, { since: '5.5' }),
    many(V, 'InstantiateOvfProperty', InstantiateOvfProperty, { since: '5.5' }),
    many(V, 'InstantiateVmParams', InstantiateVmParams, { since: '5.5' }),
  ],
  attrs: [attr('transferFormat', string)],
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
