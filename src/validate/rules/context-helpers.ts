/** Lookups into the VDC context for the context rules: entities are matched by href, URN id or name. */
import type { VdcContext } from '../context.js';

/** The id part of an href or URN (`.../vm-1234` and `urn:vcloud:vm:1234` both give `1234`). */
function tail(s: string): string {
  const t = s.trim().replace(/\/+$/, '');
  const last = t.split(/[/:]/).pop() ?? t;
  return last.replace(/^(vm|vapp|vappTemplate|vdcStorageProfile|network)-/i, '').toLowerCase();
}

/** Whether two hrefs (or an href and a URN) point at the same entity. */
export function sameEntity(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a.trim() === b.trim()) return true;
  const x = tail(a);
  return x.length >= 8 && x === tail(b);
}

/** A reference as written in the document. */
export interface RefLike {
  href?: string;
  id?: string;
  name?: string;
}

/** Find the context entity a document reference points at. */
export function findRef<T extends RefLike>(list: readonly T[] | undefined, ref: RefLike): T | undefined {
  if (!list) return undefined;
  const byId = list.find((e) => sameEntity(e.href, ref.href) || sameEntity(e.id, ref.id) || sameEntity(e.id, ref.href) || sameEntity(e.href, ref.id));
  if (byId) return byId;
  // Names identify an entity only when one side has nothing better to compare.
  return list.find((e) => !!ref.name && e.name === ref.name && ((!e.href && !e.id) || (!ref.href && !ref.id)));
}

/** The template (or the template VM) a Source href names. */
export function findTemplate(ctx: VdcContext | undefined, href: string | undefined) {
  for (const t of ctx?.templates ?? []) {
    if (sameEntity(t.href, href)) return { template: t, vm: undefined };
    const vm = t.vms?.find((v) => sameEntity(v.href, href));
    if (vm) return { template: t, vm };
  }
  return undefined;
}
