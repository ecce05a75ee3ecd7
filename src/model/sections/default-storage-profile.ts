/** DefaultStorageProfileSection (vApp.xsd DefaultStorageProfileSection_Type, 5.1): the vApp's default storage profile by name. */
import { NS } from '../../xml/names.js';
import { string } from '../codecs.js';
import { extend, leaf, opt } from '../dsl.js';
import { vcloudSectionBase } from '../common.js';

export const DefaultStorageProfileSection = extend(vcloudSectionBase('Default storage profile'), 'DefaultStorageProfileSection_Type', {
  children: [opt(NS.vcloud, 'StorageProfile', leaf(string), { doc: "Name (not href) of the storage profile the vApp's VMs use by default." })],
  anyTail: true,
});
