/**
 * PNG text chunks (PNG spec §11.3.4.3, tEXt: keyword, NUL, Latin-1 text), to carry the fingerprint
 * of what a screenshot shows inside the image itself, and the image size from IHDR (§11.2.2).
 */
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(png: Buffer): Chunk[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  const out: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    out.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

function encode(c: Chunk): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(c.data.length, 0);
  head.write(c.type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), c.data])) >>> 0);
  return Buffer.concat([head, c.data, crc]);
}

/** The PNG with a tEXt chunk `keyword` = `text` before IEND (replacing one of the same keyword). */
export function withText(png: Buffer, keyword: string, text: string): Buffer {
  const kept = chunks(png).filter((c) => !(c.type === 'tEXt' && c.data.toString('latin1').split('\0')[0] === keyword));
  const entry = { type: 'tEXt', data: Buffer.from(`${keyword}\0${text}`, 'latin1') };
  return Buffer.concat([SIGNATURE, ...kept.slice(0, -1).map(encode), encode(entry), encode(kept[kept.length - 1]!)]);
}

/** The text of the tEXt chunk `keyword`, or undefined. */
export function textOf(png: Buffer, keyword: string): string | undefined {
  for (const c of chunks(png)) {
    if (c.type !== 'tEXt') continue;
    const [k, ...rest] = c.data.toString('latin1').split('\0');
    if (k === keyword) return rest.join('\0');
  }
  return undefined;
}

/** Width and height from IHDR. */
export function sizeOf(png: Buffer): { width: number; height: number } {
  const ihdr = chunks(png)[0]!;
  return { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4) };
}
