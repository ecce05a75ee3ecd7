/**
 * A VDC description for `validate --context`, read from the live VDC (vcd-api-facts.md §8):
 * `GET` the Vdc, then each `AvailableNetworks/Network` (OrgVdcNetwork: `IpScopes/IpScope` with
 * Gateway, Netmask or SubnetPrefixLength and `IpRanges`, the static pools), each
 * `VdcStorageProfiles/VdcStorageProfile` (disabled ones are left out: the VDC does not offer them),
 * and the compute policies: the cloudapi 2.0.0 list linked from the VDC (`isSizingOnly` tells sizing
 * from placement), else the XML `VdcComputePolicyReferences` list. The result is checked against
 * the context schema (src/validate/context.ts) before it is returned.
 */
import { loadContext, type VdcContext } from '../validate/context.js';
import { VcdError } from './errors.js';
import { attr, kid, kids, readAnswer, textOf, type El } from './xml.js';

/** Reads a URL on the server as XML (`application/*+xml`) or JSON (cloudapi). */
export type ContextGetter = (href: string, as: 'xml' | 'json') => Promise<{ status: number; body: string }>;

/** The context, and what could not be read (each a line for the user). */
export interface ContextReport {
  context: VdcContext;
  warnings: string[];
}

type Ref = { name?: string; href?: string; id?: string };

function refOf(el: El): Ref {
  const r: Ref = {};
  for (const k of ['name', 'href', 'id'] as const) {
    const v = attr(el, k);
    if (v) r[k] = v;
  }
  return r;
}

/** Prefix length of a dotted IPv4 netmask, or undefined when it is not a contiguous mask. */
export function prefixOfNetmask(mask: string): number | undefined {
  const parts = mask.trim().split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  const bits = parts.map((p) => Number(p).toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : undefined;
}

async function xml(get: ContextGetter, href: string, want: string): Promise<El> {
  const res = await get(href, 'xml');
  if (res.status !== 200) throw new VcdError('http', `GET ${href}: HTTP ${res.status}`, { status: res.status });
  const root = readAnswer(res.body);
  if (!root || root.name !== want) throw new VcdError('protocol', `GET ${href}: expected ${want}, got ${root ? root.name : 'no XML'}`);
  return root;
}

/** The subnets of an OrgVdcNetwork (its IpScopes), as the context schema writes them. */
function subnetsOf(net: El): NonNullable<NonNullable<VdcContext['networks']>[number]['subnets']> {
  const scopes = kids(kid(kid(net, 'Configuration'), 'IpScopes'), 'IpScope');
  return scopes.flatMap((s) => {
    const gateway = textOf(kid(s, 'Gateway'));
    const given = textOf(kid(s, 'SubnetPrefixLength'));
    const prefixLength = given && /^\d+$/.test(given) ? Number(given) : prefixOfNetmask(textOf(kid(s, 'Netmask')) ?? '');
    if (!gateway || prefixLength === undefined) return [];
    const staticPools = kids(kid(s, 'IpRanges'), 'IpRange').flatMap((r) => {
      const start = textOf(kid(r, 'StartAddress'));
      const end = textOf(kid(r, 'EndAddress'));
      return start && end ? [{ start, end }] : [];
    });
    return [{ gateway, prefixLength, ...(staticPools.length ? { staticPools } : {}) }];
  });
}

/** Sizing and placement policies from the cloudapi 2.0.0 list (paged `values[]`). */
async function policiesFromCloudapi(get: ContextGetter, href: string): Promise<{ sizing: Ref[]; placement: Ref[] }> {
  const sizing: Ref[] = [];
  const placement: Ref[] = [];
  for (let page = 1, pages = 1; page <= pages && page <= 50; page++) {
    const url = `${href}${href.includes('?') ? '&' : '?'}page=${page}&pageSize=128`;
    const res = await get(url, 'json');
    if (res.status !== 200) throw new VcdError('http', `GET ${href}: HTTP ${res.status}`, { status: res.status });
    const j = JSON.parse(res.body) as { pageCount?: unknown; values?: unknown };
    pages = typeof j.pageCount === 'number' ? j.pageCount : 1;
    for (const v of Array.isArray(j.values) ? (j.values as Record<string, unknown>[]) : []) {
      if (v.policyType !== undefined && v.policyType !== 'VdcVmPolicy') continue; // Kubernetes policies do not apply to vApp VMs
      const ref: Ref = {};
      if (typeof v.name === 'string') ref.name = v.name;
      if (typeof v.id === 'string') ref.id = v.id;
      (v.isSizingOnly === true ? sizing : placement).push(ref);
    }
  }
  return { sizing, placement };
}

/** Read the VDC at `href` and what it links into a VDC description. Throws VcdError when the VDC itself cannot be read. */
export async function readContext(get: ContextGetter, href: string): Promise<ContextReport> {
  const warnings: string[] = [];
  const vdc = await xml(get, href, vdc0(href));
  const context: VdcContext = { $schema: './node_modules/vmparams/schemas/vdc-context.schema.json', vdc: refOf(vdc) };
  if (!context.vdc!.href) context.vdc!.href = href;

  const networks: NonNullable<VdcContext['networks']> = [];
  for (const n of kids(kid(vdc, 'AvailableNetworks'), 'Network')) {
    const ref = refOf(n);
    const entry: NonNullable<VdcContext['networks']>[number] = { name: ref.name ?? ref.href ?? '?', ...(ref.href ? { href: ref.href } : {}), ...(ref.id ? { id: ref.id } : {}) };
    try {
      if (ref.href) {
        const net = await xml(get, ref.href, 'OrgVdcNetwork');
        const subnets = subnetsOf(net);
        if (subnets.length) entry.subnets = subnets;
        if (!entry.id && attr(net, 'id')) entry.id = attr(net, 'id');
      }
    } catch (e) {
      warnings.push(`network ${entry.name}: ${e instanceof Error ? e.message : String(e)}; listed without subnets`);
    }
    networks.push(entry);
  }
  context.networks = networks;

  const profiles: Ref[] = [];
  for (const p of kids(kid(vdc, 'VdcStorageProfiles'), 'VdcStorageProfile')) {
    const ref = refOf(p);
    try {
      if (ref.href) {
        const full = await xml(get, ref.href, 'VdcStorageProfile');
        if (textOf(kid(full, 'Enabled')) === 'false') {
          warnings.push(`storage profile ${ref.name ?? ref.href} is disabled; left out`);
          continue;
        }
        if (!ref.id && attr(full, 'id')) ref.id = attr(full, 'id');
      }
    } catch (e) {
      warnings.push(`storage profile ${ref.name ?? ref.href}: ${e instanceof Error ? e.message : String(e)}; listed as the VDC names it`);
    }
    profiles.push(ref);
  }
  context.storageProfiles = profiles;

  const v2 = kids(vdc, 'Link').find((l) => attr(l, 'rel') === 'down' && /\/cloudapi\/2\.0\.0\/vdcs\/[^/]+\/computePolicies/.test(attr(l, 'href') ?? ''));
  const refsLink = kids(vdc, 'Link').find((l) => attr(l, 'type')?.toLowerCase() === 'application/vnd.vmware.vcloud.vdccomputepolicyreferences+xml');
  try {
    if (v2) {
      const { sizing, placement } = await policiesFromCloudapi(get, attr(v2, 'href')!);
      context.sizingPolicies = sizing;
      context.placementPolicies = placement;
    } else if (refsLink) {
      // The XML list does not say which policies size and which place a VM: both lists get all of them.
      const list = await xml(get, attr(refsLink, 'href')!, 'VdcComputePolicyReferences');
      const refs = kids(list, 'VdcComputePolicyReference').map(refOf);
      context.sizingPolicies = refs;
      context.placementPolicies = refs;
      warnings.push('compute policies read from the XML list, which does not tell sizing from placement policies (API 35.0+ has the cloudapi list)');
    } else {
      const defaults = [kid(vdc, 'DefaultComputePolicy'), kid(vdc, 'MaxComputePolicy')].filter((x): x is El => !!x).map(refOf);
      if (defaults.length) context.sizingPolicies = defaults;
      warnings.push('the VDC links no compute policy list; only its default policy is known');
    }
  } catch (e) {
    warnings.push(`compute policies: ${e instanceof Error ? e.message : String(e)}; left out (no policy check)`);
    delete context.sizingPolicies;
    delete context.placementPolicies;
  }

  const hw = kids(kid(kid(vdc, 'Capabilities'), 'SupportedHardwareVersions'), 'SupportedHardwareVersion')
    .map((h) => textOf(h) || attr(h, 'name') || '')
    .filter((v) => /^vmx-\d+$/.test(v));
  if (hw.length) context.hardwareVersions = [...new Set(hw)];
  return { context: loadContext(context), warnings };
}

/** The root a VDC href answers with: `AdminVdc` for the admin view, else `Vdc`. */
function vdc0(href: string): string {
  return /\/api\/admin\/vdc\//i.test(href) ? 'AdminVdc' : 'Vdc';
}
