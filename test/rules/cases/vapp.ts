/** Cases for vapp/*, readonly/*, lease/*, name/* rules. */
import { clone, compose, createItem, instantiate, LAN, lease, ncs, nic, recompose, sourced, vmDoc } from '../docs.js';
import { fixed, type RuleCases } from '../tester.js';

const long = (n: number) => 'x'.repeat(n);

export default {
  'vapp/deploy-power-defaults': {
    valid: [vmDoc([ncs([nic()])]), recompose({ attrs: 'name="t"' })],
    invalid: [
      fixed({ code: instantiate({ attrs: 'name="t"' }), errors: [{ messageId: 'omitted', data: { attrs: 'deploy and powerOn', kind: 'InstantiateVAppTemplateParams', effect: 'deploy and power on the vApp' }, at: '<InstantiateVAppTemplateParams' }] }, ' name="t">', ' name="t" deploy="true" powerOn="true">'),
      fixed({ code: clone({ attrs: 'name="t" deploy="false"' }), errors: [{ messageId: 'omitted', data: { attrs: 'powerOn', kind: 'CloneVAppParams', effect: 'power on the vApp' } }] }, ' deploy="false">', ' deploy="false" powerOn="true">'),
      fixed(
        { name: 'fog writes the attributes only when the caller sets them', code: '<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" name="fog-app">\n<Description>d</Description>\n<AllEULAsAccepted>true</AllEULAsAccepted>\n</ComposeVAppParams>', errors: [{ messageId: 'omitted', line: 1, column: 1 }] },
        ' name="fog-app">',
        ' name="fog-app" deploy="true" powerOn="true">',
      ),
    ],
  },
  'vapp/power-on-without-deploy': {
    valid: [instantiate({ attrs: 'name="t" deploy="false" powerOn="false"' }), instantiate({ attrs: 'name="t" deploy="true" powerOn="true"' })],
    invalid: [
      { code: instantiate({ attrs: 'name="t" deploy="false" powerOn="true"' }), errors: [{ messageId: 'contradiction', at: '<InstantiateVAppTemplateParams' }] },
      { name: 'powerOn defaults to true', code: instantiate({ attrs: 'name="t" deploy="0"' }), errors: [{ messageId: 'contradiction' }] },
    ],
  },
  'vapp/empty-compose-powered': {
    valid: [compose({ attrs: 'name="t" deploy="false" powerOn="false"' }), vmDoc([ncs([nic()])])],
    invalid: [
      { code: compose({ attrs: 'name="t" deploy="true" powerOn="false"' }), errors: [{ messageId: 'empty', data: { attrs: 'deploy is true' }, at: '<ComposeVAppParams' }] },
      { code: compose({ attrs: 'name="t"' }), errors: [{ messageId: 'empty', data: { attrs: 'deploy is true by default and powerOn is true by default' } }] },
    ],
  },
  'vapp/name-required': {
    valid: [instantiate(), recompose({ attrs: 'deploy="true" powerOn="true"' })],
    invalid: [
      { code: instantiate({ attrs: 'deploy="true" powerOn="true"' }), errors: [{ messageId: 'missing', data: { kind: 'InstantiateVAppTemplateParams' }, at: '<InstantiateVAppTemplateParams' }] },
      { code: compose({ attrs: 'name=" " deploy="false" powerOn="false"' }), errors: [{ messageId: 'empty', data: { kind: 'ComposeVAppParams' } }] },
    ],
  },
  'readonly/ignored-value': {
    valid: [vmDoc([ncs([nic()])])],
    invalid: [
      { code: vmDoc([ncs([nic({ MACAddress: '00:50:56:01:02:03' })])]), errors: [{ messageId: 'element', data: { name: 'MACAddress' }, at: '<MACAddress>', severity: 'warning' }] },
      { name: 'needsCustomization copied from a response (go-vcloud-director writes it on NICs): info', code: vmDoc([ncs([nic({ attrs: 'needsCustomization="true"' })])]), errors: [{ messageId: 'attribute', data: { name: 'needsCustomization', element: 'NetworkConnection' }, at: '<NetworkConnection ', severity: 'info' }] },
      { code: compose({ vapp: [lease({ deploy: '0', deployExpiration: '2030-01-01T00:00:00Z' })], attrs: 'name="t" deploy="false" powerOn="false"' }), errors: [{ messageId: 'element', data: { name: 'DeploymentLeaseExpiration' }, at: '<DeploymentLeaseExpiration>', severity: 'warning' }] },
      { name: 'section href copied from a response (fog, vcloud-rest): info', code: vmDoc([ncs([nic()]).replace('<NetworkConnectionSection>', '<NetworkConnectionSection href="https://vcd.example.com/api/vApp/vm-1/networkConnectionSection/">')]), errors: [{ messageId: 'attribute', data: { name: 'href', element: 'NetworkConnectionSection' }, at: '<NetworkConnectionSection', severity: 'info' }] },
    ],
  },
  'lease/seconds': {
    valid: [compose({ vapp: [lease({ deploy: '0', storage: '3600' })], attrs: 'name="t" deploy="false" powerOn="false"' })],
    invalid: [
      { code: compose({ vapp: [lease({ deploy: '600' })], attrs: 'name="t" deploy="false" powerOn="false"' }), errors: [{ messageId: 'tooShort', data: { field: 'DeploymentLeaseInSeconds', value: '600' }, at: '<DeploymentLeaseInSeconds>' }] },
      { code: compose({ vapp: [lease({ deploy: '7200', storage: '-1' })], attrs: 'name="t" deploy="false" powerOn="false"' }), errors: [{ messageId: 'tooShort', data: { field: 'StorageLeaseInSeconds', value: '-1' }, at: '<StorageLeaseInSeconds>' }] },
    ],
  },
  'name/length': {
    valid: [compose({ attrs: `name="${long(128)}" deploy="false" powerOn="false"`, desc: long(256) })],
    invalid: [
      { code: compose({ attrs: `name="${long(129)}" deploy="false" powerOn="false"` }), errors: [{ messageId: 'name', data: { what: 'The vApp', length: 129 }, at: '<ComposeVAppParams' }] },
      { code: compose({ attrs: 'name="t" deploy="false" powerOn="false"', desc: long(257) }), errors: [{ messageId: 'description', data: { what: 'The vApp', length: 257 }, at: '<Description>' }] },
      { code: compose({ items: [sourced({ name: long(130) })] }), errors: [{ messageId: 'name', data: { what: 'SourcedItem 1 ("' + long(130) + '")', length: 130 }, at: '<Name>' }] },
      { code: compose({ vapp: [LAN], items: [createItem({ name: long(140) })] }), errors: [{ messageId: 'name', data: { what: `CreateItem 1 ("${long(140)}")`, length: 140 }, at: '<CreateItem' }] },
    ],
  },
} satisfies Record<string, RuleCases>;
