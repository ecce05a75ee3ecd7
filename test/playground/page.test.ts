/**
 * The playground in a real browser (Debian's chromium via playwright-core), loaded from file:// as a
 * user opens it: the problems it shows (data-rule, data-severity, data-line) and the fmt result for
 * valid, schema-invalid and semantically wrong documents of every request type, compared with what
 * the library says in Node; the rule docs on click; the API-version picker; the `#xml=` fragment;
 * the examples; the picture. Skipped, with the reason printed, where no chromium is installed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, KINDS } from '../../scripts/playground-build.mjs';
import { format, graph, LATEST_API_VERSION, renderGraph, requestRules, validateSync } from '../../src/browser.js';
import { cases } from './cases.js';
import { done, expected, open, pageErrors, setText, shownProblems, SKIP, startSession, verdict, type Session } from './page.js';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const fmtOf = (text: string) => {
  try {
    return format(text).text;
  } catch {
    return null;
  }
};

describe.skipIf(SKIP)('the playground in chromium, from file://', () => {
  let s: Session;
  let page: Page;
  beforeAll(async () => {
    s = await startSession();
    page = await open(s);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  /** Paste `text`, then check the page against validate and format in Node. */
  async function showsWhatTheLibrarySays(text: string, name: string): Promise<ReturnType<typeof validateSync>> {
    await setText(page, text);
    const report = verdict(text);
    expect(await shownProblems(page), name).toEqual(expected(report.problems));
    expect(await page.textContent('#kind'), name).toBe(report.kind ?? 'not a request');
    const fmt = fmtOf(text);
    expect(await page.textContent('#fmt'), name).toBe(fmt ?? '');
    if (fmt === null) expect(await page.textContent('#fmt-state'), name).toMatch(/^Cannot format: /);
    return report;
  }

  it('opens with the CLI defaults (newest API version, rules on) and fetches nothing', async () => {
    const p = await s.context.newPage();
    const requests: string[] = [];
    p.on('request', (r) => requests.push(r.url()));
    await p.goto(s.url);
    await done(p);
    // '' = no --api-version: the newest, assumed (a removed element is a warning, as in the CLI).
    expect(await p.inputValue('#api-version')).toBe('');
    expect(await p.locator('#api-version option:checked').textContent()).toBe(`newest (${LATEST_API_VERSION}), assumed`);
    expect(await p.isChecked('#lint')).toBe(true);
    // Without a fragment the page shows its ComposeVAppParams example, validated as the CLI would.
    const compose = examples().find((e) => e.kind === 'ComposeVAppParams')!;
    expect(await shownProblems(p)).toEqual(expected(validateSync(compose.text).problems));
    // The page itself and the data: URL of the picture; no script, style or font is fetched.
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([s.url]);
    expect(/<script[^>]+src=|<link[^>]+stylesheet|type="module"/.exec(s.html)?.[0]).toBeUndefined();
    await p.close();
  });

  it('shows the problems and the fmt result of every fixture and of every request type in every category', async () => {
    const all = cases();
    const covered = new Set<string>();
    for (const c of all) {
      const report = await showsWhatTheLibrarySays(c.text, c.name);
      const rules = report.problems.map((p) => p.rule);
      if (c.category === 'valid') expect(report.valid, c.name).toBe(true);
      if (c.category === 'schema') expect(report.problems.some((p) => p.severity === 'error' && (p.rule === 'xsd' || p.rule === 'xml')), c.name).toBe(true);
      // A fixture with a .context.json needs that VDC description (tested below); the page has none by default.
      if (c.category === 'semantic' && !c.context) expect(rules.some((r) => r !== 'xsd' && r !== 'xml'), c.name).toBe(true);
      if (c.name.endsWith('MANUAL NIC')) expect(rules, c.name).toContain('nic/manual-needs-ip');
      covered.add(`${c.category} ${c.kind}`);
    }
    for (const category of ['valid', 'schema', 'semantic']) for (const kind of KINDS) expect(covered, `${category} ${kind}`).toContain(`${category} ${kind}`);
    expect(pageErrors(page)).toEqual([]);
  }, 300_000);

  it('clicking a problem shows its rule docs and highlights its line in the editor', async () => {
    const text = cases().find((c) => c.name.endsWith('MANUAL NIC') && c.kind === 'ComposeVAppParams')!.text;
    await setText(page, text);
    const problem = verdict(text).problems.find((p) => p.rule === 'nic/manual-needs-ip')!;
    await page.click(`#problems [data-rule="nic/manual-needs-ip"] button`);
    const rule = (await requestRules())['nic/manual-needs-ip']!;
    const doc = page.locator('#rule-doc');
    await expect.poll(() => doc.isVisible()).toBe(true);
    expect(await doc.locator('h3').textContent()).toBe('nic/manual-needs-ip');
    const shown = await doc.textContent();
    for (const part of [rule.description, rule.reason!, rule.fix!]) expect(shown).toContain(part);
    expect(await page.textContent('#problems .selected')).toContain(problem.message);
    // The editor's cursor line is the problem's line, marked, and in view.
    const flashed = page.locator('.cm-line.pg-line-flash');
    await expect.poll(() => flashed.count()).toBe(1);
    expect(await flashed.textContent()).toBe(text.split('\n')[problem.line - 1]);
    expect(await flashed.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    // Keyboard: the problems are buttons (Enter opens the docs too).
    await page.focus('#problems [data-rule] button');
    await page.keyboard.press('Enter');
    await expect.poll(() => doc.locator('h3').textContent()).toBe(verdict(text).problems[0]!.rule);
  });

  it('a VDC context turns on the context rules, shares in the link, and a bad one is named', async () => {
    const c = cases().find((x) => x.context)!;
    await setText(page, c.text);
    await page.click('#context-box summary');
    await page.fill('#context', c.context!);
    await page.evaluate(() => delete document.getElementById('problems')!.dataset.state);
    await done(page);
    const withContext = validateSync(c.text, { context: c.context });
    expect(withContext.problems.length).toBeGreaterThan(validateSync(c.text).problems.length);
    expect(await shownProblems(page)).toEqual(expected(withContext.problems));
    expect(await page.textContent('#context-state')).toBe('Context rules on.');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('&context=');
    const shared = await open(s, await page.evaluate(() => location.hash));
    expect(await shared.inputValue('#context')).toBe(c.context);
    expect(await shownProblems(shared)).toEqual(expected(withContext.problems));
    await shared.close();
    await page.fill('#context', '{ "networks": 3 }');
    await page.evaluate(() => delete document.getElementById('problems')!.dataset.state);
    await done(page);
    expect(await page.textContent('#context-state')).toMatch(/^invalid VDC context: \/networks: .*checked without a context\.$/);
    expect(await shownProblems(page)).toEqual(expected(validateSync(c.text).problems));
    await page.click('#context-clear');
    await done(page);
    await page.click('#context-box summary');
  });

  it('the API-version picker changes the verdict: ComputePolicy needs 33.0', async () => {
    const text = examples().find((e) => e.kind === 'ComposeVAppParams')!.text;
    expect(text).toContain('<ComputePolicy>');
    await setText(page, text);
    expect((await shownProblems(page)).filter((p) => p.severity === 'error')).toEqual([]);
    await page.selectOption('#api-version', '31.0');
    await done(page);
    const at31 = validateSync(text, { apiVersion: '31.0' });
    const line = text.split('\n').findIndex((l) => l.includes('<ComputePolicy>')) + 1;
    expect(at31.problems).toContainEqual(expect.objectContaining({ rule: 'version/not-yet-available', line, severity: 'error' }));
    expect(await shownProblems(page)).toEqual(expected(at31.problems));
    expect(await page.textContent('#summary')).toMatch(/error/);
    // The choice is part of the link, so a shared link shows the same verdict.
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&api=31\.0$/);
    const again = await open(s, await page.evaluate(() => location.hash));
    expect(await again.inputValue('#api-version')).toBe('31.0');
    expect(await shownProblems(again)).toEqual(expected(at31.problems));
    await again.close();
    await page.selectOption('#api-version', '');
    await done(page);
  });

  it('the semantic rules switch: off shows what validate --no-lint shows', async () => {
    const text = cases().find((c) => c.name.endsWith('MANUAL NIC'))!.text;
    await setText(page, text);
    await page.uncheck('#lint');
    await done(page);
    expect(await shownProblems(page)).toEqual(expected(validateSync(text, { lint: false }).problems));
    await page.check('#lint');
    await done(page);
    expect(await shownProblems(page)).toEqual(expected(validateSync(text).problems));
  });

  it('loads a document from #xml= (base64url of UTF-8) and writes the fragment as the user types', async () => {
    const text = examples().find((e) => e.kind === 'CloneVAppParams')!.text.replace('<Description>', '<Description>Ünïcødé — ');
    const p = await open(s, `#xml=${b64url(text)}`);
    expect(await shownProblems(p)).toEqual(expected(validateSync(text).problems));
    expect(await p.textContent('#fmt')).toBe(format(text).text);
    // Typing: the verdict is pending while the user types and done after the pause.
    await p.click('.cm-content');
    await p.keyboard.press('ControlOrMeta+End');
    await p.keyboard.type('<');
    expect(await p.getAttribute('#problems', 'data-state')).toBeNull();
    await done(p);
    const typed = `${text}<`;
    expect(await shownProblems(p)).toEqual(expected(validateSync(typed).problems));
    expect((await shownProblems(p))[0]).toMatchObject({ rule: 'xml', severity: 'error' });
    // The fragment follows (debounced) and decodes to the editor's text.
    await expect.poll(() => p.evaluate(() => location.hash), { timeout: 5000 }).toBe(`#xml=${b64url(typed)}`);
    // Share writes the fragment at once and says the link was copied (or where to copy it from).
    await p.keyboard.type('!');
    await p.click('#share');
    expect(await p.evaluate(() => location.hash)).toBe(`#xml=${b64url(`${typed}!`)}`);
    expect(await p.textContent('#status')).toMatch(/Link copied|address bar/);
    // A link pasted into the address bar of the open page (hashchange) shows its document.
    const other = examples().find((e) => e.kind === 'InstantiateOvfParams')!.text;
    await p.evaluate((h) => (location.hash = h), `#xml=${b64url(other)}`);
    await expect.poll(() => p.textContent('#kind')).toBe('InstantiateOvfParams');
    await done(p);
    expect(await shownProblems(p)).toEqual(expected(validateSync(other).problems));
    // A fragment that is not base64url of UTF-8 says so and shows the example instead.
    const bad = await open(s, '#xml=%FF%FE');
    expect(await bad.textContent('#status')).toMatch(/not base64url/);
    expect(await bad.textContent('#kind')).toBe('ComposeVAppParams');
    expect([...pageErrors(p), ...pageErrors(bad)]).toEqual([]);
    await p.close();
    await bad.close();
  });

  it('loads each example (one valid fixture per request type)', async () => {
    const list = examples();
    expect(list.map((e) => e.kind)).toEqual(KINDS);
    const options = await page.$$eval('#example option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options).toEqual(list.map((e) => e.file));
    for (const e of list) {
      await page.evaluate(() => delete document.getElementById('problems')!.dataset.state);
      await page.selectOption('#example', e.file);
      await done(page);
      expect(await page.textContent('#kind')).toBe(e.kind);
      expect(await shownProblems(page)).toEqual(expected(validateSync(e.text).problems));
      expect((await shownProblems(page)).filter((p) => p.severity === 'error'), e.file).toEqual([]);
      expect(await page.textContent('#status')).toBe(`Loaded ${e.file}`);
    }
  });

  it('draws the vApp beside the problems: the SVG of renderGraph, described in the alt text', async () => {
    const e = examples().find((x) => x.kind === 'ComposeVAppParams')!;
    await setText(page, e.text);
    const g = graph(e.text);
    const img = page.locator('#graph img');
    expect(decodeURIComponent((await img.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(renderGraph(g, 'svg'));
    const alt = (await img.getAttribute('alt'))!;
    for (const vm of g.vms) expect(alt).toContain(vm.name!);
    expect(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth > 0)).toBe(true);
    await setText(page, '<ComposeVAppParams');
    expect(await page.textContent('#graph')).toMatch(/^No picture: /);
  });

  it('passes axe (WCAG 2.1 A and AA, best practices) in each of its states', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const p = await open(s, `#xml=${b64url(cases().find((c) => c.name.endsWith('MANUAL NIC'))!.text)}`);
    await p.addScriptTag({ content: axe });
    const check = async (state: string) => {
      const found = await p.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(found, state).toEqual([]);
    };
    await check('opened with a document that has problems');
    await p.click('#problems [data-rule="nic/manual-needs-ip"] button');
    await p.click('#context-box summary');
    await check('a problem chosen (its docs, the line highlighted) and the context box open');
    await p.click('#tab-fmt');
    await check('the fmt tab');
    await p.close();
  });

  it('puts the fmt result in the editor, after which fmt has nothing to change', async () => {
    const e = examples().find((x) => x.kind === 'RecomposeVAppParams')!;
    const messy = e.text.replace(/\n\s+/g, '\n');
    await setText(page, messy);
    await page.click('#tab-fmt');
    expect(await page.textContent('#fmt-state')).toBe('vmparams fmt would change this document');
    await page.evaluate(() => delete document.getElementById('problems')!.dataset.state);
    await page.click('#apply-fmt');
    await done(page);
    expect(await page.textContent('#fmt')).toBe(format(messy).text);
    expect(await page.textContent('#fmt-state')).toBe('Already formatted');
    await page.click('#tab-graph');
  });
});

describe.skipIf(SKIP)('the textarea editor (the measured alternative) in chromium', () => {
  it('shows the same problems and fmt result', async () => {
    const s = await startSession('textarea');
    try {
      const page = await open(s);
      for (const c of cases().filter((x) => x.name.endsWith('MANUAL NIC'))) {
        await setText(page, c.text);
        expect(await shownProblems(page), c.name).toEqual(expected(verdict(c.text).problems));
        expect(await page.textContent('#fmt'), c.name).toBe(fmtOf(c.text) ?? '');
      }
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);
});
