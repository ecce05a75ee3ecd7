/**
 * `workspace/executeCommand` "vmparams.graph": the picture of what the open request builds
 * (src/graph), as `vmparams graph` draws it, for editors that show Mermaid or SVG.
 */
import { documentFrom } from '../document.js';
import { graph, GRAPH_FORMATS, renderGraph, type GraphFormat } from '../graph/index.js';
import type { Analysis } from './analysis.js';

/** The command's name; arguments: the document URI and a format (`mermaid` default, `dot`, `svg`, `json`). */
export const GRAPH_COMMAND = 'vmparams.graph';

/** The rendered graph of a request document, or null when it cannot be read as one. */
export function graphOf(analysis: Analysis, format = 'mermaid'): string | null {
  if (!analysis.tree || !(GRAPH_FORMATS as readonly string[]).includes(format)) return null;
  let doc;
  try {
    doc = documentFrom(analysis.tree);
  } catch {
    // Not a request in the vCloud namespace: nothing to draw (the diagnostics say why).
    return null;
  }
  return renderGraph(graph(doc), format as GraphFormat);
}
