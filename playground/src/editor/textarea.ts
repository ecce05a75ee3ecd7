/**
 * The lighter editor pane: a plain textarea (no wrapping) with a line-number gutter and a layer
 * behind it that tints the lines with problems. No highlighting of the XML itself.
 */
import type { Editor, LineMark } from './types.js';

/** Create the editor in `parent` with `text`; `label` names it for screen readers. */
export function createEditor(parent: HTMLElement, text: string, label: string): Editor {
  parent.classList.add('ta-editor');
  const gutter = parent.appendChild(document.createElement('pre'));
  gutter.className = 'ta-gutter';
  gutter.setAttribute('aria-hidden', 'true');
  const body = parent.appendChild(document.createElement('div'));
  body.className = 'ta-body';
  const layer = body.appendChild(document.createElement('div'));
  layer.className = 'ta-layer';
  layer.setAttribute('aria-hidden', 'true');
  const area = body.appendChild(document.createElement('textarea'));
  area.className = 'ta-area';
  area.wrap = 'off';
  area.spellcheck = false;
  area.setAttribute('autocapitalize', 'off');
  area.setAttribute('aria-label', label);
  area.value = text;
  const listeners: (() => void)[] = [];
  let lines = 0;
  let current: readonly LineMark[] = [];
  let flashed: number | null = null;

  const lineHeight = () => parseFloat(getComputedStyle(area).lineHeight) || 18;
  const padTop = () => parseFloat(getComputedStyle(area).paddingTop) || 0;
  const renumber = () => {
    const n = area.value.split('\n').length;
    if (n === lines) return;
    lines = n;
    gutter.textContent = Array.from({ length: n }, (_, i) => i + 1).join('\n');
  };
  const paint = () => {
    const h = lineHeight();
    layer.replaceChildren(
      ...[...current.map((m) => [m.line, `ta-line pg-line-${m.severity}`] as const), ...(flashed ? [[flashed, 'ta-line pg-line-flash'] as const] : [])].map(([line, cls]) => {
        const bar = document.createElement('div');
        bar.className = cls;
        bar.style.top = `${padTop() + (line - 1) * h - area.scrollTop}px`;
        bar.style.height = `${h}px`;
        return bar;
      }),
    );
  };
  area.addEventListener('scroll', () => {
    gutter.scrollTop = area.scrollTop;
    paint();
  });
  area.addEventListener('input', () => {
    flashed = null;
    renumber();
    for (const l of listeners) l();
  });
  renumber();
  return {
    text: () => area.value,
    setText(t) {
      area.value = t;
      area.setSelectionRange(0, 0);
      area.scrollTop = 0;
      flashed = null;
      renumber();
      for (const l of listeners) l();
    },
    onChange: (l) => void listeners.push(l),
    mark(m) {
      current = m;
      paint();
    },
    reveal(line) {
      const all = area.value.split('\n');
      const at = all.slice(0, Math.max(line - 1, 0)).reduce((n, s) => n + s.length + 1, 0);
      area.focus();
      area.setSelectionRange(at, at);
      area.scrollTop = Math.max(0, (line - 1) * lineHeight() - area.clientHeight / 2);
      flashed = line;
      paint();
    },
  };
}
