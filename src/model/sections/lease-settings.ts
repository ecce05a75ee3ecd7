/** LeaseSettingsSection (vApp.xsd LeaseSettingsSection_Type; schema-facts.md §4.2): vApp-level leases. */
import { NS } from '../../xml/names.js';
import { dateTime, int } from '../codecs.js';
import { extend, leaf, many, opt } from '../dsl.js';
import { Link, vcloudSectionBase } from '../common.js';

const V = NS.vcloud;

export const LeaseSettingsSection = extend(vcloudSectionBase('Lease settings section'), 'LeaseSettingsSection_Type', {
  children: [
    many(V, 'Link', Link, { readOnly: true }),
    opt(V, 'DeploymentLeaseInSeconds', leaf(int)),
    opt(V, 'StorageLeaseInSeconds', leaf(int)),
    opt(V, 'DeploymentLeaseExpiration', leaf(dateTime), { readOnly: true }),
    opt(V, 'StorageLeaseExpiration', leaf(dateTime), { readOnly: true }),
  ],
  anyTail: true,
});
