/**
 * The README's picture of the playground, docs/playground.png, taken by this test in chromium.
 * `UPDATE=1 npx vitest run test/playground/screenshot.test.ts` (re)writes it; otherwise the test
 * checks that it is current without comparing pixels (fonts and anti-aliasing differ between
 * machines): the PNG carries, in a tEXt chunk, a fingerprint of what the picture shows (the page's
 * template and stylesheet, the document, and the text of every visible pane but the editor's, whose
 * rendered lines depend on font metrics, so the document stands for them). A change that alters what
 * the screenshot would show changes the fingerprint, and the test names the command that retakes it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from './cases.js';
import { open, ROOT, SKIP, startSession, type Session } from './page.js';
import { sizeOf, textOf, withText } from './png.js';

const PNG = join(ROOT, 'docs/playground.png');
const KEYWORD = 'vmparams:playground-fingerprint';
const VIEWPORT = { width: 1280, height: 860 };
/** The scene: a ComposeVAppParams whose MANUAL NIC lost its address, that problem clicked. */
const SCENE = cases().find((c) => c.name === 'fixtures/valid/compose-full-vm.xml - IpAddress of a MANUAL NIC')!;
const RULE = 'nic/manual-needs-ip';

describe.skipIf(SKIP)('docs/playground.png', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it(process.env.UPDATE ? 'is retaken (UPDATE=1)' : 'is current (UPDATE=1 retakes it)', async () => {
    const page = await open(s, `#xml=${Buffer.from(SCENE.text, 'utf8').toString('base64url')}`);
    await page.setViewportSize(VIEWPORT);
    await page.click(`#problems [data-rule="${RULE}"] button`);
    await page.waitForSelector('#rule-doc:not([hidden])');
    // Let the picture decode and CodeMirror finish its scroll before the shot.
    await page.waitForFunction(() => (document.querySelector('#graph img') as HTMLImageElement | null)?.complete === true);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.top, .toolbar, .problems-pane, .tabs, #panel-graph, .foot')]
        .map((e) => e.textContent)
        .concat((document.querySelector('#graph img') as HTMLImageElement).src, document.querySelector('style')!.textContent!)
        .join('\n\u0000'),
    );
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ VIEWPORT, RULE, text: SCENE.text, template: readFileSync(join(ROOT, 'playground/src/index.html'), 'utf8'), shown }))
      .digest('hex');
    if (process.env.UPDATE) {
      const png = await page.screenshot({ type: 'png' });
      writeFileSync(PNG, withText(png, KEYWORD, fingerprint));
      console.log(`wrote ${PNG} (${fingerprint.slice(0, 12)})`);
    }
    await page.close();
    expect(existsSync(PNG), 'docs/playground.png is missing: UPDATE=1 npx vitest run test/playground/screenshot.test.ts').toBe(true);
    const png = readFileSync(PNG);
    expect(sizeOf(png)).toEqual(VIEWPORT);
    expect(textOf(png, KEYWORD), 'docs/playground.png shows an older page: UPDATE=1 npx vitest run test/playground/screenshot.test.ts').toBe(fingerprint);
  });

  it('is the README\'s picture of the playground', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Playground'));
    expect(section.startsWith('\n## Playground')).toBe(true);
    expect(section).toMatch(/!\[[^\]]+\]\(docs\/playground\.png\)/);
  });
});
