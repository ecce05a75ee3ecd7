/**
 * The playground page (interface.md "Playground"): an editor, the problems of the text (validate, the
 * CLI's defaults until the user changes them: newest API version, rules on, no context), the rule's
 * docs on click, the vApp picture (graph + renderGraph svg) and the `fmt` result. The text lives in
 * the URL fragment `#xml=<base64url>`, read on open and rewritten (debounced) as the user types.
 */
import EXAMPLES from 'playground:examples';
import { apiVersions, ContextError, LATEST_API_VERSION, requestRules, validateSync, VDC_CONTEXT_EXAMPLE, type Problem, type Report, type RuleInfo } from '../../src/browser.js';
import type { Editor } from './editor/types.js';
import { createEditor } from 'playground:editor';
import { copy, showFormatted, showGraph } from './output.js';
import { renderProblems, renderRuleDoc, summarize } from './problems.js';
import { decodeFragment, encodeFragment, xmlFromHash } from './share.js';
import { setupTabs } from './tabs.js';

/**
 * How long typing must pause before the text is validated (at least, and twice the last check's time,
 * so that a multi-megabyte document does not block every keystroke), and before the fragment is rewritten.
 */
const VALIDATE_DELAY_MS = 150;
const FRAGMENT_DELAY_MS = 500;
/** How long the last refresh (validate, format, draw) took. */
let lastCheckMs = 0;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const ui = {
  problems: $('problems'),
  summary: $('summary'),
  kind: $('kind'),
  ruleDoc: $('rule-doc'),
  graph: $('graph'),
  fmt: $('fmt'),
  fmtState: $('fmt-state'),
  copyFmt: $<HTMLButtonElement>('copy-fmt'),
  applyFmt: $<HTMLButtonElement>('apply-fmt'),
  example: $<HTMLSelectElement>('example'),
  version: $<HTMLSelectElement>('api-version'),
  lint: $<HTMLInputElement>('lint'),
  share: $<HTMLButtonElement>('share'),
  status: $('status'),
  versionNote: $('version-note'),
  contextBox: $<HTMLDetailsElement>('context-box'),
  context: $<HTMLTextAreaElement>('context'),
  contextState: $('context-state'),
  contextExample: $<HTMLButtonElement>('context-example'),
  contextClear: $<HTMLButtonElement>('context-clear'),
};

let rules: Record<string, RuleInfo> = {};
let formatted: string | null = null;
let validateTimer: ReturnType<typeof setTimeout> | undefined;
let fragmentTimer: ReturnType<typeof setTimeout> | undefined;

/** Say something to the user (and to screen readers, through the status region). */
function say(text: string): void {
  ui.status.textContent = text;
}

/** The fragment for the current text and options (`api` and `lint` only when the user set them). */
function fragment(text: string): string {
  let f = `#xml=${encodeFragment(text)}`;
  if (ui.version.value) f += `&api=${encodeURIComponent(ui.version.value)}`;
  if (!ui.lint.checked) f += '&lint=off';
  if (ui.context.value.trim()) f += `&context=${encodeFragment(ui.context.value)}`;
  return f;
}

/** Chromium refuses URLs over 2 MB (its url_constants.h kMaxURLChars, 2 * 1024 * 1024). */
const MAX_URL_CHARS = 2 * 1024 * 1024;

/** Put the text (and options) in the URL fragment; false when it is too long for a URL. */
function writeFragment(): boolean {
  clearTimeout(fragmentTimer);
  const f = fragment(editor.text());
  if (location.href.length - location.hash.length + f.length > MAX_URL_CHARS) {
    say(`This document is too large to share in a link (${(f.length / 1048576).toFixed(1)} MB of base64; browsers stop at 2 MB).`);
    return false;
  }
  // replaceState: typing should not fill the history with one entry per pause.
  history.replaceState(null, '', f);
  return true;
}

/** Validate, format and draw the current text now. */
function refresh(): void {
  clearTimeout(validateTimer);
  const text = editor.text();
  // '' is the CLI without --api-version: the newest version, assumed (a removal is then a warning, not an error).
  const apiVersion = ui.version.value || undefined;
  const t0 = performance.now();
  const context = ui.context.value.trim() ? ui.context.value : undefined;
  let report: Report;
  try {
    try {
      report = validateSync(text, { apiVersion, lint: ui.lint.checked, context });
      setContextState(context ? 'Context rules on.' : '', false);
    } catch (e) {
      if (!(e instanceof ContextError)) throw e;
      // The CLI stops with exit 2 on a bad --context; here the document is still checked, without it.
      setContextState(`${e.message}. The document is checked without a context.`, true);
      report = validateSync(text, { apiVersion, lint: ui.lint.checked });
    }
  } catch (e) {
    // validate throws only when it cannot run (interface.md); show it instead of a stale verdict.
    report = { kind: null, valid: false, problems: [{ severity: 'error', rule: 'playground', line: 0, column: 0, path: '', message: `vmparams could not validate: ${(e as Error).message}` }] };
  }
  const ms = performance.now() - t0;
  renderProblems(ui.problems, report, apiVersion ?? LATEST_API_VERSION, selectProblem);
  ui.summary.textContent = summarize(report);
  ui.summary.className = `summary ${report.valid ? 'ok' : 'bad'}`;
  ui.kind.textContent = report.kind ?? 'not a request';
  editor.mark(report.problems.filter((p) => p.line > 0).map((p) => ({ line: p.line, severity: p.severity })));
  formatted = showFormatted({ text: ui.fmt, state: ui.fmtState, buttons: [ui.copyFmt, ui.applyFmt] }, text);
  showGraph(ui.graph, text);
  ui.problems.dataset.ms = ms.toFixed(2);
  ui.summary.title = `validate took ${ms.toFixed(1)} ms`;
  ui.problems.dataset.state = 'done';
  lastCheckMs = performance.now() - t0;
}

function setContextState(text: string, bad: boolean): void {
  ui.contextState.textContent = text;
  ui.contextState.classList.toggle('bad', bad);
}

function selectProblem(p: Problem, item: HTMLElement): void {
  for (const li of ui.problems.querySelectorAll('.selected')) li.classList.remove('selected');
  item.classList.add('selected');
  renderRuleDoc(ui.ruleDoc, p, rules[p.rule]);
  // The docs take part of the pane: keep the chosen problem in sight above them.
  item.scrollIntoView({ block: 'nearest' });
  if (p.line > 0) editor.reveal(p.line);
}



/** The text changed: validation is pending until the pause is over. */
function changed(): void {
  delete ui.problems.dataset.state;
  clearTimeout(validateTimer);
  validateTimer = setTimeout(refresh, Math.max(VALIDATE_DELAY_MS, 2 * lastCheckMs));
  clearTimeout(fragmentTimer);
  fragmentTimer = setTimeout(() => void writeFragment(), FRAGMENT_DELAY_MS);
}


/** Options from the fragment (`api`, `lint`), applied before the first validation. */
function optionsFromHash(hash: string): void {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const context = params.has('context') ? decodeFragment(params.get('context')!) : null;
  ui.context.value = context ?? '';
  ui.contextBox.open = ui.context.value !== '';
  const api = params.get('api');
  if (api && [...ui.version.options].some((o) => o.value === api)) ui.version.value = api;
  ui.lint.checked = params.get('lint') !== 'off';
}

/** The text to start with: the fragment's document, else the ComposeVAppParams example. */
function initialText(): string {
  const fromHash = xmlFromHash(location.hash);
  if (fromHash === null) say('The link holds a document that is not base64url of UTF-8 text; showing an example instead.');
  if (typeof fromHash === 'string') return fromHash;
  return (EXAMPLES.find((e) => e.kind === 'ComposeVAppParams') ?? EXAMPLES[0]!).text;
}

// ---- start

ui.version.add(new Option(`newest (${LATEST_API_VERSION}), assumed`, ''));
for (const v of apiVersions()) ui.version.add(new Option(v, v));
ui.version.value = '';
ui.versionNote.textContent = `the newest API version, ${LATEST_API_VERSION}, assumed`;
for (const e of EXAMPLES) {
  const o = new Option(e.kind, e.file);
  o.title = e.file;
  ui.example.add(o);
}
optionsFromHash(location.hash);

const editor: Editor = createEditor($('editor'), initialText(), 'Request document (XML)');
editor.onChange(changed);

ui.example.addEventListener('change', () => {
  const e = EXAMPLES.find((x) => x.file === ui.example.value);
  if (!e) return;
  editor.setText(e.text);
  refresh();
  writeFragment();
  say(`Loaded ${e.file}`);
  ui.example.value = '';
});
for (const control of [ui.version, ui.lint]) {
  control.addEventListener('change', () => {
    refresh();
    writeFragment();
  });
}
ui.context.addEventListener('input', changed);
ui.contextExample.addEventListener('click', () => {
  const { $schema: _, ...example } = VDC_CONTEXT_EXAMPLE;
  ui.context.value = `${JSON.stringify(example, null, 2)}\n`;
  changed();
});
ui.contextClear.addEventListener('click', () => {
  ui.context.value = '';
  changed();
});
ui.share.addEventListener('click', async () => {
  if (!writeFragment()) return;
  say((await copy(location.href)) ? 'Link copied: it holds the whole document (nothing is uploaded).' : 'The link is in the address bar: copy it from there.');
});
ui.copyFmt.addEventListener('click', async () => {
  if (formatted !== null) say((await copy(formatted)) ? 'Formatted document copied.' : 'Could not copy; select the text and copy it.');
});
ui.applyFmt.addEventListener('click', () => {
  if (formatted === null) return;
  editor.setText(formatted);
  refresh();
  writeFragment();
  say('The editor now holds the formatted document.');
});
window.addEventListener('hashchange', () => {
  const text = xmlFromHash(location.hash);
  if (typeof text !== 'string' || text === editor.text()) return;
  optionsFromHash(location.hash);
  editor.setText(text);
  refresh();
});
setupTabs($('tab-graph').parentElement!);

refresh();
performance.mark('vmparams-ready');
void requestRules().then((r) => {
  rules = r;
});
