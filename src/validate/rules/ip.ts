/**
 * IPv4/IPv6 parsing for the NIC and network rules: the XSD's IpAddressType is an unrestricted
 * xs:string (network.xsd, schema-facts.md §4.3), so vmparams checks addresses itself.
 */

/** A parsed address: family and value as a big integer. */
export interface Ip {
  v: 4 | 6;
  n: bigint;
}

/** Parse a dotted-quad IPv4 address (no leading zeros beyond one digit groups like 010 are rejected). */
export function parseIPv4(s: string): Ip | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let n = 0n;
  for (const part of m.slice(1)) {
    if (part.length > 1 && part.startsWith('0')) return undefined;
    const x = Number(part);
    if (x > 255) return undefined;
    n = (n << 8n) | BigInt(x);
  }
  return { v: 4, n };
}

/** Parse an IPv6 address (RFC 4291 text forms, including `::` and an embedded IPv4 tail; no zone id). */
export function parseIPv6(s: string): Ip | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  let body = s;
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const ip = parseIPv4(v4[2]);
    if (!ip) return undefined;
    body = `${v4[1]}${(ip.n >> 16n).toString(16)}:${(ip.n & 0xffffn).toString(16)}`;
  }
  if (body.includes('.')) return undefined;
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const groups = (x: string) => (x === '' ? [] : x.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...rest];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  if (halves.length === 1 ? all.length !== 8 : all.length > 7) return undefined;
  const words = [...head, ...Array<string>(8 - all.length).fill('0'), ...rest].map((g) => BigInt(parseInt(g, 16)));
  return { v: 6, n: words.reduce((acc, w) => (acc << 16n) | w, 0n) };
}

/** Parse either family. */
export function parseIp(s: string): Ip | undefined {
  const t = s.trim();
  return t.includes(':') ? parseIPv6(t) : parseIPv4(t);
}

/** The prefix length of a contiguous IPv4 netmask (`255.255.255.0` -> 24), undefined when not contiguous. */
export function netmaskPrefix(mask: string): number | undefined {
  const ip = parseIPv4(mask.trim());
  if (!ip) return undefined;
  const bits = ip.n.toString(2).padStart(32, '0');
  return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : undefined;
}

/** Whether `ip` is in the subnet of `gateway`/`prefix` (same family). */
export function inSubnet(ip: Ip, gateway: Ip, prefix: number): boolean {
  if (ip.v !== gateway.v) return false;
  const width = ip.v === 4 ? 32n : 128n;
  const host = width - BigInt(prefix);
  return ip.n >> host === gateway.n >> host;
}

/** Whether `ip` lies in `[start, end]` (same family). */
export function inRange(ip: Ip, start: Ip, end: Ip): boolean {
  return ip.v === start.v && ip.v === end.v && ip.n >= start.n && ip.n <= end.n;
}

/**
 * True for "Any", which the schema documents as a value of IpAddressType ("A valid IPv4 address or
 * "Any"", network.xsd): no particular address. terraform-provider-vcd sends `any` on the placeholder
 * NIC of a new VM (network "none", NONE), so the case is not significant.
 */
export function isAnyAddress(s: string): boolean {
  return s.trim().toLowerCase() === 'any';
}
