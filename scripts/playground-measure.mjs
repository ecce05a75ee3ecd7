#!/usr/bin/env node
/**
 * Measures the playground in Debian's chromium (README "Playground", performance): for each editor
 * (CodeMirror 6, plain textarea) the page size, the time from navigation start to the first verdict
 * shown (`performance.mark('vmparams-ready')`, median of 5 cold loads), and the time validate takes
 * in the page on a 20 KB document (performance.now() around the call, as the page records it in
 * `#problems[data-ms]`, median of 15 calls after load). Prints a table; not a test (timings vary
 * with the machine).  Usage: node scripts/playground-measure.mjs [--editor codemirror|textarea]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPlayground } from './playground-build.mjs';
import { chromiumMissing, launchChromium } from './playground-chromium.mjs';
import { farmXml } from '../test/graph/farm.mjs';

const LOADS = 5;
const CALLS = 15;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The smallest farm document (test/graph/farm.mjs: schema-valid ComposeVAppParams) of at least 20 KB. */
function document20k() {
  for (let vms = 1; ; vms++) {
    const xml = farmXml(vms, 3);
    if (xml.length >= 20 * 1024) return xml;
  }
}

const why = chromiumMissing();
if (why) {
  console.error(`playground-measure: ${why}`);
  process.exit(2);
}
const at = process.argv.indexOf('--editor');
const editors = at > 0 ? [process.argv[at + 1]] : ['codemirror', 'textarea'];
const doc = document20k();
const fragment = `#xml=${Buffer.from(doc, 'utf8').toString('base64url')}`;
const out = mkdtempSync(join(tmpdir(), 'vmparams-playground-'));
const browser = await launchChromium();
try {
  console.log(`20 KB document: farmXml, ${doc.length} characters`);
  console.log('editor      page KiB  gzip KiB  ready ms (median of 5)  validate 20 KB ms (median of 15)  problems');
  for (const editor of editors) {
    const built = await buildPlayground({ outDir: join(out, editor), editor });
    const url = pathToFileURL(built.file).href;
    const ready = [];
    for (let i = 0; i < LOADS; i++) {
      // A new page each time: a cold start of the script (the file itself is in the OS cache).
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForSelector('#problems[data-state="done"]');
      ready.push(await page.evaluate(() => performance.getEntriesByName('vmparams-ready')[0].startTime));
      await page.close();
    }
    const page = await browser.context.newPage();
    await page.goto(url + fragment);
    await page.waitForSelector('#problems[data-state="done"]');
    const calls = [];
    for (let i = 0; i < CALLS; i++) {
      // A change of the version picker (newest and the one before, in turn) re-validates at once (no debounce).
      await page.selectOption('#api-version', { index: (i + 1) % 2 });
      await page.waitForSelector('#problems[data-state="done"]');
      calls.push(Number(await page.getAttribute('#problems', 'data-ms')));
    }
    const problems = await page.locator('#problems [data-rule]').count();
    await page.close();
    console.log(
      `${editor.padEnd(10)}  ${(built.bytes / 1024).toFixed(0).padStart(8)}  ${(built.gzip / 1024).toFixed(0).padStart(8)}  ${median(ready).toFixed(0).padStart(22)}  ${median(calls).toFixed(1).padStart(32)}  ${String(problems).padStart(8)}`,
    );
  }
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
