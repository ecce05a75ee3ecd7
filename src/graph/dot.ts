/**
 * The `dot` format: a Graphviz digraph (`dot -Tsvg`, `dot -Tpng` draw it). Node ids are generated
 * and every label is a double-quoted string; in those Graphviz reads `\"` as a quote, gives other
 * backslash sequences a meaning (`\n`, `\l`, `\N` = the node's name) and decodes HTML entities
 * (`&amp;` draws `&`), so a backslash from the document is doubled and an ampersand written `&amp;`
 * (Graphviz docs, "DOT language: ID", "escString", and "char.html" entities in labels).
 */
import { attachedNics, drawModel, networkLines, unattachedLines } from './labels.js';
import type { VAppGraph } from './types.js';

/** A double-quoted DOT string that Graphviz draws as `s`, character for character. */
export function dotString(s: string): string {
  return `"${s.replace(/[\\"&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`))}"`;
}

/** Lines as one DOT label: each line escaped, joined with `\n` (centred lines). */
function lines(...ls: string[]): string {
  return `"${ls.map((l) => dotString(l).slice(1, -1)).join('\\n')}"`;
}

const FONT = 'Helvetica,Arial,sans-serif';

/** The graph as DOT text, ending in a newline. */
export function toDot(g: VAppGraph): string {
  const m = drawModel(g);
  const out: string[] = ['digraph vapp {'];
  out.push(`  graph [rankdir=LR, fontname=${dotString(FONT)}, fontsize=12, nodesep=0.25, ranksep=1.1, newrank=true];`);
  out.push(`  node [fontname=${dotString(FONT)}, fontsize=10, shape=box, style="rounded,filled", fillcolor="#eef4ff", color="#3b6fb6", margin="0.15,0.06"];`);
  out.push(`  edge [fontname=${dotString(FONT)}, fontsize=9, arrowhead=none, color="#555555"];`);
  out.push('  subgraph cluster_vapp {');
  out.push(`    label=${lines(...(m.subtitle ? [m.title, m.subtitle] : [m.title]))};`);
  out.push('    style="rounded"; color="#999999"; labeljust=l;');
  m.vms.forEach((vm, i) => out.push(`    vm${i + 1} [label=${lines(vm.title, ...vm.lines, ...unattachedLines(vm))}];`));
  m.networks.forEach((n, i) => {
    const style = n.declared ? 'fillcolor="#e8f6ee", color="#2e8b57"' : 'style="filled,dashed", fillcolor="#f4f4f4", color="#888888"';
    out.push(`    net${i + 1} [label=${lines(n.name, ...networkLines(n))}, shape=hexagon, ${style}];`);
  });
  m.deleted.forEach((d, i) => out.push(`    del${i + 1} [label=${lines(d, 'deleted by this request')}, style="rounded,filled,dashed", fillcolor="#fdecea", color="#c0392b"];`));
  if (m.empty) out.push(`    empty [label=${dotString(m.empty)}, shape=plaintext, style=""];`);
  out.push('  }');
  m.orgs.forEach((o, i) => out.push(`  org${i + 1} [label=${lines(o, 'org VDC network')}, shape=cylinder, style=filled, fillcolor="#fff6e0", color="#b8860b"];`));
  m.vms.forEach((vm, i) => {
    for (const nic of attachedNics(vm)) out.push(`  vm${i + 1} -> net${nic.network + 1} [label=${dotString(nic.label)}${nic.disconnected ? ', style=dashed' : ''}];`);
  });
  m.networks.forEach((n, i) => {
    if (n.org >= 0) out.push(`  net${i + 1} -> org${n.org + 1};`);
  });
  out.push('}');
  return out.join('\n') + '\n';
}
