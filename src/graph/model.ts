/**
 * graph(): a request document as a VAppGraph. The document goes through parse() and normalize() like
 * everywhere else; the vApp networks are the root InstantiationParams/NetworkConfigSection
 * (schema-facts.md §4.3), the VMs come from vms.ts.
 */
import { normalize } from '../normalize.js';
import { UnknownDocumentError, type NormalizedDocument, type ParsedDocument, type ParseOptions, type VmParamsDocument } from '../document.js';
import { KINDS } from '../model/roots.js';
import { DocView, type Obj } from '../validate/rules/view.js';
import type { GraphNetwork, GraphNetworkMapping, VAppGraph } from './types.js';
import { graphVms, refOf } from './vms.js';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => {
  const x = isObj(v) ? v.$value : v;
  return typeof x === 'string' ? x : null;
};

/** The vApp networks: one per NetworkConfig of the root NetworkConfigSection(s), in document order. */
function networksOf(view: DocView): GraphNetwork[] {
  return view.vappNetworks.map((nc) => {
    const n = nc as unknown as Obj;
    const conf = isObj(n.Configuration) ? n.Configuration : {};
    const parent = refOf(conf.ParentNetwork);
    return { name: str(n.networkName) ?? '', fenceMode: str(conf.FenceMode)?.trim() || null, parent: parent ? (parent.name ?? parent.href) : null };
  });
}

/** InstantiateOvfParams/NetworkMapping: OVF network -> the network it is attached to. */
function mappingsOf(root: Obj): GraphNetworkMapping[] {
  return ((root.NetworkMapping as Obj[] | undefined) ?? []).map((m) => ({ source: str(m.Source) ?? '', target: str(m.Target) ?? '' }));
}

/**
 * What a request builds: the vApp, its networks, its VMs and their NICs (plus the deleted VMs of a
 * recompose, the source of an instantiate or clone, the network mappings of an OVF upload).
 * Takes XML (text or bytes) or a document object; throws what parse() throws for XML that is not a request.
 */
export function graph(input: string | Uint8Array | ParsedDocument | NormalizedDocument | VmParamsDocument, opts: ParseOptions = {}): VAppGraph {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    // An object must say which request it is (build() asks the same, in the same words).
    const kind = (input as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) {
      throw new UnknownDocumentError(`the document's "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
    }
  }
  const doc = normalize(input as ParsedDocument, opts);
  const root = doc as unknown as Obj;
  // DocView reads the raw model; over a normalized document its leaves are decoded values (view.text() accepts both).
  const view = new DocView(doc as unknown as ParsedDocument);
  const g: VAppGraph = { kind: doc.kind, vapp: { name: str(root.name) }, networks: networksOf(view), vms: graphVms(view) };
  if (doc.kind === 'InstantiateVAppTemplateParams' || doc.kind === 'CloneVAppParams') {
    const source = refOf(root.Source);
    if (source) g.vapp.source = source;
    const del = isObj(root.IsSourceDelete) ? root.IsSourceDelete.$value : root.IsSourceDelete;
    if (doc.kind === 'CloneVAppParams') g.vapp.sourceDelete = del === true;
  }
  if (doc.kind === 'RecomposeVAppParams') g.deleted = ((root.DeleteItem as unknown[] | undefined) ?? []).map((d) => refOf(d) ?? { name: null, href: null });
  if (doc.kind === 'InstantiateOvfParams') g.networkMappings = mappingsOf(root);
  return g;
}
