/**
 * `client.schemas(dir)`: the server's schema set downloaded so that `validate --schema-dir DIR`
 * works offline and agrees with the bundled validation. Two server layouts: (1) our bundled set
 * served the way a cell serves its own (flat, DMTF/W3C imports pointing at their real hosts), always;
 * (2) the official Cloud Director 10.2 set from ../shared/reference (read, never copied into the
 * project), with its relative includes across folders, when that folder is present.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/index.js';
import { connect } from '../../src/vcd/index.js';
import { FakeVcd } from './fake-vcd.js';

const ROOT = join(import.meta.dirname, '../..');
const XSD = join(ROOT, 'xsd');
const work = mkdtempSync(join(tmpdir(), 'vmparams-vcd-schemas-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fixtures to compare verdicts on: every valid and invalid request document. */
function documents(): string[] {
  const out: string[] = [];
  for (const d of ['fixtures/valid', 'fixtures/invalid']) {
    const abs = join(ROOT, d);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) if (f.endsWith('.xml')) out.push(join(abs, f));
  }
  return out;
}

/** Verdicts (valid or not, and the xsd problem lines) of each document under a schema set. */
async function verdicts(schemaDir?: string): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const f of documents()) {
    const r = await validate(readFileSync(f), { lint: false, ...(schemaDir ? { schemaDir } : {}) });
    out[relative(ROOT, f)] = r.valid;
  }
  return out;
}

/** Where a real cell points the imports of namespaces it does not serve (REF examples; vcd-api-facts.md §7). */
const OFF_SERVER: Record<string, string> = {
  'ovf.xsd': 'http://schemas.dmtf.org/ovf/envelope/1/dsp8023_1.1.0.xsd',
  'ovfenv.xsd': 'http://schemas.dmtf.org/ovf/environment/1/dsp8027_1.1.0.xsd',
  'cim-common.xsd': 'http://schemas.dmtf.org/wbem/wscim/1/common.xsd',
  'rasd.xsd': 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2.22.0/CIM_ResourceAllocationSettingData.xsd',
  'vssd.xsd': 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2.22.0/CIM_VirtualSystemSettingData.xsd',
  'xml.xsd': 'http://www.w3.org/2001/xml.xsd',
};

async function download(vcd: FakeVcd, name: string) {
  await vcd.start();
  const dir = join(work, name);
  try {
    const c = await connect({ server: vcd.url });
    try {
      return { dir, report: await c.schemas(dir) };
    } finally {
      await c.close();
    }
  } finally {
    await vcd.stop();
  }
}

describe('vcd schemas: a cell serving its set flat, DMTF imports on dmtf.org', () => {
  // Our vcloud.xsd and vmw.xsd stand in for the cell's files; only the import locations change.
  const served = new Map<string, string>();
  for (const f of ['master.xsd', 'vcloud.xsd', 'vmw.xsd']) {
    const text = readFileSync(join(XSD, f), 'utf8').replace(/schemaLocation="([\w-]+\.xsd)"/g, (m, loc: string) => (OFF_SERVER[loc] ? `schemaLocation="${OFF_SERVER[loc]}"` : m));
    served.set(`/api/v1.5/schema/${f}`, text);
  }

  it('downloads the server files, fills the others from the bundled set, and validate --schema-dir agrees with the bundled validation', async () => {
    const vcd = new FakeVcd({ schemas: served });
    const { dir, report } = await download(vcd, 'flat');
    expect(report.downloaded.map((d) => d.file).sort()).toEqual(['master.xsd', 'vcloud.xsd', 'vmw.xsd']);
    // What vcloud.xsd and vmw.xsd import from elsewhere (vssd and xml only through ovf.xsd).
    expect(report.bundled.map((b) => `${b.url} -> ${b.file} (${b.from})`).sort()).toEqual([
      'http://schemas.dmtf.org/ovf/envelope/1/dsp8023_1.1.0.xsd -> bundled/dsp8023_1.1.0.xsd (xsd/ovf.xsd)',
      'http://schemas.dmtf.org/ovf/environment/1/dsp8027_1.1.0.xsd -> bundled/dsp8027_1.1.0.xsd (xsd/ovfenv.xsd)',
      'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2.22.0/CIM_ResourceAllocationSettingData.xsd -> bundled/CIM_ResourceAllocationSettingData.xsd (xsd/rasd.xsd)',
      'http://schemas.dmtf.org/wbem/wscim/1/common.xsd -> bundled/common.xsd (xsd/cim-common.xsd)',
    ]);
    expect(readdirSync(join(dir, 'bundled')).sort()).toEqual(['CIM_ResourceAllocationSettingData.xsd', 'CIM_VirtualSystemSettingData.xsd', 'common.xsd', 'dsp8023_1.1.0.xsd', 'dsp8027_1.1.0.xsd', 'xml.xsd']);
    // Every file is byte for byte what the server sent (or the bundled copy): nothing rewritten.
    expect(readFileSync(join(dir, 'vcloud.xsd'), 'utf8')).toBe(served.get('/api/v1.5/schema/vcloud.xsd'));
    // The bundled copies differ from xsd/ only in their import locations, now the official URLs.
    const copy = readFileSync(join(dir, 'bundled', 'dsp8023_1.1.0.xsd'), 'utf8');
    expect(copy).toBe(readFileSync(join(XSD, 'ovf.xsd'), 'utf8').replace('schemaLocation="xml.xsd"', 'schemaLocation="http://www.w3.org/2001/xml.xsd"').replace('schemaLocation="cim-common.xsd"', 'schemaLocation="http://schemas.dmtf.org/wbem/wscim/1/common.xsd"').replace('schemaLocation="vssd.xsd"', `schemaLocation="${OFF_SERVER['vssd.xsd']}"`).replace('schemaLocation="rasd.xsd"', `schemaLocation="${OFF_SERVER['rasd.xsd']}"`));
    expect(vcd.seen.every((q) => !q.headers.authorization)).toBe(true); // no login was needed
    expect(vcd.seen.every((q) => !q.url.includes('dmtf') && !q.url.includes('w3.org'))).toBe(true);
    const bundled = await verdicts();
    expect(Object.values(bundled).filter((v) => !v).length).toBeGreaterThan(3); // the comparison covers invalid documents too
    expect(await verdicts(dir)).toEqual(bundled);
  });

  it('an import that is neither on the server nor bundled is a clear error; so is a missing file', async () => {
    const odd = new Map(served);
    odd.set('/api/v1.5/schema/vcloud.xsd', served.get('/api/v1.5/schema/vcloud.xsd')!.replace('</xsd:schema>', '<xsd:import namespace="urn:other" schemaLocation="https://other.example.org/x.xsd"/></xsd:schema>'));
    await expect(download(new FakeVcd({ schemas: odd }), 'odd')).rejects.toThrow(/vcloud\.xsd imports https:\/\/other\.example\.org\/x\.xsd \(namespace urn:other\), which is neither on the server nor bundled with vmparams/);
    const missing = new Map(served);
    missing.delete('/api/v1.5/schema/vmw.xsd');
    await expect(download(new FakeVcd({ schemas: missing }), 'missing')).rejects.toMatchObject({ kind: 'http', message: 'GET /api/v1.5/schema/vmw.xsd: HTTP 401 (the server wants a login for it: give --org with --user or --token)' });
  });
});

const REF = join(ROOT, '../shared/reference/vcd-api-schemas/etc');
const haveRef = existsSync(join(REF, '1.5/schemas/master/master.xsd'));
if (!haveRef) console.log(`skipping the official-schema download test: ${REF} is absent`);

describe.skipIf(!haveRef)('vcd schemas: the official 10.2 set with its folders', () => {
  /**
   * URL path -> file of the reference tree: `/api/v1.5/<folder>/<file>` for etc/1.5/schemas, `/<path>`
   * for the rest of etc/, and master.xsd also at the entry URL (the extension schemas import it as
   * ../master/master.xsd, so it is served at both places, as a relative layout needs).
   */
  function served(): Map<string, string> {
    const map = new Map<string, string>();
    const walk = (abs: string) => {
      for (const e of readdirSync(abs)) {
        const p = join(abs, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (e.endsWith('.xsd')) {
          const rel = relative(REF, p).split('\\').join('/');
          const url = rel.startsWith('1.5/schemas/') ? `/api/v1.5/${rel.slice('1.5/schemas/'.length)}` : `/${rel}`;
          map.set(url, readFileSync(p, 'utf8'));
          if (rel === '1.5/schemas/master/master.xsd') map.set('/api/v1.5/schema/master.xsd', readFileSync(p, 'utf8'));
        }
      }
    };
    walk(REF);
    return map;
  }

  it('keeps the URL layout so relative includes resolve, writes the entry, and validates like the reference set', async () => {
    const vcd = new FakeVcd({ schemas: served() });
    const { dir, report } = await download(vcd, 'official');
    expect(report.downloaded.length).toBeGreaterThan(40);
    expect(readFileSync(join(dir, 'master.xsd'), 'utf8')).toContain('<xs:include schemaLocation="api/v1.5/schema/master.xsd"/>');
    expect(existsSync(join(dir, 'schemas/external/ovf1.1/ovf-vmware.xsd'))).toBe(true);
    expect(report.bundled.map((b) => b.namespace).sort()).toContain('http://schemas.dmtf.org/ovf/envelope/1');
    expect(await verdicts(dir)).toEqual(await verdicts(REF));
  });
});
