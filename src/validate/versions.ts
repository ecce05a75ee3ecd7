/**
 * API-version engine: which elements and attributes a target Cloud Director API version knows.
 * The facts come from the descriptions (particle/attribute `since`/`deprecated`/`removed`, schema-facts.md §5)
 * plus the table below for facts the descriptions do not carry (semantic-rules.md R06/R07): corrections,
 * and the VmType content of CreateItem/ReconfigureItem, which the model keeps as generic XML.
 */
import type { ParsedDocument } from '../document.js';
import type { Meta } from '../model/dsl.js';
import { NS } from '../xml/names.js';
import { isText, type XElement } from '../xml/tree.js';
import { SECTION_BY_CLARK, vmTypeSections, walkContent, walkDocument, type Visitors } from './rules/walk.js';

/** The newest API version vmparams knows facts for; the target when none is given. */
export const LATEST_API_VERSION = '39.1';

/** A malformed `--api-version`. */
export class ApiVersionError extends Error {
  constructor(value: string) {
    super(`API version "${value}" is not a version number; write it like 33.0 or 36.2`);
    this.name = 'ApiVersionError';
  }
}

/** Parse `33`, `33.0`, `5.6` into numbers; throws ApiVersionError otherwise. */
export function parseApiVersion(v: string): number[] {
  const s = v.trim();
  if (!/^\d{1,3}(\.\d{1,3}){0,2}$/.test(s)) throw new ApiVersionError(v);
  return s.split('.').map(Number);
}

/** Compare two API versions numerically (`5.10` > `5.9`); negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const x = parseApiVersion(a);
  const y = parseApiVersion(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Facts keyed by element trail (`Parent/Child`, matched as a suffix of the walk trail), overriding or
 * adding to what the descriptions say.
 */
export const VERSION_FACTS: Record<string, Meta> = {
  // The model says removed "9.1" (the product release); the XSD meta says API_VERSION_POST9_1_UPDATE,
  // the first API after VCD 9.1 (API 29.0), i.e. 30.0 (schema-facts.md §3.1).
  SourcedVmInstantiationParams: { since: '5.1', deprecated: '5.6', removed: '30.0', replacement: 'SourcedItem' },
  // IpScope singular: removed-in 5.1 in the XSD meta (schema-facts.md §4.3); the model marks it deprecated.
  'Configuration/IpScope': { deprecated: '5.1', replacement: 'IpScopes/IpScope' },
};

/** Facts for VmType children (CreateItem/ReconfigureItem content), by trail below the item. */
export const VMTYPE_FACTS: Record<string, Meta> = {
  // vApp.xsd VmType; go-vcloud-director vm_types.go comments (semantic-rules.md R06).
  VdcComputePolicy: { since: '31.0', deprecated: '33.0', removed: '34.0', replacement: 'ComputePolicy' },
  ComputePolicy: { since: '33.0' },
  BootOptions: { since: '21.0' },
  'BootOptions/BootRetryEnabled': { since: '37.1' },
  'BootOptions/BootRetryDelay': { since: '37.1' },
  'BootOptions/EfiSecureBootEnabled': { since: '37.1' },
  'BootOptions/NetworkBootProtocol': { since: '37.1' },
  'VmSpecSection/Firmware': { since: '37.1' },
};

/** What happened to an element at the target version. */
export type VersionIssue = 'not-yet-available' | 'deprecated' | 'removed';

/** One element or attribute the target version does not accept as written. */
export interface VersionFinding {
  issue: VersionIssue;
  /** Where to report: a model object and a child key / `@attr` with index. */
  node: object;
  key?: string;
  index?: number;
  /** Element or attribute name as written (`VdcComputePolicy`, `@sourceDelete`). */
  name: string;
  /** The version that introduced, deprecated or removed it. */
  version: string;
  replacement?: string;
}

/** What happens to an item with these facts at the target version (undefined: accepted as is). */
export function judge(meta: Meta, target: string): { issue: VersionIssue; version: string } | undefined {
  if (meta.since && compareVersions(target, meta.since) < 0) return { issue: 'not-yet-available', version: meta.since };
  if (meta.removed && compareVersions(target, meta.removed) >= 0) return { issue: 'removed', version: meta.removed };
  if (meta.deprecated && compareVersions(target, meta.deprecated) >= 0) return { issue: 'deprecated', version: meta.deprecated };
  return undefined;
}

/** The facts of `table` for an element trail (matched as a suffix). */
export function factFor(trail: string, table: Record<string, Meta>): Meta | undefined {
  for (const [k, m] of Object.entries(table)) if (trail === k || trail.endsWith(`/${k}`)) return m;
  return undefined;
}

function walkVmType(el: XElement, below: string, target: string, item: XElement, out: VersionFinding[]): void {
  for (const c of el.children ?? []) {
    if (isText(c) || c.ns !== NS.vcloud) continue;
    const trail = below ? `${below}/${c.name}` : c.name;
    const meta = VMTYPE_FACTS[trail];
    const j = meta && judge(meta, target);
    if (j) out.push({ ...j, node: item, key: trail, name: c.name, replacement: meta.replacement });
    walkVmType(c, trail, target, item, out);
  }
}

const cache = new WeakMap<object, Map<string, VersionFinding[]>>();

/** Every element and attribute of the document the target API version does not know, has deprecated or removed. */
export function versionFindings(doc: ParsedDocument, target: string): VersionFinding[] {
  parseApiVersion(target);
  let byVersion = cache.get(doc);
  if (!byVersion) cache.set(doc, (byVersion = new Map()));
  const hit = byVersion.get(target);
  if (hit) return hit;
  const out: VersionFinding[] = [];
  const vis: Visitors = {
    element(v) {
      const meta = { ...v.particle, ...factFor(v.trail, VERSION_FACTS) };
      const j = judge(meta, target);
      if (j) out.push({ ...j, node: v.parent, key: v.key, index: v.index, name: v.particle.local, replacement: meta.replacement });
    },
    attr(v) {
      const j = judge(v.attr, target);
      if (j) out.push({ ...j, node: v.obj, key: `@${v.attr.key}`, name: `@${v.attr.local}`, replacement: v.attr.replacement });
    },
    xml(el, trail) {
      if (!/(^|\/)(CreateItem|ReconfigureItem)$/.test(trail)) return;
      walkVmType(el, '', target, el, out);
      // The sections of a VmType are typed with the section descriptions, so their particles' versions apply too.
      for (const s of vmTypeSections(el).sections) {
        const p = [...SECTION_BY_CLARK.entries()].find(([k]) => k.endsWith(`}${s.name}`))?.[1];
        if (!p) continue;
        const t = `${trail}/${s.name}`;
        vis.element?.({ parent: el as unknown as Record<string, unknown>, key: s.key, particle: p, value: s.value, trail: t });
        walkContent(s.value, p.content, t, vis);
      }
    },
  };
  walkDocument(doc, vis);
  byVersion.set(target, out);
  return out;
}
