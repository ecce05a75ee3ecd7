/**
 * Driving the built playground in Debian's chromium as a user would: open index.html from file://,
 * type or paste a document, wait for `#problems[data-state="done"]` and read what the page shows.
 * The page is built into a temporary folder per test file (scripts/playground-build.mjs), so a fresh
 * clone needs nothing built beforehand.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { buildPlayground, ROOT } from '../../scripts/playground-build.mjs';
import { chromiumMissing, launchChromium } from '../../scripts/playground-chromium.mjs';
import { validateSync, type Problem } from '../../src/browser.js';

export { ROOT };

/** Why the browser tests are skipped here (printed), or null when chromium is installed. */
export const SKIP = chromiumMissing();
if (SKIP) console.log(`test/playground: skipped in a browser: ${SKIP}`);

/** What a test file shares: the built page and a running browser. */
export interface Session {
  url: string;
  file: string;
  html: string;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Build the page (editor: codemirror unless given) and start chromium. */
export async function startSession(editor: 'codemirror' | 'textarea' = 'codemirror'): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'vmparams-playground-test-'));
  const built = await buildPlayground({ outDir: dir, editor });
  const browser = await launchChromium();
  return {
    url: pathToFileURL(built.file).href,
    file: built.file,
    html: built.html,
    context: browser.context,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Open the page (with a fragment, if given) and wait for its first verdict; page errors fail the test. */
export async function open(s: Session, fragment = ''): Promise<Page> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(s.url + fragment);
  await done(page);
  return page;
}

/** Script errors the page logged since it was opened. */
export const pageErrors = (page: Page): string[] => (page as Page & { errors: string[] }).errors;

/** Wait until the page has validated the current text. */
export async function done(page: Page): Promise<void> {
  await page.waitForSelector('#problems[data-state="done"]', { state: 'attached', timeout: 20_000 });
}

/**
 * Replace the editor's text as a user's paste does (select all, then a paste event carrying the
 * text, which CodeMirror reads from clipboardData; the textarea is filled), then wait for the verdict
 * on it. The stale "done" is cleared first, so the wait cannot be satisfied by the previous text.
 */
export async function setText(page: Page, text: string): Promise<void> {
  await page.evaluate(() => delete document.getElementById('problems')!.dataset.state);
  const area = page.locator('.ta-area');
  if ((await area.count()) > 0) await area.fill(text);
  else {
    const content = page.locator('.cm-content');
    await content.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await content.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }
  await done(page);
}

/** The problems as the page shows them: the data attributes, in page order. */
export async function shownProblems(page: Page): Promise<{ rule: string; severity: string; line: number }[]> {
  return page.$$eval('#problems [data-rule]', (els) =>
    els.map((e) => ({ rule: (e as HTMLElement).dataset.rule!, severity: (e as HTMLElement).dataset.severity!, line: Number((e as HTMLElement).dataset.line) })),
  );
}

/** The same fields of the library's own problems, in its order. */
export const expected = (problems: Problem[]) => problems.map((p) => ({ rule: p.rule, severity: p.severity, line: p.line }));

/** What validate says of `text` with the page's defaults (the CLI's). */
export const verdict = (text: string, apiVersion?: string) => validateSync(text, apiVersion ? { apiVersion } : {});

/** Every `.xml` file of a fixture folder, as [relative path, text]. */
export function fixtures(dir: string): [string, string][] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => [`${dir}/${f}`, readFileSync(join(ROOT, dir, f), 'utf8')]);
}

/** The request kind a document's root names (the tests pick documents by it). */
export function kindOf(text: string): string | undefined {
  return /<(?:[\w.-]+:)?(\w+Params)[\s/>]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))?.[1];
}
