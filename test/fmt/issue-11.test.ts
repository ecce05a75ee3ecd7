/**
 * Issue 11 "Nothing lost, nothing leaked", the fmt cases, each as the issue reproduced it (items 1,
 * 2, 3, 5 and the fmt half of 9; the disk-full and unwritable-folder runs are in cli.test.ts).
 */
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { readDocument } from '../../src/xml/reader.js';
import { SOURCE, V, XSI, fakeIo, kept, meaning } from './helpers.js';

const dir = fs.mkdtempSync(path.join(tmpdir(), 'vmparams-issue11-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let k = 0;
const file = (text: string | Uint8Array) => {
  const f = path.join(dir, `doc-${++k}.xml`);
  fs.writeFileSync(f, text);
  return f;
};
async function fmt(...args: string[]) {
  const io = fakeIo({ cwd: dir });
  const status = await run(['fmt', ...args], io);
  return { status, out: io.out, err: io.err };
}

describe('issue 11, fmt', () => {
  it('1. --write replaces the file whole: a new file renamed over the old one, never written into it', async () => {
    const f = file(`<InstantiateVAppTemplateParams xmlns="${V}"><Description>d</Description>${SOURCE}<AllEULAsAccepted>true</AllEULAsAccepted></InstantiateVAppTemplateParams>`);
    // A reader holding the old file (an editor, a concurrent save) keeps seeing the old content whole.
    const fd = fs.openSync(f, 'r');
    const before = fs.readFileSync(f, 'utf8');
    expect((await fmt('--write', f)).status).toBe(0);
    const old = Buffer.alloc(before.length);
    fs.readSync(fd, old, 0, old.length, 0);
    fs.closeSync(fd);
    expect(old.toString('utf8')).toBe(before);
    expect(fs.readFileSync(f, 'utf8')).toContain('\n  <Description>d</Description>\n');
  });

  it('1. in a batch one unwritable file does not stop the run: exit 1 (not 2) and the summary', async () => {
    const a = file(`<InstantiateVAppTemplateParams xmlns="${V}">${SOURCE}<Description>a</Description></InstantiateVAppTemplateParams>`);
    const b = file(`<InstantiateVAppTemplateParams xmlns="${V}">${SOURCE}<Description>b</Description></InstantiateVAppTemplateParams>`);
    fs.chmodSync(a, 0o444);
    const r = await fmt('--write', a, b);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/cannot write .*doc-\d+\.xml: the file is read-only \(mode 0444\); not replaced\n$/);
    expect(r.out).toMatch(/formatted\n1 file rewritten, 0 unchanged, 1 could not be written\n$/);
  });

  it('2. --write keeps comments and processing instructions, and says nothing about removing them', async () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- c0 -->\n<InstantiateVAppTemplateParams xmlns="${V}"><?app one?>${SOURCE}<!-- c1 --><Description>d<?app two?></Description></InstantiateVAppTemplateParams>\n<?app three?>\n`;
    const f = file(text);
    const r = await fmt('--write', f);
    expect(r.out).not.toMatch(/comment|removed/);
    expect(kept(readDocument(fs.readFileSync(f, 'utf8')))).toEqual(kept(readDocument(text)));
  });

  it('2. the comments of a UTF-16 file are kept too', async () => {
    const text = `\ufeff<?xml version="1.0" encoding="UTF-16"?>\n<InstantiateVAppTemplateParams xmlns="${V}">\n<!-- keep me -->\n<Description>d</Description>${SOURCE}</InstantiateVAppTemplateParams>\n`;
    const f = file(Buffer.from(text, 'utf16le'));
    expect((await fmt('--write', f)).status).toBe(0);
    const doc = readDocument(new Uint8Array(fs.readFileSync(f)));
    expect(kept(doc)).toContain('<!-- keep me -->');
    expect(doc.encoding.name).toBe('UTF-16LE');
  });

  it('3. xsi:type="xs:int" keeps xmlns:xs; in <x:B xmlns:x="urn:two" xsi:type="x:T2"/> x stays bound to urn:two', async () => {
    const text = `<InstantiateVAppTemplateParams xmlns="${V}" xmlns:xsi="${XSI}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:x="urn:one">${SOURCE}<VCloudExtension><x:A xsi:type="xs:int"/><x:B xmlns:x="urn:two" xsi:type="x:T2"/></VCloudExtension></InstantiateVAppTemplateParams>`;
    const f = file(text);
    const r = await fmt(f);
    expect(r.out).toContain('xmlns:xs="http://www.w3.org/2001/XMLSchema"');
    expect(r.out).toContain('<x:B xmlns:x="urn:two" xsi:type="x:T2"/>');
    expect(meaning(readDocument(r.out))).toBe(meaning(readDocument(text)));
  });

  it('5. xml:space="preserve" content is not re-indented; mixed content is not reordered; --check passes right after --write', async () => {
    const preserve = `<VCloudExtension xml:space="preserve">\n      <a>  x  </a>\n</VCloudExtension>`;
    const mixed = '<Description>desc <b>bold</b> tail</Description>';
    const f = file(`<InstantiateVAppTemplateParams xmlns="${V}">${preserve}${SOURCE}${mixed}</InstantiateVAppTemplateParams>`);
    expect((await fmt('--write', f)).status).toBe(0);
    const out = fs.readFileSync(f, 'utf8');
    expect(out).toContain(`  ${preserve}\n`);
    expect(out).toContain(`  ${mixed}\n`);
    expect(await fmt('--check', f)).toMatchObject({ status: 0, out: '✔ 1 file formatted\n' });
  });

  it('9. --max-depth and --max-size are taken, as the error messages say', async () => {
    const deep = file(`<InstantiateVAppTemplateParams xmlns="${V}"><VCloudExtension>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</VCloudExtension></InstantiateVAppTemplateParams>`);
    const refused = await fmt(deep);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/\(raise the limit with --max-depth\)\n$/);
    expect((await fmt('--max-depth', '400', deep)).status).toBe(0);
    const tooBig = await fmt('--max-size', '10', deep);
    expect(tooBig.err).toMatch(/\(raise it with --max-size\)\n$/);
    expect((await fmt('--max-size', '1M', '--max-depth', '400', deep)).status).toBe(0);
  });
});
