/**
 * The SVG picture stays readable at 50 VMs and 5 networks (test/graph/farm.mjs): boxes in rows that
 * never overlap, every NIC a vertical drop from its own box to the bus of its network (same colour,
 * a joint dot on the bus), everything inside the picture, no tiny text, a width a page can show.
 */
import { describe, expect, it } from 'vitest';
import { graph, renderGraph } from '../../src/graph/index.js';
import { isText, textOf, type XElement } from '../../src/xml/tree.js';
import { xmlTree } from './expected.js';
import { farmXml } from './farm.mjs';

function* elements(el: XElement): Generator<XElement> {
  yield el;
  for (const c of el.children ?? []) if (!isText(c)) yield* elements(c);
}
const a = (el: XElement, name: string) => el.attrs?.[name];
const n = (el: XElement, name: string) => Number(a(el, name));

describe('the SVG of 50 VMs on 5 networks', () => {
  const g = graph(farmXml(50, 5));
  const svg = renderGraph(g, 'svg');
  const root = xmlTree(svg);
  const all = [...elements(root)];
  const width = n(root, 'width');
  const height = n(root, 'height');
  const boxes = all
    .filter((e) => e.name === 'g' && a(e, 'class') === 'vm')
    .map((e) => e.children!.find((c): c is XElement => !isText(c) && c.name === 'rect')!)
    .map((r) => ({ x: n(r, 'x'), y: n(r, 'y'), w: n(r, 'width'), h: n(r, 'height') }));
  const lines = all.filter((e) => e.name === 'line').map((l) => ({ x1: n(l, 'x1'), y1: n(l, 'y1'), x2: n(l, 'x2'), y2: n(l, 'y2'), stroke: a(l, 'stroke')!, dashed: a(l, 'stroke-dasharray') !== undefined }));
  const buses = lines.filter((l) => l.y1 === l.y2 && l.x2 - l.x1 > 100);
  const drops = lines.filter((l) => l.x1 === l.x2 && l.stroke !== '#ffffff');
  const joints = all.filter((e) => e.name === 'circle' && a(e, 'r') === '3.5').map((c) => ({ x: n(c, 'cx'), y: n(c, 'cy') }));

  it('has one box per VM, in rows of at most four, none overlapping', () => {
    expect(boxes).toHaveLength(50);
    expect(new Set(boxes.map((b) => b.y)).size).toBe(Math.ceil(50 / 4));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const p = boxes[i]!;
        const q = boxes[j]!;
        const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
        expect(apart, `boxes ${i + 1} and ${j + 1} overlap`).toBe(true);
      }
    }
  });

  it('draws each NIC as a drop from its box up to a bus of the same colour, with a joint on that bus', () => {
    const nics = g.vms.reduce((k, v) => k + v.nics.length, 0);
    expect(drops).toHaveLength(nics);
    for (const d of drops) {
      const top = Math.min(d.y1, d.y2);
      const bottom = Math.max(d.y1, d.y2);
      expect(boxes.some((b) => b.y === bottom && d.x1 > b.x && d.x1 < b.x + b.w), `drop at x=${d.x1} ends on a box top`).toBe(true);
      const bus = buses.find((b) => b.y1 === top && b.x1 <= d.x1 && d.x1 <= b.x2);
      expect(bus?.stroke, `drop at x=${d.x1},y=${top} meets a bus`).toBe(d.stroke);
      expect(joints.some((j) => j.x === d.x1 && j.y === top)).toBe(true);
    }
    // Disconnected NICs are dashed.
    expect(drops.filter((d) => d.dashed)).toHaveLength(g.vms.reduce((k, v) => k + v.nics.filter((x) => x.connected === false).length, 0));
  });

  it('gives every network its own colour', () => {
    const colours = new Set(buses.map((b) => b.stroke));
    expect(colours.size).toBe(5);
  });

  it('keeps everything inside the picture, text at 9 px or more, width under 1600 px', () => {
    expect(width).toBeLessThanOrEqual(1600);
    for (const b of boxes) expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height).toBe(true);
    for (const l of lines) expect(Math.max(l.x1, l.x2) <= width && Math.max(l.y1, l.y2) <= height).toBe(true);
    for (const t of all.filter((e) => e.name === 'text')) {
      expect(n(t, 'font-size')).toBeGreaterThanOrEqual(9);
      expect(n(t, 'x') < width && n(t, 'y') < height).toBe(true);
    }
  });
});
