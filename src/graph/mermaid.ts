/**
 * The `mermaid` format: a Mermaid `flowchart`, which GitHub renders inside a ```mermaid block in
 * Markdown (so a CI job can post it in a pull request comment). Node ids are generated (`vm1`,
 * `net1`, `org1`, `del1`), never taken from the document, so no name can clash with Mermaid keywords
 * such as `end`; every label is a quoted string with the characters Mermaid or its HTML labels would
 * read written as Mermaid entity codes (`#quot;`, `#lt;`, ... as in the Mermaid flowchart docs,
 * "Entity codes to escape characters").
 */
import { attachedNics, drawModel, networkLines, unattachedLines } from './labels.js';
import type { VAppGraph } from './types.js';

const ENTITIES: Record<string, string> = { '#': '#35;', '"': '#quot;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '|': '#124;', '`': '#96;' };

/** Text for inside a quoted Mermaid label: no quote, no HTML, no markdown-string backtick, no edge-label bar. */
export function mermaidText(s: string): string {
  return s.replace(/[#"&<>|`]/g, (c) => ENTITIES[c]!);
}

/** A label of lines, the first in bold (the `<b>`/`<br/>` here are ours; the document's text is escaped). */
function label(first: string, rest: string[]): string {
  return [`<b>${mermaidText(first)}</b>`, ...rest.map(mermaidText)].join('<br/>');
}

/** The graph as a Mermaid flowchart (text without the ``` fence), ending in a newline. */
export function toMermaid(g: VAppGraph): string {
  const m = drawModel(g);
  const out: string[] = ['flowchart LR'];
  const heading = m.subtitle ? `${m.title} · ${m.subtitle}` : m.title;
  out.push(`  subgraph vapp["${mermaidText(heading)}"]`);
  m.vms.forEach((vm, i) => out.push(`    vm${i + 1}["${label(vm.title, [...vm.lines, ...unattachedLines(vm)])}"]`));
  m.networks.forEach((n, i) => out.push(`    net${i + 1}{{"${label(n.name, networkLines(n))}"}}`));
  m.deleted.forEach((d, i) => out.push(`    del${i + 1}["${label(d, ['deleted by this request'])}"]`));
  // Mermaid cannot draw an empty subgraph well; say what the request leaves as it is.
  if (m.empty) out.push(`    empty["${mermaidText(m.empty)}"]`);
  out.push('  end');
  m.orgs.forEach((o, i) => out.push(`  org${i + 1}[("${label(o, ['org VDC network'])}")]`));
  m.vms.forEach((vm, i) => {
    for (const nic of attachedNics(vm)) out.push(`  vm${i + 1} ${nic.disconnected ? '-.-' : '---'}|"${mermaidText(nic.label)}"| net${nic.network + 1}`);
  });
  m.networks.forEach((n, i) => {
    if (n.org >= 0) out.push(`  net${i + 1} --- org${n.org + 1}`);
  });
  out.push('  style vapp fill:#fafafa,stroke:#999999,color:#111111');
  // A class (and its classDef) only where some node has it: the output stays short.
  const cls = (name: string, style: string, ids: string[]) => {
    if (ids.length) out.push(`  classDef ${name} ${style}`, `  class ${ids.join(',')} ${name}`);
  };
  cls('vm', 'fill:#eef4ff,stroke:#3b6fb6,color:#10243f', m.vms.map((_, i) => `vm${i + 1}`));
  cls('net', 'fill:#e8f6ee,stroke:#2e8b57,color:#0f3320', m.networks.flatMap((n, i) => (n.declared ? [`net${i + 1}`] : [])));
  cls('undeclared', 'fill:#f4f4f4,stroke:#888,color:#333,stroke-dasharray:4 3', m.networks.flatMap((n, i) => (n.declared ? [] : [`net${i + 1}`])));
  cls('org', 'fill:#fff6e0,stroke:#b8860b,color:#3d2c00', m.orgs.map((_, i) => `org${i + 1}`));
  cls('deleted', 'fill:#fdecea,stroke:#c0392b,color:#5c1a12,stroke-dasharray:4 3', m.deleted.map((_, i) => `del${i + 1}`));
  return out.join('\n') + '\n';
}
