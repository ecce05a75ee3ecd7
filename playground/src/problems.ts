/**
 * The problems list and the rule's docs (interface.md "Playground"): one `<li>` per problem inside
 * `#problems`, carrying `data-rule`, `data-severity` and `data-line` as validate reports them; a
 * button in each opens the rule's docs (description, reason, fix) and reveals the line.
 */
import type { Problem, Report, RuleInfo } from '../../src/browser.js';

/** Element helper: tag, class, text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The one-line summary: `2 errors, 1 warning` or `valid`. */
export function summarize(report: Report): string {
  const count = (s: Problem['severity']) => report.problems.filter((p) => p.severity === s).length;
  const parts = (['error', 'warning', 'info'] as const).map((s) => [count(s), s] as const).filter(([n]) => n > 0);
  const words = parts.map(([n, s]) => `${n} ${s === 'info' ? 'info' : n === 1 ? s : `${s}s`}`);
  return words.length ? `${report.valid ? 'valid, ' : ''}${words.join(', ')}` : 'valid';
}

/** Fill `list` with the problems of `report`; `onSelect` runs when one is chosen (click, Enter, Space). */
export function renderProblems(list: HTMLElement, report: Report, apiVersion: string, onSelect: (p: Problem, item: HTMLElement) => void): void {
  const items = report.problems.map((p) => {
    const li = el('li', `problem sev-${p.severity}`);
    li.dataset.rule = p.rule;
    li.dataset.severity = p.severity;
    li.dataset.line = String(p.line);
    const b = li.appendChild(el('button', 'problem-button'));
    b.type = 'button';
    // The button's name is its visible text (WCAG 2.5.3); "line" is there for screen readers only.
    const where = b.appendChild(el('span', 'where'));
    where.append(el('span', 'sr-only', p.line > 0 ? 'line ' : 'position unknown'), p.line > 0 ? `${p.line}:${p.column}` : '–');
    where.title = p.line > 0 ? `line ${p.line}, column ${p.column}` : 'position unknown';
    b.appendChild(el('span', `sev sev-${p.severity}`, p.severity));
    b.appendChild(el('span', 'message', p.message));
    b.appendChild(el('span', 'rule', p.rule));
    b.addEventListener('click', () => onSelect(p, li));
    return li;
  });
  if (items.length === 0) {
    const ok = el('li', 'no-problems', `No problems: the server accepts this ${report.kind ?? 'document'} at API ${apiVersion}, as far as vmparams knows.`);
    items.push(ok);
  }
  list.replaceChildren(...items);
}

/** Show a rule's docs in `panel` for the chosen problem (its message is in the list, above). */
export function renderRuleDoc(panel: HTMLElement, p: Problem, rule: RuleInfo | undefined): void {
  const head = el('div', 'doc-head');
  head.appendChild(el('h3', 'doc-title', p.rule));
  head.appendChild(el('span', `sev sev-${p.severity}`, p.severity));
  const close = head.appendChild(el('button', 'doc-close', '×'));
  close.type = 'button';
  close.setAttribute('aria-label', 'Close the rule docs');
  close.addEventListener('click', () => {
    panel.hidden = true;
  });
  const body: HTMLElement[] = [head];
  if (!rule) body.push(el('p', 'doc-description', p.message));
  else {
    body.push(el('p', 'doc-description', rule.description));
    const dl = el('dl', 'doc-facts');
    for (const [term, text] of [
      ['Why', rule.reason],
      ['Fix', rule.fix],
    ] as const) {
      if (!text) continue;
      dl.append(el('dt', undefined, term), el('dd', undefined, text));
    }
    body.push(dl);
    if (rule.url) {
      const a = el('a', 'doc-link', 'Rule reference');
      a.href = rule.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      body.push(a);
    }
  }
  panel.replaceChildren(...body);
  panel.dataset.rule = p.rule;
  panel.hidden = false;
}
