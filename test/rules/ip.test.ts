/** IP parsing used by the NIC and network rules (the XSD's IpAddressType is an unrestricted string). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inRange, inSubnet, netmaskPrefix, parseIp, parseIPv4, parseIPv6 } from '../../src/validate/rules/ip.js';

const v4 = (b: number[]) => b.join('.');
const big = (words: number[], width: number) => words.reduce((a, w) => (a << BigInt(width)) | BigInt(w), 0n);

describe('IPv4', () => {
  test('every dotted quad parses to its value', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (b) => {
      expect(parseIPv4(v4(b))).toEqual({ v: 4, n: big(b, 8) });
    }));
  });
  test('rejects out-of-range, short, padded and prefixed forms', () => {
    for (const s of ['256.0.0.1', '10.0.0', '10.0.0.1.2', '010.0.0.1', '10.0.0.1/24', ' 10.0.0.1x', '', 'a.b.c.d']) expect(parseIp(s), s).toBeUndefined();
  });
});

describe('IPv6', () => {
  const words = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });
  test('full and compressed forms parse to the same value', () => {
    fc.assert(fc.property(words, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 8 }), (w, at, len) => {
      const n = big(w, 16);
      const hex = w.map((x) => x.toString(16));
      expect(parseIPv6(hex.join(':'))).toEqual({ v: 6, n });
      // Compress a run of zero words the way RFC 5952 allows.
      const z = [...w];
      for (let i = at; i < Math.min(8, at + len); i++) z[i] = 0;
      const end = Math.min(8, at + len);
      const compressed = `${z.slice(0, at).map((x) => x.toString(16)).join(':')}::${z.slice(end).map((x) => x.toString(16)).join(':')}`;
      expect(parseIPv6(compressed)).toEqual({ v: 6, n: big(z, 16) });
    }));
  });
  test('embedded IPv4 tail and invalid forms', () => {
    expect(parseIp('::ffff:10.0.0.1')).toEqual({ v: 6, n: 0xffff0a000001n });
    for (const s of ['1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'fe80::1%eth0', ':1:2:3:4:5:6:7', 'g::1']) expect(parseIp(s), s).toBeUndefined();
  });
});

describe('subnets', () => {
  test('netmask prefixes', () => {
    for (let p = 0; p <= 32; p++) {
      const n = p === 0 ? 0n : ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - p)) - 1n);
      const mask = [24, 16, 8, 0].map((s) => Number((n >> BigInt(s)) & 255n)).join('.');
      expect(netmaskPrefix(mask)).toBe(p);
    }
    expect(netmaskPrefix('255.0.255.0')).toBeUndefined();
  });
  test('membership', () => {
    const gw = parseIp('10.1.2.1')!;
    expect(inSubnet(parseIp('10.1.2.200')!, gw, 24)).toBe(true);
    expect(inSubnet(parseIp('10.1.3.1')!, gw, 24)).toBe(false);
    expect(inSubnet(parseIp('fd00::1')!, gw, 24)).toBe(false);
    expect(inRange(parseIp('10.1.2.50')!, parseIp('10.1.2.10')!, parseIp('10.1.2.50')!)).toBe(true);
    expect(inRange(parseIp('10.1.2.51')!, parseIp('10.1.2.10')!, parseIp('10.1.2.50')!)).toBe(false);
  });
});
