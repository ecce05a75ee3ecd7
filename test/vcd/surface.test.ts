/** The vcd surface as users reach it: `import { vcd, VcdError } from 'vmparams'` (interface.md, "Live Cloud Director"). */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('vcd namespace', () => {
  it('exports connect and VcdError; importing vmparams does not load the HTTP client', async () => {
    expect(typeof api.vcd.connect).toBe('function');
    expect(api.VcdError).toBe(api.vcd.VcdError);
    const e = new api.VcdError('http', 'm', { status: 400, server: { majorErrorCode: 400, minorErrorCode: 'BAD_REQUEST', message: 'x' }, place: { line: 3, column: 5, path: '/A/B', element: 'B' } });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'VcdError', kind: 'http', status: 400, majorErrorCode: 400, minorErrorCode: 'BAD_REQUEST', serverMessage: 'x', place: { line: 3, column: 5 } });
  });

  it('connect rejects a bad server URL with a VcdError, before any network', async () => {
    await expect(api.vcd.connect({ server: 'ftp://vcd.example.com' })).rejects.toMatchObject({ kind: 'usage', message: 'the server must be an http or https URL, not ftp:' });
    await expect(api.vcd.connect({ server: 'https://alice:pw@vcd.example.com' })).rejects.toMatchObject({ kind: 'usage' });
  });
});
