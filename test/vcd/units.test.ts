/** The pure parts of the vcd client: version choice, Error bodies, media types, message location, proxy choice. */
import { describe, expect, it } from 'vitest';
import { actionHref, mediaTypeOf, readActionAnswer, targetMismatch } from '../../src/vcd/actions.js';
import { describeServerError, parseServerError } from '../../src/vcd/errors.js';
import { proxyFor } from '../../src/vcd/http.js';
import { locate } from '../../src/vcd/locate.js';
import { compareApiVersions, documentVersion, parseVersions, sessionVersion } from '../../src/vcd/versions.js';
import { KINDS } from '../../src/model/roots.js';
import { DEFAULT_VERSIONS, errorXml, supportedVersions } from './fake-vcd-data.js';

describe('versions', () => {
  const list = parseVersions(supportedVersions('https://vcd.example.com', DEFAULT_VERSIONS));

  it('reads VersionInfo and AlphaVersion, newest first, numerically', () => {
    expect(list.map((v) => v.version)).toEqual(['40.0.0-alpha', '38.1', '38.0', '37.2', '37.0', '36.3', '36.0', '35.0', '5.5']);
    expect(list.find((v) => v.version === '36.3')).toEqual({ version: '36.3', deprecated: true, alpha: false });
    expect(list[0]!.alpha).toBe(true);
  });

  it('sorts 5.10 above 5.9 and a release above its alpha', () => {
    expect(compareApiVersions('5.10', '5.9')).toBeGreaterThan(0);
    expect(compareApiVersions('39.0', '39.0.0-alpha')).toBeGreaterThan(0);
    expect(compareApiVersions('38.0', '38.0')).toBe(0);
  });

  it('picks the newest released, not deprecated version vmparams knows; never the alpha', () => {
    expect(documentVersion(list)).toBe('38.1');
    expect(sessionVersion(list)).toBe('38.1');
    const newer = parseVersions(supportedVersions('x', [{ version: '39.1' }, { version: '41.0' }, { version: '42.0.0-alpha', alpha: true }]));
    expect(documentVersion(newer)).toBe('39.1'); // 41.0 is newer than what vmparams has facts for
    expect(sessionVersion(newer)).toBe('41.0'); // the session is made at the newest the server lists
  });

  it('takes a requested version when listed (deprecated too), refuses one that is not', () => {
    expect(documentVersion(list, '36.3')).toBe('36.3');
    expect(() => documentVersion(list, '39.0')).toThrow(/does not offer API version 39\.0 \(it offers 38\.1, 38\.0, 37\.2, 37\.0, 36\.3 \(deprecated\)/);
    expect(() => documentVersion(list, '40.0')).toThrow(/does not offer/); // the alpha is not 40.0
  });

  it('refuses a server too old for cloudapi sessions, and an answer that is not SupportedVersions', () => {
    const old = parseVersions(supportedVersions('x', [{ version: '31.0' }, { version: '32.0' }]));
    expect(() => sessionVersion(old)).toThrow(/needs 33\.0 or later/);
    expect(() => parseVersions('<html><body>login</body></html>')).toThrow(/did not answer with SupportedVersions/);
    expect(() => parseVersions('not xml')).toThrow(/SupportedVersions/);
  });
});

describe('Error bodies', () => {
  it('reads the attributes, joins the lines and splits off the request id; no stack trace', () => {
    const e = parseServerError(errorXml(400, 'BAD_REQUEST', "Bad request\n  - Unexpected JAXB Exception\n  - cvc-complex-type.2.4.a: Invalid content was found starting with element 'FenceMode'."));
    expect(e).toEqual({
      majorErrorCode: 400,
      minorErrorCode: 'BAD_REQUEST',
      message: "Bad request - Unexpected JAXB Exception - cvc-complex-type.2.4.a: Invalid content was found starting with element 'FenceMode'.",
      requestId: '6c8a1d32-4b5f-4c1e-9e7d-2f0a3b4c5d6e',
    });
    expect(describeServerError(e!)).toBe("BAD_REQUEST (400): Bad request - Unexpected JAXB Exception - cvc-complex-type.2.4.a: Invalid content was found starting with element 'FenceMode'.");
  });

  it('reads the Error inside a failed Task and cloudapi JSON errors; nothing from other bodies', () => {
    const task = '<Task xmlns="http://www.vmware.com/vcloud/v1.5" status="error" href="h"><Error majorErrorCode="500" minorErrorCode="INTERNAL_SERVER_ERROR" message="boom"/></Task>';
    expect(parseServerError(task)).toEqual({ majorErrorCode: 500, minorErrorCode: 'INTERNAL_SERVER_ERROR', message: 'boom' });
    expect(parseServerError('{"minorErrorCode":"UNAUTHORIZED","message":"Invalid credentials","stackTrace":"x"}')).toEqual({ minorErrorCode: 'UNAUTHORIZED', message: 'Invalid credentials' });
    expect(parseServerError('<html>Bad Gateway</html>')).toBeUndefined();
    expect(parseServerError('{"headers":{"authorization":"Basic abc"}}')).toBeUndefined();
    expect(describeServerError({}, 502)).toBe('HTTP 502');
  });
});

describe('actions', () => {
  it('media type is application/vnd.vmware.vcloud.<kind with a lower-case first letter>+xml', () => {
    expect(KINDS.map(mediaTypeOf)).toEqual([
      'application/vnd.vmware.vcloud.instantiateVAppTemplateParams+xml',
      'application/vnd.vmware.vcloud.composeVAppParams+xml',
      'application/vnd.vmware.vcloud.recomposeVAppParams+xml',
      'application/vnd.vmware.vcloud.cloneVAppParams+xml',
      'application/vnd.vmware.vcloud.instantiateOvfParams+xml',
    ]);
    expect(actionHref('https://v/api/vdc/1/', 'ComposeVAppParams')).toBe('https://v/api/vdc/1/action/composeVApp');
    expect(actionHref('https://v/api/vApp/vapp-1', 'RecomposeVAppParams')).toBe('https://v/api/vApp/vapp-1/action/recomposeVApp');
  });

  it('refuses a vApp href for a VDC action and the reverse', () => {
    expect(targetMismatch('https://v/api/vApp/vapp-1', 'ComposeVAppParams')).toMatch(/sent to a VDC/);
    expect(targetMismatch('https://v/api/vdc/1', 'RecomposeVAppParams')).toMatch(/sent to the vApp it changes/);
    expect(targetMismatch('https://v/api/vdc/1', 'CloneVAppParams')).toBeUndefined();
  });

  it('reads a 202 with only a Location as a queued task', () => {
    expect(readActionAnswer('', 'https://v/api/task/1')).toEqual({ tasks: [{ href: 'https://v/api/task/1', status: 'queued' }], uploads: [] });
    expect(readActionAnswer('<Foo/>')).toBeUndefined();
  });
});

describe('locate', () => {
  const doc = `<?xml version="1.0" encoding="UTF-8"?>
<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
    xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" name="web">
  <InstantiationParams>
    <NetworkConfigSection>
      <ovf:Info>nets</ovf:Info>
      <NetworkConfig networkName="a">
        <Configuration>
          <FenceMode>bridged</FenceMode>
          <ParentNetwork href="https://vcd.example.com/api/network/018b194d-a08d-4f69-a869-8c325986dab9"/>
        </Configuration>
      </NetworkConfig>
      <NetworkConfig networkName="b">
        <Configuration>
          <ParentNetwork name="x"/>
          <FenceMode>bridgedd</FenceMode>
        </Configuration>
      </NetworkConfig>
    </NetworkConfigSection>
  </InstantiationParams>
  <SourcedItem>
    <Source href="https://vcd.example.com/api/vAppTemplate/vm-1"/>
    <InstantiationParams>
      <ovf:VirtualHardwareSection><ovf:Info>hw</ovf:Info>
        <ovf:Item><rasd:InstanceID>abc</rasd:InstanceID></ovf:Item>
      </ovf:VirtualHardwareSection>
    </InstantiationParams>
  </SourcedItem>
  <AllEULAsAccepted>true</AllEULAsAccepted>
</ComposeVAppParams>
`;

  it('cvc-complex-type.2.4.a names the element: its first occurrence, or the one a local schema problem names', () => {
    const msg = "Bad request - Unexpected JAXB Exception - cvc-complex-type.2.4.a: Invalid content was found starting with element 'ParentNetwork'. One of '{\"http://www.vmware.com/vcloud/v1.5\":SyslogServerSettings, \"http://www.vmware.com/vcloud/v1.5\":RouterInfo}' is expected.";
    expect(locate(msg, doc)).toEqual({ line: 10, column: 11, path: '/ComposeVAppParams/InstantiationParams/NetworkConfigSection/NetworkConfig[1]/Configuration/ParentNetwork', element: 'ParentNetwork' });
    const preferred = '/ComposeVAppParams/InstantiationParams/NetworkConfigSection/NetworkConfig[2]/Configuration/ParentNetwork';
    expect(locate(msg, doc, [preferred])).toMatchObject({ line: 15, column: 11, path: preferred });
  });

  it('an element named with the prefix the document used (bosh-deployment #266)', () => {
    expect(locate("cvc-complex-type.2.4.a: Invalid content was found starting with element 'rasd:InstanceID'. One of '{...}' is expected.", doc)).toMatchObject({ line: 25, column: 19, element: 'rasd:InstanceID' });
  });

  it('cvc-type.3.1.3, cvc-complex-type.2.4.b, attribute messages name the element', () => {
    expect(locate("cvc-type.3.1.3: The value 'bridgedd' of element 'FenceMode' is not valid.", doc)).toMatchObject({ line: 16, element: 'FenceMode' });
    expect(locate("cvc-complex-type.2.4.b: The content of element 'SourcedItem' is not complete. One of '{...}' is expected.", doc)).toMatchObject({ line: 21, column: 3, element: 'SourcedItem' });
    expect(locate("cvc-complex-type.3.2.2: Attribute 'foo' is not allowed to appear in element 'Source'.", doc)).toMatchObject({ line: 22, element: 'Source' });
  });

  it('messages that quote only a value find the element holding it', () => {
    expect(locate("cvc-enumeration-valid: Value 'bridgedd' is not facet-valid with respect to enumeration '[bridged, isolated, natRouted]'.", doc)).toMatchObject({ line: 16, element: 'FenceMode' });
    expect(locate("cvc-datatype-valid.1.2.1: 'abc' is not a valid value for 'integer'.", doc)).toMatchObject({ line: 25, element: 'InstanceID' });
  });

  it('an entity id or a quoted name the document uses', () => {
    expect(locate('No access to entity "com.vmware.vcloud.entity.network:018b194d-a08d-4f69-a869-8c325986dab9".', doc)).toMatchObject({ line: 10, element: 'ParentNetwork' });
    expect(locate('The VAPP name "web" is already used.', doc)).toMatchObject({ line: 2, column: 1, path: '/ComposeVAppParams' });
  });

  it('nothing for messages that name nothing in the document, or a document that is not XML', () => {
    expect(locate('The operation failed because no suitable resource was found.', doc)).toBeUndefined();
    expect(locate("cvc-complex-type.2.4.a: Invalid content was found starting with element 'Nope'.", doc)).toBeUndefined();
    expect(locate("cvc-complex-type.2.4.a: Invalid content was found starting with element 'A'.", '<A')).toBeUndefined();
  });
});

describe('proxyFor (curl semantics)', () => {
  const u = (s: string) => new URL(s);
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, lower case first', () => {
    expect(proxyFor(u('https://vcd.example.com'), { HTTPS_PROXY: 'http://p:3128' })).toBe('http://p:3128');
    expect(proxyFor(u('https://vcd.example.com'), { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' })).toBe('http://lower:1');
    expect(proxyFor(u('http://vcd.example.com'), { HTTPS_PROXY: 'http://p:3128' })).toBeUndefined();
    expect(proxyFor(u('http://vcd.example.com'), { HTTP_PROXY: 'http://p:8080' })).toBe('http://p:8080');
  });

  it('NO_PROXY: *, exact hosts, domains with or without a leading dot, ports, IPv6', () => {
    const env = (no: string) => ({ HTTPS_PROXY: 'http://p:3128', NO_PROXY: no });
    expect(proxyFor(u('https://vcd.example.com'), env('*'))).toBeUndefined();
    expect(proxyFor(u('https://vcd.example.com'), env('other.org, example.com'))).toBeUndefined();
    expect(proxyFor(u('https://vcd.example.com'), env('.example.com'))).toBeUndefined();
    expect(proxyFor(u('https://vcd.example.com'), env('*.example.com'))).toBeUndefined();
    expect(proxyFor(u('https://vcd.example.com'), env('ample.com'))).toBe('http://p:3128');
    expect(proxyFor(u('https://vcd.example.com:8443'), env('vcd.example.com:443'))).toBe('http://p:3128');
    expect(proxyFor(u('https://vcd.example.com:8443'), env('vcd.example.com:8443'))).toBeUndefined();
    expect(proxyFor(u('https://[::1]:8443'), env('[::1]'))).toBeUndefined();
    expect(proxyFor(u('https://127.0.0.1'), { HTTPS_PROXY: 'http://p:3128', no_proxy: '127.0.0.1' })).toBeUndefined();
  });
});
