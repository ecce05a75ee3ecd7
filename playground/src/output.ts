/**
 * The output panes: the `vmparams fmt` result and the picture of the vApp (`graph` drawn by
 * `renderGraph(g, 'svg')`, shown as an image so nothing in it can run), and the clipboard.
 */
import { format, graph, renderGraph } from '../../src/browser.js';

/** The elements of the fmt pane. */
export interface FmtPane {
  text: HTMLElement;
  state: HTMLElement;
  buttons: HTMLButtonElement[];
}

/** Show the fmt result of `text` (or why there is none); returns the formatted text, or null. */
export function showFormatted(pane: FmtPane, text: string): string | null {
  let formatted: string | null;
  try {
    const r = format(text);
    formatted = r.text;
    pane.text.textContent = r.text;
    pane.state.textContent = r.changed ? 'vmparams fmt would change this document' : 'Already formatted';
    pane.text.dataset.changed = String(r.changed);
  } catch (e) {
    formatted = null;
    pane.text.textContent = '';
    pane.state.textContent = `Cannot format: ${(e as Error).message}`;
    delete pane.text.dataset.changed;
  }
  for (const b of pane.buttons) b.disabled = formatted === null;
  return formatted;
}

/** What the picture shows, for screen readers: the vApp, its VMs and networks. */
function describe(g: ReturnType<typeof graph>): string {
  const vms = g.vms.length;
  const nets = g.networks.length;
  const names = vms ? ` (${g.vms.map((v) => v.name ?? 'unnamed').join(', ')})` : '';
  return `vApp ${g.vapp.name ?? '(no name)'}: ${vms} VM${vms === 1 ? '' : 's'} on ${nets} vApp network${nets === 1 ? '' : 's'}${names}`;
}

/** Draw the vApp of `text` into `pane` with a zoom toggle and a download link (or say why not). */
export function showGraph(pane: HTMLElement, text: string): void {
  let g: ReturnType<typeof graph>;
  try {
    g = graph(text);
  } catch (e) {
    const p = document.createElement('p');
    p.className = 'graph-none';
    p.textContent = `No picture: ${(e as Error).message}`;
    pane.replaceChildren(p);
    return;
  }
  const img = document.createElement('img');
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderGraph(g, 'svg'))}`;
  img.alt = describe(g);
  const zoom = document.createElement('button');
  zoom.type = 'button';
  zoom.className = 'graph-zoom';
  zoom.textContent = 'Actual size';
  zoom.setAttribute('aria-pressed', String(pane.classList.contains('actual')));
  zoom.addEventListener('click', () => {
    // Fit to the pane (default) or full size with scrolling: a 50-VM picture is unreadable when fitted.
    zoom.setAttribute('aria-pressed', String(pane.classList.toggle('actual')));
  });
  const save = document.createElement('a');
  save.className = 'graph-save';
  save.textContent = 'Download SVG';
  save.download = `${(g.vapp.name ?? 'vapp').replace(/[^\w.-]+/g, '_')}.svg`;
  save.href = img.src;
  const bar = document.createElement('div');
  bar.className = 'graph-actions';
  bar.append(zoom, save);
  pane.replaceChildren(bar, img);
}

/** Copy text to the clipboard; false when the browser refuses. */
export async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (some file:// setups): select the text in a hidden textarea and copy that.
    const t = document.body.appendChild(document.createElement('textarea'));
    t.value = text;
    t.select();
    const ok = document.execCommand('copy');
    t.remove();
    return ok;
  }
}
