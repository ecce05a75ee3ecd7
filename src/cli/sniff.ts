/**
 * Is this XML file a Cloud Director request at all? `vmparams validate .` in a repository meets
 * pom.xml, JUnit reports and IDE files; those are skipped when found by walking (issue 12). Only the
 * root element's name is needed, so this reads the first 64 KiB and steps over the prolog (XML
 * declaration, comments, processing instructions, DOCTYPE) to the first start tag: no parse of the
 * whole file. Whatever it cannot tell (text before the root, a prolog longer than 64 KiB, bytes that
 * are not text) is left to validate, which reports it.
 */
import fs from 'node:fs';
import { KINDS } from '../model/roots.js';

const HEAD_BYTES = 64 * 1024;

/** The local name of the root element at the start of `text`, or undefined when it cannot be told. */
export function rootLocalName(text: string): string | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  for (;;) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (text[i] !== '<') return undefined;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      // The internal subset may hold '>' inside [...] (and in quoted literals, rare enough to give up on).
      let depth = 0;
      let j = i + 9;
      for (; j < n; j++) {
        const c = text[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (j >= n) return undefined;
      i = j + 1;
    } else {
      // XML name characters only (XML 1.0 §2.3, roughly): nothing that could drive a terminal is ever
      // echoed. The name must end inside the text read: a name cut at the end of the head is not told.
      const m = /^<([A-Za-z_\u00C0-\uFFFD][\w.:\-\u00B7\u00C0-\uFFFD]*)(?=[\s/>])/.exec(text.slice(i, i + 512));
      if (!m) return undefined;
      const name = m[1]!;
      return name.slice(name.indexOf(':') + 1);
    }
  }
}

/** Decode the head of a file: UTF-16 by its BOM, else UTF-8 (a cut multi-byte sequence at the end is harmless). */
function decodeHead(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return UTF8.decode(bytes);
}

const UTF8 = new TextDecoder('utf-8');
/** One buffer for every file: the walk is sequential. */
const HEAD = new Uint8Array(HEAD_BYTES);
/** Most prologs fit in this; only when the root is not found there is the rest of HEAD_BYTES read. */
const FIRST_READ = 4096;

/**
 * Why a file found by walking is skipped (its root element is not one of the five requests), or
 * undefined when it is to be validated, including when it cannot be read or its root cannot be told:
 * validate then says what is wrong.
 */
export function skipReason(abs: string): string | undefined {
  let name: string | undefined;
  try {
    const fd = fs.openSync(abs, 'r');
    try {
      let n = fs.readSync(fd, HEAD, 0, FIRST_READ, 0);
      name = rootLocalName(decodeHead(HEAD.subarray(0, n)));
      if (name === undefined && n === FIRST_READ) {
        n += fs.readSync(fd, HEAD, n, HEAD_BYTES - n, n);
        name = rootLocalName(decodeHead(HEAD.subarray(0, n)));
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (name === undefined || (KINDS as string[]).includes(name)) return undefined;
  return `the root element <${name}> is not a Cloud Director request (${KINDS.join(', ')})`;
}
