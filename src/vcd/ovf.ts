/**
 * The uploads of instantiateOvf (vcd-api-facts.md §4 "instantiateOvf needs more afterwards"; vCloud
 * API Programming Guide 5.5 pp. 98-99): PUT the OVF descriptor to the `upload:default` link of the
 * vApp's first File, re-read the vApp until `ovfDescriptorUploaded="true"` and the files the
 * descriptor references have links of their own, then PUT each of them, read from beside the
 * descriptor. Only files the descriptor's References name are ever read, and only from its folder.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readActionAnswer, type ActionAnswer, type UploadLink } from './actions.js';
import { VcdError } from './errors.js';
import type { HttpResponse, RequestInit } from './http.js';
import { attr, kid, kids, readAnswer } from './xml.js';

/** The client's authenticated request. */
export type Requester = (method: string, href: string, init?: RequestInit) => Promise<HttpResponse>;

/** What was uploaded. */
export interface UploadReport {
  /** Names (as the server calls them) and sizes of the files sent. */
  files: { name: string; bytes: number }[];
  /** The vApp as it stands after the uploads (its tasks to follow). */
  answer: ActionAnswer;
}

/** The files an OVF descriptor's References list: server-side name (ovf:href) -> local path. */
export function ovfReferences(descriptor: string, ovfPath: string): Map<string, string> {
  const root = readAnswer(descriptor);
  if (!root || root.name !== 'Envelope') throw new VcdError('usage', `${ovfPath}: not an OVF descriptor (no ovf:Envelope)`);
  const dir = path.dirname(path.resolve(ovfPath));
  const out = new Map<string, string>();
  for (const f of kids(kid(root, 'References'), 'File')) {
    const href = attr(f, 'href');
    if (!href) continue;
    // A reference is a file beside the descriptor; a URL or a path out of its folder is not uploaded.
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || path.isAbsolute(href) || href.split(/[\\/]/).includes('..')) {
      throw new VcdError('usage', `${ovfPath}: References/File href "${href}" is not a file beside the descriptor`);
    }
    out.set(href, path.join(dir, href));
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function put(req: Requester, link: UploadLink, body: RequestInit['body'], size: number, type: string): Promise<void> {
  const res = await req('PUT', link.href, { headers: { 'Content-Type': type, 'Content-Length': String(size) }, body, timeoutMs: 0 });
  if (res.status < 200 || res.status >= 300) throw new VcdError('http', `PUT of ${link.name} to the upload link: HTTP ${res.status}`, { status: res.status });
}

/**
 * Upload the descriptor at `ovfPath` and the files it references for the vApp `first` describes.
 * `pollMs` is the pause between re-reads of the vApp (default 1000), at most `tries` of them.
 */
export async function uploadOvf(req: Requester, first: ActionAnswer, ovfPath: string, opts: { pollMs?: number; tries?: number } = {}): Promise<UploadReport> {
  let descriptor: Buffer;
  try {
    descriptor = readFileSync(ovfPath);
  } catch (e) {
    throw new VcdError('usage', `--ovf ${ovfPath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, { cause: e });
  }
  const refs = ovfReferences(descriptor.toString('utf8'), ovfPath);
  for (const [name, local] of refs) {
    try {
      statSync(local);
    } catch {
      throw new VcdError('usage', `${ovfPath} references ${name}, which is not beside it (${local})`);
    }
  }
  if (!first.vApp) throw new VcdError('protocol', 'instantiateOvf: the answer names no vApp');
  const descLink = first.uploads.find((u) => !refs.has(u.name)) ?? first.uploads[0];
  if (!descLink) throw new VcdError('protocol', 'instantiateOvf: the answer has no upload link for the descriptor');
  await put(req, descLink, descriptor, descriptor.length, 'text/xml');
  const sent = [{ name: descLink.name, bytes: descriptor.length }];

  // The server reads the descriptor, then offers a link per referenced file.
  let answer: ActionAnswer | undefined;
  for (let i = 0; i < (opts.tries ?? 60); i++) {
    const res = await req('GET', first.vApp);
    answer = res.status === 200 ? readActionAnswer(res.body) : undefined;
    const ready = answer?.ovfDescriptorUploaded === true && [...refs.keys()].every((n) => answer!.uploads.some((u) => u.name === n) || answer!.tasks.some((t) => t.status === 'error'));
    if (ready) break;
    answer = undefined;
    await sleep(opts.pollMs ?? 1000);
  }
  if (!answer) throw new VcdError('timeout', `the server did not ask for the files of ${ovfPath} (ovfDescriptorUploaded stayed false)`, { vApp: first.vApp });
  for (const link of answer.uploads) {
    const local = refs.get(link.name);
    if (!local || (link.size !== undefined && link.transferred !== undefined && link.transferred >= link.size)) continue;
    const size = statSync(local).size;
    await put(req, link, createReadStream(local), size, 'application/octet-stream');
    sent.push({ name: link.name, bytes: size });
  }
  const after = await req('GET', first.vApp);
  return { files: sent, answer: (after.status === 200 && readActionAnswer(after.body)) || answer };
}
