/**
 * The browser entry of vmparams (the playground bundles it; so can any web page or server-side
 * bundle): validate, format and graph with the bundled XSD set, the rule catalogue and the API
 * versions vmparams has facts for. Nothing here, nor anything it imports on these paths, needs a
 * Node built-in: test/playground/bundle.test.ts bundles this file with esbuild `platform: 'browser'`
 * and fails on any `node:` import. (Not src/index.ts: that one registers the Node-only schema
 * directory loader, src/validate/xsd-dir.ts, as a side effect.)
 */
import * as zod from 'zod';
import { loadCatalogue, type RuleInfo } from './cli/catalogue.js';
import { provideContextZod } from './validate/context.js';
import { ROOTS } from './model/roots.js';
import type { Content, Meta, Particle } from './model/dsl.js';
import { compareVersions, LATEST_API_VERSION, VERSION_FACTS, VMTYPE_FACTS } from './validate/versions.js';


// The page checks VDC contexts synchronously (validateSync): give the context loader zod now (there is no require in a browser).
provideContextZod(zod as unknown as typeof zod.z);
export { validate, validateSync } from './validate/index.js';
export type { ValidateOptions } from './validate/index.js';
export type { Problem, Report, Severity } from './validate/problem.js';
export { format, DEFAULT_PRINT_WIDTH } from './fmt/index.js';
export type { FormatOptions, FormatResult } from './fmt/index.js';
export { graph, renderGraph } from './graph/index.js';
export type { VAppGraph } from './graph/index.js';
export { KINDS } from './model/roots.js';
export type { Kind } from './model/roots.js';
export { LATEST_API_VERSION } from './validate/versions.js';
export { ContextError, VDC_CONTEXT_EXAMPLE } from './validate/context.js';
export type { VdcContext } from './validate/context.js';
export type { RuleInfo } from './cli/catalogue.js';

/**
 * Every rule that applies to request documents, by id: the built-in checks (`xml`, `xsd`,
 * `unused-directive`) and the semantic rules, with their docs (description, reason, fix, url), the
 * same metadata `vmparams rules` prints (src/cli/catalogue.ts).
 */
export async function requestRules(): Promise<Record<string, RuleInfo>> {
  const out: Record<string, RuleInfo> = {};
  for (const r of await loadCatalogue()) if (r.applies === 'xml') out[r.id] = r;
  return out;
}

/** The version facts of an element by its local name, with the correction tables of versions.ts applied. */
function corrected(local: string, meta: Meta): Meta {
  for (const [trail, fix] of Object.entries(VERSION_FACTS)) if (trail === local || trail.endsWith(`/${local}`)) return { ...meta, ...fix };
  return meta;
}

function addVersions(meta: Meta, into: Set<string>): void {
  for (const v of [meta.since, meta.deprecated, meta.removed]) if (v) into.add(v);
}

function walkContent(content: Content, seen: Set<Content>, into: Set<string>): void {
  if (seen.has(content)) return;
  seen.add(content);
  if (content.kind === 'xml') return;
  for (const a of content.attrs) addVersions(a, into);
  if (content.kind !== 'complex') return;
  for (const p of content.children as readonly Particle[]) {
    if (p.kind === 'choice') addVersions(p, into);
    for (const e of p.kind === 'choice' ? p.options : [p]) {
      addVersions(corrected(e.local, e), into);
      walkContent(e.content, seen, into);
    }
  }
}

/**
 * The API versions vmparams has facts for, newest first: every version at which an element or
 * attribute of the five requests appeared, was deprecated or was removed (the descriptions, with the
 * corrections and VmType facts of src/validate/versions.ts), and LATEST_API_VERSION. These are the
 * versions at which a verdict can change, so they are the ones worth picking.
 */
export function apiVersions(): string[] {
  const found = new Set<string>([LATEST_API_VERSION]);
  const seen = new Set<Content>();
  for (const root of Object.values(ROOTS)) walkContent(root as Content, seen, found);
  for (const m of Object.values(VMTYPE_FACTS)) addVersions(m, found);
  for (const m of Object.values(VERSION_FACTS)) addVersions(m, found);
  return [...found].sort((a, b) => compareVersions(b, a));
}
