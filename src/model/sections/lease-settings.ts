/** LeaseSettingsSection (vApp.xsd LeaseSettingsSection_Type; schema-facts.md §4.2): vApp-level leases. */
import { NS } from '../../xml/names.js';
import { dateTime, int } from '../codecs.js';
import { extend, leaf, many, opt } from '../dsl.js';
import { Link, vcloudSectionBase } from '../common.js';

const V = NS.vcloud;

export const LeaseSettingsSection = extend(vcloudSectionBase('Lease settings section'), 'LeaseSettingsSection_Type', {
  children: [
    many(V, 'Link', Link, { doc: 'Links the server adds to the section; ignored in a request.', readOnly: true }),
    opt(V, 'DeploymentLeaseInSeconds', leaf(int), { doc: 'How long the vApp may run before it is stopped, in seconds (0 = never).' }),
    opt(V, 'StorageLeaseInSeconds', leaf(int), { doc: 'How long the stopped vApp is kept, in seconds (0 = never expires).' }),
    opt(V, 'DeploymentLeaseExpiration', leaf(dateTime), { doc: 'When the runtime lease ends, set by the server.', readOnly: true }),
    opt(V, 'StorageLeaseExpiration', leaf(dateTime), { doc: 'When the storage lease ends, set by the server.', readOnly: true }),
  ],
  anyTail: true,
});
