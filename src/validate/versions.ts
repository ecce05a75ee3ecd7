/**
 * API-version engine: which elements and attributes a target Cloud Director API version knows.
 * The facts come from the descriptions (particle/attribute `since`/`deprecated`/`removed`, schema-facts.md §5)
 * plus the table below for facts the descriptions do not carry (semantic-rules.md R06/R07): corrections,
 * and the VmType content of CreateItem/ReconfigureItem, which the model keeps as generic XML.
 * The verdicts for one target version are computed once per particle and attribute (versionFacts) and
 * looked up by the rules during the one walk of the document.
 */
import type { AttrDesc, ElementParticle, Meta } from '../model/dsl.js';
import { NS } from '../xml/names.js';
import { isText, type XElement } from '../xml/tree.js';
import type { ParsedDocument } from '../document.js';
import { DocView } from './rules/view.js';
import { ALL_PARTICLES, walkModel, type ElementNode } from './rules/walk.js';

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

/** The target version's verdict on one element or attribute description. */
export interface Verdict {
  issue: VersionIssue;
  /** The version that introduced, deprecated or removed it. */
  version: string;
  replacement?: string;
}

/** One element of a VmType's generic content (CreateItem/ReconfigureItem) the target version does not accept as written. */
export interface VmTypeFinding extends Verdict {
  /** The element's trail below the item (`BootOptions/BootRetryEnabled`), also the report key. */
  trail: string;
  /** The element's local name. */
  name: string;
}

/** The verdict of the facts `meta` at the target version (undefined: accepted as written). */
export function judge(meta: Meta, target: string): Verdict | undefined {
  if (meta.since && compareVersions(target, meta.since) < 0) return { issue: 'not-yet-available', version: meta.since, replacement: meta.replacement };
  if (meta.removed && compareVersions(target, meta.removed) >= 0) return { issue: 'removed', version: meta.removed, replacement: meta.replacement };
  if (meta.deprecated && compareVersions(target, meta.deprecated) >= 0) return { issue: 'deprecated', version: meta.deprecated, replacement: meta.replacement };
  return undefined;
}

/** VERSION_FACTS by the last element name of their trail, with the names above it (innermost first). */
const FACTS_BY_LOCAL = new Map<string, Array<{ above: string[]; meta: Meta }>>();
for (const [trail, meta] of Object.entries(VERSION_FACTS)) {
  const names = trail.split('/');
  const local = names.pop()!;
  if (!FACTS_BY_LOCAL.has(local)) FACTS_BY_LOCAL.set(local, []);
  FACTS_BY_LOCAL.get(local)!.push({ above: names.reverse(), meta });
}

/** Whether the elements above `node` end with `above` (innermost first): the trail-suffix match of VERSION_FACTS. */
function under(node: ElementNode, above: string[]): boolean {
  let e = node.up;
  for (const name of above) {
    if (!e || e.particle.local !== name) return false;
    e = e.up;
  }
  return true;
}

/**
 * The verdict on an element (or attribute) with the facts `meta` standing at `trail` (element names
 * from the root, `SourcedItem/VmGeneralParams`), with the VERSION_FACTS corrections for that trail:
 * for writers that know a trail rather than a walk node (build and normalize with an apiVersion).
 */
export function verdictAt(meta: Meta, trail: string, target: string): Verdict | undefined {
  const names = trail.split('/').filter(Boolean);
  const local = names.pop();
  const hit = local === undefined ? undefined : FACTS_BY_LOCAL.get(local)?.find((f) => f.above.every((n, i) => names[names.length - 1 - i] === n));
  return judge(hit ? { ...meta, ...hit.meta } : meta, target);
}

/**
 * The verdicts of one target API version, computed once per description (particle or attribute) and
 * cached: during the walk a rule's lookup is one Map access.
 */
export class VersionFacts {
  private readonly elements = new Map<ElementParticle, Verdict | null>();
  private readonly attrs = new Map<AttrDesc, Verdict | null>();
  private readonly vmTypes = new Map<string, Verdict | null>();
  private readonly byItem = new WeakMap<XElement, VmTypeFinding[]>();
  private readonly names = new Map<VersionIssue, string[]>();

  constructor(
    /** The target API version (validated). */
    readonly target: string,
  ) {
    parseApiVersion(target);
  }

  /**
   * The element kinds (local names) that can have a verdict of this issue at the target version: the
   * kinds a version rule listens to, so elements every version accepts cost it nothing. Includes the
   * kinds of the trail-dependent table facts and the VM items whose VmType content has facts.
   */
  kinds(issue: VersionIssue): readonly string[] {
    let out = this.names.get(issue);
    if (!out) {
      const set = new Set<string>(FACTS_BY_LOCAL.keys());
      for (const p of ALL_PARTICLES) if (judge(p, this.target)?.issue === issue) set.add(p.local);
      set.add('CreateItem').add('ReconfigureItem');
      this.names.set(issue, (out = [...set]));
    }
    return out;
  }

  /** The verdict on a visited element; undefined when the target version accepts it as written. */
  element(node: ElementNode): Verdict | undefined {
    const p = node.particle;
    const facts = FACTS_BY_LOCAL.get(p.local);
    if (facts) {
      // A table fact depends on where the element stands (its trail), so it is not cached by particle.
      const hit = facts.find((f) => under(node, f.above));
      if (hit) return judge({ ...p, ...hit.meta }, this.target);
    }
    let v = this.elements.get(p);
    if (v === undefined) this.elements.set(p, (v = judge(p, this.target) ?? null));
    return v ?? undefined;
  }

  /** The verdict on an attribute description. */
  attr(a: AttrDesc): Verdict | undefined {
    let v = this.attrs.get(a);
    if (v === undefined) this.attrs.set(a, (v = judge(a, this.target) ?? null));
    return v ?? undefined;
  }

  /** Every vCloud element of a VmType's generic content (a CreateItem/ReconfigureItem) with a verdict, by VMTYPE_FACTS. */
  vmType(item: XElement): VmTypeFinding[] {
    const known = this.byItem.get(item);
    if (known) return known;
    const out: VmTypeFinding[] = [];
    this.byItem.set(item, out);
    const visit = (el: XElement, below: string) => {
      for (const c of el.children ?? []) {
        if (isText(c) || c.ns !== NS.vcloud) continue;
        const trail = below ? `${below}/${c.name}` : c.name;
        let v = this.vmTypes.get(trail);
        if (v === undefined) {
          const meta = VMTYPE_FACTS[trail];
          this.vmTypes.set(trail, (v = (meta && judge(meta, this.target)) || null));
        }
        if (v) out.push({ ...v, trail, name: c.name });
        visit(c, trail);
      }
    };
    visit(item, '');
    return out;
  }
}

const factsByVersion = new Map<string, VersionFacts>();

/** The verdicts for a target API version (one instance per version). Throws ApiVersionError for a malformed version. */
export function versionFacts(target: string): VersionFacts {
  let f = factsByVersion.get(target);
  if (!f) factsByVersion.set(target, (f = new VersionFacts(target)));
  return f;
}

/** One element or attribute of a document the target version does not accept as written. */
export interface VersionFinding extends Verdict {
  /** Where to report: a model object and a child key / `@attr` with index. */
  node: object;
  key?: string;
  index?: number;
  /** Element or attribute name as written (`VdcComputePolicy`, `@sourceDelete`). */
  name: string;
}

const findings = new WeakMap<object, Map<string, VersionFinding[]>>();

/**
 * Every element and attribute of the document the target API version does not know, has deprecated or
 * removed (one walk, cached per document and version). The version rules make the same lookups inside
 * the engine's walk; this is the same verdict as a list, for tools and tests.
 */
export function versionFindings(doc: ParsedDocument, target: string): VersionFinding[] {
  const facts = versionFacts(target);
  let byVersion = findings.get(doc);
  if (!byVersion) findings.set(doc, (byVersion = new Map()));
  const hit = byVersion.get(target);
  if (hit) return hit;
  const out: VersionFinding[] = [];
  walkModel(new DocView(doc, { apiVersion: target }), {
    wants: () => true,
    enter(n) {
      const v = facts.element(n);
      if (v) out.push({ ...v, node: n.parent, key: n.key, index: n.index, name: n.particle.local });
      if (n.up === undefined && n.vm?.xml && n.vm.xml === n.value) for (const f of facts.vmType(n.vm.xml)) out.push({ issue: f.issue, version: f.version, replacement: f.replacement, node: n.vm.xml, key: f.trail, name: f.name });
    },
    exit() {},
    attr(a) {
      const v = facts.attr(a.attr);
      if (v) out.push({ ...v, node: a.obj, key: `@${a.attr.key}`, name: `@${a.attr.local}` });
    },
    generic: null,
  });
  byVersion.set(target, out);
  return out;
}
