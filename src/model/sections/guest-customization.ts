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
    opt(V, 'Enabled', leaf(boolean), { doc: 'Customize the guest OS when the VM is deployed.' }),
    opt(V, 'ChangeSid', leaf(boolean), { doc: 'Give a Windows guest a new security identifier (SID).' }),
    opt(V, 'VirtualMachineId', leaf(string), { doc: "The VM's id used for customization, set by the server.", readOnly: true }),
    opt(V, 'JoinDomainEnabled', leaf(boolean), { doc: 'Join the guest to a Windows domain.' }),
    opt(V, 'UseOrgSettings', leaf(boolean), { doc: "Use the organization's domain settings instead of those below." }),
    opt(V, 'DomainName', leaf(string), { doc: 'Windows domain to join.' }),
    opt(V, 'DomainUserName', leaf(string), { doc: 'Account allowed to join machines to the domain.' }),
    opt(V, 'DomainUserPassword', leaf(string), { doc: 'Password of that account.' }),
    opt(V, 'MachineObjectOU', leaf(string), { doc: 'Organizational unit (distinguished name) for the computer account.', since: '5.1' }),
    opt(V, 'AdminPasswordEnabled', leaf(boolean), { doc: 'Set an administrator (root) password in the guest.' }),
    opt(V, 'AdminPasswordAuto', leaf(boolean), { doc: 'Let the server generate that password.' }),
    opt(V, 'AdminPassword', leaf(string), { doc: 'The administrator password, when not generated.' }),
    opt(V, 'AdminAutoLogonEnabled', leaf(boolean), { doc: 'Log the administrator on automatically after customization.', since: '5.5' }),
    opt(V, 'AdminAutoLogonCount', leaf(int), { doc: 'How many automatic logons (1-100 when enabled, else 0).', since: '5.5' }),
    opt(V, 'ResetPasswordRequired', leaf(boolean), { doc: 'Make the administrator change the password at first logon.' }),
    opt(V, 'CustomizationScript', leaf(string), { doc: 'Script run in the guest during customization (line breaks as &#13;).' }),
    opt(V, 'ComputerName', leaf(string), { doc: 'Host name of the guest (Windows: at most 15 characters).' }),
    many(V, 'Link', Link, { doc: 'Links the server adds to the section; ignored in a request.', readOnly: true }),
  ],
  anyTail: true,
});
