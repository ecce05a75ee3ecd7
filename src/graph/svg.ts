/**
 * The `svg` format: a picture drawn by vmparams itself, no external program and no font engine.
 * Layout: a heading with the vApp networks as a legend, then the VMs in rows of up to four boxes;
 * above every row each vApp network runs as a horizontal bus (its own colour, dashed when this
 * request does not declare it) and each NIC drops from its VM's box to its bus, dot at the joint.
 * The box lists size, disks, OS, origin and each NIC (index, network, allocation mode, IP).
 *
 * Why not Graphviz (`@viz-js/viz` 3.31, Graphviz 16.1 compiled to WebAssembly)? Measured with
 * `node bench/graph.mjs` on the 50-VM, 5-network document of test/graph/farm.mjs (2 shared cores):
 * viz is 1.16 MB of JavaScript (4.9 MB installed) with an async start (24-36 ms) and 37-77 ms per
 * render; this renderer is 8 KiB minified and takes 3.4 ms, synchronously. Looked at as PNGs
 * (rsvg-convert), dot's layout puts the 50 VMs in one column with ~100 long edges bundled into five
 * network nodes and their labels away from the lines, so which NIC reaches which network cannot be
 * read; here every NIC is a short drop in its network's colour, and the VMs stay in document order,
 * so a reviewer finds `web-07` where the XML has it. The `dot` format stays for Graphviz users.
 */
import { attachedNics, drawModel, networkLines, type DrawModel, type DrawNic, type DrawVm } from './labels.js';
import { fit, textWidth, xmlEscape } from './svg-text.js';
import type { VAppGraph } from './types.js';

/** Okabe-Ito colours (distinguishable with colour-blindness), yellow left out (unreadable on white). */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#444444'];
const FONT = 'Helvetica, Arial, sans-serif';
const PAD = 16;
/** Box width: as wide as the widest line needs, within these bounds (longer text is cut with …). */
const BOX_MIN = 220;
const BOX_MAX = 330;
const GAP_X = 24;
const MAX_COLS = 4;
const BUS_GAP = 14;
const BUS_TOP = 12;
const BUS_TO_BOX = 24;
const BAND_GAP = 26;
const TITLE_H = 24;
const LINE_H = 15;
const BOX_PAD = 8;

const colour = (k: number) => PALETTE[k % PALETTE.length]!;
/** Networks past the palette get a dash pattern too; undeclared ones are dashed anyway. */
const dash = (m: DrawModel, k: number) => (!m.networks[k]!.declared ? ' stroke-dasharray="6 4"' : k >= PALETTE.length ? ' stroke-dasharray="10 3 2 3"' : '');

/** `nic0 → web-dmz · MANUAL · 10.0.0.10`: the label with the network name (or `no network`) after the index. */
function nicRow(m: DrawModel, nic: DrawNic): string {
  const cut = nic.label.indexOf(' · ');
  const head = cut < 0 ? nic.label : nic.label.slice(0, cut);
  const to = nic.network < 0 ? ' · no network' : ` → ${m.networks[nic.network]!.name}`;
  return `${head}${to}${cut < 0 ? '' : nic.label.slice(cut)}`;
}

const boxHeight = (vm: DrawVm) => TITLE_H + (vm.lines.length + vm.nics.length) * LINE_H + BOX_PAD;

/** The box width every VM's text fits in (same for all boxes, so the rows line up). */
function boxWidth(m: DrawModel): number {
  let need = BOX_MIN;
  for (const vm of m.vms) {
    need = Math.max(need, textWidth(vm.title, 13, true) + 20, ...vm.lines.map((l) => textWidth(l, 11) + 20), ...vm.nics.map((n) => textWidth(nicRow(m, n), 11) + 34));
  }
  for (const d of m.deleted) need = Math.max(need, textWidth(d, 13, true) + 20);
  return Math.min(BOX_MAX, Math.ceil(need));
}

/** An SVG <text> element (content escaped). */
function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${x}" y="${y}"${attrs}>${xmlEscape(s)}</text>`;
}

/** One VM box at (x, y) of height h. */
function vmBox(m: DrawModel, vm: DrawVm, x: number, y: number, w: number, h: number): string[] {
  const out = [`<g class="vm">`, `<title>${xmlEscape([vm.title, ...vm.lines, ...vm.nics.map((n) => nicRow(m, n))].join('\n'))}</title>`];
  out.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="#f5f8ff" stroke="#3b6fb6"/>`);
  out.push(text(x + 10, y + 17, fit(vm.title, w - 20, 13, true), ' font-size="13" font-weight="bold" fill="#10243f"'));
  let ly = y + TITLE_H + 11;
  for (const line of vm.lines) {
    out.push(text(x + 10, ly, fit(line, w - 20, 11), ' font-size="11" fill="#333333"'));
    ly += LINE_H;
  }
  for (const nic of vm.nics) {
    const c = nic.network < 0 ? '#999999' : colour(nic.network);
    out.push(`<circle cx="${x + 14}" cy="${ly - 4}" r="4" fill="${nic.disconnected || nic.network < 0 ? '#ffffff' : c}" stroke="${c}" stroke-width="1.5"/>`);
    out.push(text(x + 24, ly, fit(nicRow(m, nic), w - 34, 11), ' font-size="11" fill="#222222"'));
    ly += LINE_H;
  }
  out.push('</g>');
  return out;
}

/** The buses of one row at y0 and the NIC drops of its boxes (drawn before the boxes). */
function busesAndDrops(m: DrawModel, row: DrawVm[], y0: number, left: number, right: number, boxY: number, w: number, labelX: number): string[] {
  const out: string[] = [];
  const busY = (k: number) => y0 + BUS_TOP + k * BUS_GAP;
  m.networks.forEach((n, k) => {
    out.push(`<line x1="${left}" y1="${busY(k)}" x2="${right}" y2="${busY(k)}" stroke="${colour(k)}" stroke-width="2"${dash(m, k)}/>`);
    out.push(text(labelX, busY(k) + 4, fit(n.name, labelX - PAD, 10, true), ` font-size="10" font-weight="bold" text-anchor="end" fill="${colour(k)}"`));
  });
  row.forEach((vm, col) => {
    const bx = left + 4 + col * (w + GAP_X);
    const nics = attachedNics(vm);
    nics.forEach((nic, j) => {
      // NICs share the box's top edge evenly; the white under-stroke cuts the buses a drop only crosses.
      const x = bx + Math.round((w * (j + 1)) / (nics.length + 1));
      const y = busY(nic.network);
      const c = colour(nic.network);
      out.push(`<line x1="${x}" y1="${y + 5}" x2="${x}" y2="${boxY}" stroke="#ffffff" stroke-width="6"/>`);
      out.push(`<line x1="${x}" y1="${y}" x2="${x}" y2="${boxY}" stroke="${c}" stroke-width="2"${nic.disconnected ? ' stroke-dasharray="4 3"' : ''}/>`);
      out.push(`<circle cx="${x}" cy="${y}" r="3.5" fill="${nic.disconnected ? '#ffffff' : c}" stroke="${c}" stroke-width="1.5"/>`);
      out.push(text(x + 4, boxY - 4, nic.nic.index === null ? '?' : String(nic.nic.index), ` font-size="9" fill="${c}"`));
    });
  });
  return out;
}

/** The graph as an SVG document, ending in a newline. Same graph -> same bytes. */
export function toSvg(g: VAppGraph): string {
  const m = drawModel(g);
  const cols = Math.max(1, Math.min(MAX_COLS, Math.max(m.vms.length, m.deleted.length)));
  // The left margin holds the bus labels: as wide as the longest network name (within limits).
  const labelW = m.networks.length ? Math.min(180, Math.max(70, Math.ceil(Math.max(...m.networks.map((n) => textWidth(n.name, 10, true)))) + 12)) : 0;
  const w = boxWidth(m);
  const left = PAD + labelW;
  const contentRight = left + cols * (w + GAP_X) - GAP_X;
  const legend = m.networks.map((n) => ({ name: n.name, rest: networkLines(n).join(' · ') }));
  const legendW = Math.max(textWidth(m.title, 15, true), m.subtitle ? textWidth(m.subtitle, 12) : 0, ...legend.map((l) => 40 + textWidth(l.name, 11, true) + 8 + textWidth(l.rest, 11)));
  // +4: the legend places its parts at rounded-up offsets.
  const width = Math.max(480, contentRight + PAD, Math.min(1200, Math.ceil(PAD * 2 + legendW) + 4));
  const textMax = width - PAD * 2;
  const body: string[] = [];

  let y = PAD + 15;
  body.push(text(PAD, y, fit(m.title, textMax, 15, true), ' font-size="15" font-weight="bold" fill="#111111"'));
  if (m.subtitle) body.push(text(PAD, (y += 18), fit(m.subtitle, textMax, 12), ' font-size="12" fill="#333333"'));
  y += 8;
  legend.forEach((l, k) => {
    y += 18;
    body.push(`<line x1="${PAD}" y1="${y - 4}" x2="${PAD + 30}" y2="${y - 4}" stroke="${colour(k)}" stroke-width="3"${dash(m, k)}/>`);
    const nameText = fit(l.name, textMax - 40, 11, true);
    body.push(text(PAD + 40, y, nameText, ' font-size="11" font-weight="bold" fill="#111111"'));
    const restX = PAD + 40 + Math.ceil(textWidth(nameText, 11, true)) + 8;
    body.push(text(restX, y, fit(l.rest, Math.max(0, width - PAD - restX), 11), ' font-size="11" fill="#333333"'));
  });
  if (m.empty) body.push(text(PAD, (y += 20), m.empty, ' font-size="12" fill="#555555"'));
  y += 16;

  for (let r = 0; r * cols < m.vms.length; r++) {
    const row = m.vms.slice(r * cols, (r + 1) * cols);
    const boxY = m.networks.length ? y + BUS_TOP + (m.networks.length - 1) * BUS_GAP + BUS_TO_BOX : y;
    const h = Math.max(...row.map(boxHeight));
    const busRight = left + row.length * (w + GAP_X) - GAP_X + 8;
    if (m.networks.length) body.push(...busesAndDrops(m, row, y, left - 4, busRight, boxY, w, left - 8));
    row.forEach((vm, col) => body.push(...vmBox(m, vm, left + col * (w + GAP_X), boxY, w, h)));
    y = boxY + h + BAND_GAP;
  }

  if (m.deleted.length) {
    body.push(text(PAD, (y += 4), 'Deleted by this request', ' font-size="12" font-weight="bold" fill="#c0392b"'));
    y += 10;
    for (let r = 0; r * cols < m.deleted.length; r++) {
      m.deleted.slice(r * cols, (r + 1) * cols).forEach((d, col) => {
        const x = left + col * (w + GAP_X);
        body.push(`<g class="deleted"><title>${xmlEscape(d)}</title>`);
        body.push(`<rect x="${x}" y="${y}" width="${w}" height="40" rx="6" fill="#fdecea" stroke="#c0392b" stroke-dasharray="5 3"/>`);
        body.push(text(x + 10, y + 17, fit(d, w - 20, 13, true), ' font-size="13" font-weight="bold" fill="#5c1a12"'));
        body.push(text(x + 10, y + 32, 'deleted', ' font-size="11" fill="#5c1a12"'));
        body.push('</g>');
      });
      y += 40 + BAND_GAP;
    }
  }

  const height = Math.ceil(y - BAND_GAP + PAD + 10);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img">`,
    `<title>${xmlEscape(m.subtitle ? `${m.title} (${m.subtitle})` : m.title)}</title>`,
    // An opaque background keeps the picture readable on dark pages (GitHub's dark theme).
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
