/**
 * GuestCustomizationSection (vApp.xsd GuestCustomizationSection_Type, 1.0; schema-facts.md §4.5).
 * Strict order; Link comes last here (first in the Lease and NetworkConfig sections).
 */
import { NS } from '../../xml/names.js';
import { boolean, int, string } from '../codecs.js';
import { extend, leaf, many, opt } from '../dsl.js';
import { Link, vcloudSectionBase } from '../common.js';

const V = NS.vcloud;

export const GuestCustomizationSection = extend(vcloudSectionBase('Specifies Guest OS Customization Settings'), 'GuestCustomizationSection_Type', {
  children: [
    opt(V, 'Enabled', leaf(boolean)),
    opt(V, 'ChangeSid', leaf(boolean)),
    opt(V, 'VirtualMachineId', leaf(string), { readOnly: true }),
    opt(V, 'JoinDomainEnabled', leaf(boolean)),
    opt(V, 'UseOrgSettings', leaf(boolean)),
    opt(V, 'DomainName', leaf(string)),
    opt(V, 'DomainUserName', leaf(string)),
    opt(V, 'DomainUserPassword', leaf(string)),
    opt(V, 'MachineObjectOU', leaf(string), { since: '5.1' }),
    opt(V, 'AdminPasswordEnabled', leaf(boolean)),
    opt(V, 'AdminPasswordAuto', leaf(boolean)),
    opt(V, 'AdminPassword', leaf(string)),
    opt(V, 'AdminAutoLogonEnabled', leaf(boolean), { since: '5.5' }),
    opt(V, 'AdminAutoLogonCount', leaf(int), { since: '5.5' }),
    opt(V, 'ResetPasswordRequired', leaf(boolean)),
    opt(V, 'CustomizationScript', leaf(string)),
    opt(V, 'ComputerName', leaf(string)),
    many(V, 'Link', Link, { readOnly: true }),
  ],
  anyTail: true,
});
