/**
 * See the vApp (interface.md "See the vApp"): `graph()` turns a request into a VAppGraph and
 * `renderGraph()` draws it as Mermaid, DOT, SVG or JSON. Nothing here touches the file system or
 * imports a Node built-in, so a web page can bundle it (the playground).
 */
import { toDot } from './dot.js';
import { toJson } from './json.js';
import { toMermaid } from './mermaid.js';
import { toSvg } from './svg.js';
import type { GraphFormat, VAppGraph } from './types.js';

export { graph } from './model.js';
export { GRAPH_FORMATS } from './types.js';
export type { GraphFormat, GraphNetwork, GraphNetworkMapping, GraphNic, GraphRef, GraphVm, VAppGraph, VmItem } from './types.js';

const RENDERERS = { mermaid: toMermaid, dot: toDot, svg: toSvg, json: toJson } satisfies Record<GraphFormat, (g: VAppGraph) => string>;

/** Draw a graph in one format (default `mermaid`); same graph -> same text. Throws on an unknown format. */
export function renderGraph(g: VAppGraph, format: GraphFormat = 'mermaid'): string {
  const render = (RENDERERS as Record<string, ((g: VAppGraph) => string) | undefined>)[format];
  if (!render) throw new TypeError(`unknown graph format ${JSON.stringify(format)}; use one of ${Object.keys(RENDERERS).join(', ')}`);
  return render(g);
}
