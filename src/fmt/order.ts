/**
 * Schema order for the children of one element: a stable sort by the position of each child's
 * particle in the description (src/model/dsl.ts `children`), so
 * - elements of one particle, and the members of a choice, keep their relative order;
 * - an element the description does not declare, or a second occurrence of a child that may occur
 *   once (which the schema can only take as `xs:any` content; parse keeps it in `$any`), keeps its
 *   place relative to its neighbours: it moves with the declared sibling before it (or, when there
 *   is none, the one after it). Two
 *   exceptions follow the schema: in an `ovf:Section` choice (`keepUnknown`) an unknown section is
 *   a member of the choice, and under `xs:any ##other` (`anyTail`) an element of a namespace the
 *   description does not use goes to the end, where the schema wants it.
 */
import type { Content } from '../model/dsl.js';
import type { XmlDoc } from '../xml/doc.js';
import { slotTable } from './describe.js';
import type { Unit } from './attach.js';

/**
 * Children in schema order: `units` itself when already in order, else a sorted copy. Which of two
 * occurrences of a once-only child is the first one depends on the order, so one sort may not be the
 * last (the moved duplicate is then first, its twin anchored elsewhere): the sort is repeated until
 * the order stands, so that `fmt` of `fmt` output changes nothing. An order that never settles
 * (not seen; bounded as a guard) is left as written.
 */
export function schemaOrder(doc: XmlDoc, content: Content | undefined, units: Unit[]): Unit[] {
  let current = units;
  for (let pass = 0; pass < 8; pass++) {
    const next = sortOnce(doc, content, current);
    if (next === current) return current;
    current = next;
  }
  return units;
}

/** One stable sort by particle position (see the module comment); `units` itself when already in order. */
function sortOnce(doc: XmlDoc, content: Content | undefined, units: Unit[]): Unit[] {
  const n = units.length;
  if (!content || content.kind !== 'complex' || n < 2) return units;
  const table = slotTable(content);
  const primary = new Array<number>(n);
  const once = new Set<number>();
  const TAIL = content.children.length;
  // -1: undeclared, placed by its neighbours below.
  for (let i = 0; i < n; i++) {
    const el = units[i].el;
    const ns = doc.ns(el);
    const slot = table.byName.get(ns)?.get(doc.local(el));
    if (slot && (slot.repeats || !once.has(slot.index))) {
      primary[i] = slot.index;
      once.add(slot.index);
    } else if (slot) primary[i] = -1;
    else if (table.unknownChoice >= 0) primary[i] = table.unknownChoice;
    else if (content.anyTail && !table.namespaces.has(ns)) primary[i] = TAIL;
    else primary[i] = -1;
  }
  // An undeclared element takes the key of the nearest declared sibling before it, else after it; its
  // own index as the second key keeps it between that sibling and the next one.
  let prev = -1;
  const anchored = primary.slice();
  for (let i = 0; i < n; i++) {
    if (primary[i] >= 0) prev = primary[i];
    else if (prev >= 0) anchored[i] = prev;
  }
  let next = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (primary[i] >= 0) next = primary[i];
    else if (anchored[i] < 0) anchored[i] = next;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < n; i++) if (anchored[i] < anchored[i - 1]) sorted = false;
  if (sorted) return units;
  order.sort((a, b) => anchored[a] - anchored[b] || a - b);
  return order.map((i) => units[i]);
}
