/** Cases for guest/* rules. */
import { compose, createItem, gcs, LAN, ncs, nic, osSection, ovf, sourced, vmDoc } from '../docs.js';
import type { RuleCases } from '../tester.js';

const VM1 = 'SourcedItem 1 ("vm1")';
const g = (f: Record<string, string>, extra: string[] = []) => vmDoc([...extra, ncs([nic()]), gcs({ Enabled: 'true', ...f })]);

export default {
  'guest/password-needs-enabled': {
    valid: [g({ AdminPasswordEnabled: 'true', AdminPasswordAuto: 'false', AdminPassword: 'S3cret!x' })],
    invalid: [
      { code: g({ AdminPasswordEnabled: 'false', AdminPasswordAuto: 'false', AdminPassword: 'S3cret!x' }), errors: [{ messageId: 'notEnabled', data: { vm: VM1, enabled: 'false' }, at: '<AdminPassword>' }] },
      { code: g({ AdminPasswordEnabled: 'true', AdminPassword: 'S3cret!x' }), errors: [{ messageId: 'auto', data: { vm: VM1, auto: 'not set' }, at: '<AdminPassword>' }] },
    ],
  },
  'guest/password-required': {
    valid: [g({ AdminPasswordEnabled: 'true', AdminPasswordAuto: 'true' }), g({ AdminPasswordEnabled: 'true', AdminPasswordAuto: 'false', AdminPassword: 'x1' })],
    invalid: [{ code: g({ AdminPasswordEnabled: 'true', AdminPasswordAuto: 'false' }), errors: [{ messageId: 'missing', data: { vm: VM1 }, at: '<AdminPasswordAuto>' }] }],
  },
  'guest/password-options-ignored': {
    valid: [g({ AdminPasswordEnabled: 'true', AdminPasswordAuto: 'true', ResetPasswordRequired: 'true' }), g({ AdminPasswordEnabled: 'false', AdminPasswordAuto: 'false' })],
    invalid: [{ code: g({ AdminPasswordEnabled: 'false', AdminPasswordAuto: 'true', ResetPasswordRequired: 'true' }), errors: [{ messageId: 'ignored', data: { vm: VM1, field: 'AdminPasswordAuto' }, at: '<AdminPasswordAuto>' }, { messageId: 'ignored', data: { vm: VM1, field: 'ResetPasswordRequired' }, at: '<ResetPasswordRequired>' }] }],
  },
  'guest/auto-logon-count': {
    valid: [g({ AdminAutoLogonEnabled: 'true', AdminAutoLogonCount: '100' }), g({ AdminAutoLogonEnabled: 'false', AdminAutoLogonCount: '0' })],
    invalid: [
      { code: g({ AdminAutoLogonEnabled: 'true', AdminAutoLogonCount: '0' }), errors: [{ messageId: 'range', data: { vm: VM1, count: '0' }, at: '<AdminAutoLogonCount>' }] },
      { code: g({ AdminAutoLogonEnabled: 'true', AdminAutoLogonCount: '101' }), errors: [{ messageId: 'range', data: { vm: VM1, count: '101' } }] },
      { code: g({ AdminAutoLogonEnabled: 'true' }), errors: [{ messageId: 'missing', at: '<AdminAutoLogonEnabled>' }] },
      { code: g({ AdminAutoLogonEnabled: 'false', AdminAutoLogonCount: '3' }), errors: [{ messageId: 'notZero', data: { vm: VM1, count: 3 }, at: '<AdminAutoLogonCount>' }] },
    ],
  },
  'guest/domain-join-fields': {
    valid: [g({ JoinDomainEnabled: 'true', UseOrgSettings: 'true' }), g({ JoinDomainEnabled: 'true', DomainName: 'corp.example', DomainUserName: 'joiner', DomainUserPassword: 'pw' })],
    invalid: [
      { code: g({ JoinDomainEnabled: 'true', UseOrgSettings: 'false', DomainName: 'corp.example' }), errors: [{ messageId: 'missing', severity: 'error', data: { vm: VM1, fields: 'DomainUserName, DomainUserPassword', verb: 'are' }, at: '<JoinDomainEnabled>' }] },
      { code: g({ JoinDomainEnabled: 'false', DomainName: 'corp.example' }), errors: [{ messageId: 'ignored', severity: 'warning', data: { vm: VM1, fields: 'DomainName', verb: 'is', pronoun: 'it is' }, at: '<DomainName>' }] },
    ],
  },
  'guest/computer-name': {
    valid: [g({ ComputerName: 'web-01' }), g({ ComputerName: 'a-linux-host-with-long-name' }, [osSection('94', 'ubuntu64Guest')]), ovf({ body: ['<InstantiateVmParams id="web">', '<ComputerName>web01</ComputerName>', '</InstantiateVmParams>'] })],
    invalid: [
      { code: g({ ComputerName: 'web_01' }), errors: [{ messageId: 'chars', data: { vm: VM1, name: 'web_01', length: 6 }, at: '<ComputerName>' }] },
      { code: g({ ComputerName: '12345' }), errors: [{ messageId: 'digits', at: '<ComputerName>' }] },
      { code: g({ ComputerName: '-web' }), errors: [{ messageId: 'hyphen', at: '<ComputerName>' }] },
      { code: g({ ComputerName: 'windows-server-web01' }, [osSection('112', 'windows9Server64Guest')]), errors: [{ messageId: 'windowsLength', severity: 'error', data: { vm: VM1, name: 'windows-server-web01', length: 20 } }] },
      { code: g({ ComputerName: 'unknown-os-host-01' }), errors: [{ messageId: 'maybeWindowsLength', severity: 'warning', data: { vm: VM1, name: 'unknown-os-host-01', length: 18 } }] },
      { code: g({ ComputerName: 'h'.repeat(64) }, [osSection('94')]), errors: [{ messageId: 'length', data: { vm: VM1, name: 'h'.repeat(64), length: 64 } }] },
      { name: 'InstantiateVmParams', code: ovf({ body: ['<InstantiateVmParams id="web">', '<ComputerName>web.example.org</ComputerName>', '</InstantiateVmParams>'] }), errors: [{ messageId: 'chars', data: { vm: 'InstantiateVmParams 1 ("web")', name: 'web.example.org', length: 15 }, at: '<ComputerName>' }] },
    ],
  },
  'guest/customization-disabled': {
    valid: [g({ ComputerName: 'web-01' }), vmDoc([ncs([nic()]), gcs({ Enabled: 'false' })])],
    invalid: [
      { code: vmDoc([ncs([nic()]), gcs({ Enabled: 'false', ComputerName: 'web-01' })]), errors: [{ messageId: 'disabled', data: { vm: VM1, fields: 'ComputerName', verb: 'is' }, at: '<Enabled>' }] },
      { code: compose({ vapp: [LAN], items: [sourced({ gp: '<VmGeneralParams>\n<Name>vm1</Name>\n<NeedsCustomization>false</NeedsCustomization>\n</VmGeneralParams>', sections: [ncs([nic()]), gcs({ Enabled: 'true', AdminPasswordEnabled: 'true', AdminPasswordAuto: 'true' })] })] }), errors: [{ messageId: 'noCustomization', data: { vm: VM1, fields: 'AdminPasswordEnabled', verb: 'is' }, at: '<NeedsCustomization>' }] },
      { name: 'in a CreateItem', code: compose({ vapp: [LAN], items: [createItem({ sections: [ncs([nic()]), gcs({ Enabled: 'false', CustomizationScript: 'echo hi' })] })] }), errors: [{ messageId: 'disabled', data: { vm: 'CreateItem 1 ("blank1")', fields: 'CustomizationScript', verb: 'is' }, at: '<Enabled>' }] },
    ],
  },
  'guest/script-newlines': {
    valid: [g({ CustomizationScript: '#!/bin/sh&#13;echo hi&#13;' }), g({ CustomizationScript: 'echo one-line' })],
    invalid: [{ code: g({ CustomizationScript: '#!/bin/sh\necho hi\n' }), errors: [{ messageId: 'bareNewlines', data: { vm: VM1, count: 2 }, at: '<CustomizationScript>' }] }],
  },
  'guest/change-sid-windows': {
    valid: [g({ ChangeSid: 'true' }, [osSection('112', 'windows9Server64Guest')]), g({ ChangeSid: 'true' })],
    invalid: [{ code: g({ ChangeSid: 'true' }, [osSection('94', 'ubuntu64Guest')]), errors: [{ messageId: 'notWindows', data: { vm: VM1 }, at: '<ChangeSid>' }] }],
  },
} satisfies Record<string, RuleCases>;
