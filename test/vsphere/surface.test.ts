/** The instant-clone surface as users reach it: `import { instantClone } from 'vmparams'`. */
import { describe, expect, it } from 'vitest';
import * as vmparams from '../../src/index.js';
import * as vsphere from '../../src/vsphere/index.js';

describe('instantClone namespace', () => {
  it('is re-exported from the package entry with readable names', () => {
    const ic = vmparams.instantClone;
    expect(ic).toBe(vmparams.instantClone);
    for (const name of ['validate', 'privileges', 'convert', 'detectForm', 'send', 'Client', 'InstantCloneClient', 'rules', 'schemas']) {
      expect(ic, name).toHaveProperty(name);
    }
    expect(ic.Client).toBe(ic.InstantCloneClient);
    expect(ic.validateInstantClone).toBe(ic.validate);
  });

  it('error classes form one hierarchy and carry their names', () => {
    const types = Object.entries(vsphere.ERROR_CLASSES);
    expect(types.map(([t]) => t).sort()).toEqual(
      ['ALREADY_EXISTS', 'ERROR', 'INVALID_ARGUMENT', 'NOT_FOUND', 'RESOURCE_INACCESSIBLE', 'SERVICE_UNAVAILABLE', 'UNABLE_TO_ALLOCATE_RESOURCE', 'UNAUTHENTICATED', 'UNAUTHORIZED'],
    );
    for (const [type, Cls] of types) {
      const e = new Cls({ errorType: type, status: 400 });
      expect(e).toBeInstanceOf(vsphere.VapiError);
      expect(e).toBeInstanceOf(vsphere.InstantCloneError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(Cls.name);
    }
    expect(new vsphere.TimeoutError('t', 5)).toBeInstanceOf(vsphere.TransportError);
    expect(new vsphere.TlsError('t')).toBeInstanceOf(vsphere.TransportError);
  });
});
