/**
 * The five actions and what they answer (vcd-api-facts.md §4, §5): the action URL and media type per
 * document kind, and the reading of the answers (a `VApp` with `Tasks/Task` and, for instantiateOvf,
 * `Files/File` upload links; or a `Task` whose `Owner` is the vApp).
 */
import type { Kind } from '../model/roots.js';
import { fromFields, type ServerError } from './errors.js';
import { attr, kid, kids, links, readAnswer, textOf, type El } from './xml.js';

/** Per kind: the action name (`{to}/action/<name>`) and what `--to` must be. */
export const ACTIONS = {
  InstantiateVAppTemplateParams: { action: 'instantiateVAppTemplate', target: 'vdc' },
  ComposeVAppParams: { action: 'composeVApp', target: 'vdc' },
  CloneVAppParams: { action: 'cloneVApp', target: 'vdc' },
  InstantiateOvfParams: { action: 'instantiateOvf', target: 'vdc' },
  RecomposeVAppParams: { action: 'recomposeVApp', target: 'vApp' },
} as const satisfies Record<Kind, { action: string; target: 'vdc' | 'vApp' }>;

/** `application/vnd.vmware.vcloud.composeVAppParams+xml`: the kind with a lower-case first letter. */
export function mediaTypeOf(kind: Kind): string {
  return `application/vnd.vmware.vcloud.${kind[0]!.toLowerCase()}${kind.slice(1)}+xml`;
}

/** `{to}/action/<name>` for the kind. */
export function actionHref(to: string, kind: Kind): string {
  return `${to.replace(/\/+$/, '')}/action/${ACTIONS[kind].action}`;
}

/**
 * Why `to` cannot be the target of this kind (a vApp href for a VDC action or the reverse), or
 * undefined. Only the two href shapes the API uses are judged (`/api/vdc/{id}`, `/api/vApp/{id}`).
 */
export function targetMismatch(to: string, kind: Kind): string | undefined {
  let path = to;
  try {
    path = new URL(to, 'http://x').pathname;
  } catch {
    return undefined;
  }
  const isVApp = /\/api\/vApp\/[^/]+\/?$/i.test(path);
  const isVdc = /\/api\/(admin\/)?vdc\/[^/]+\/?$/i.test(path);
  const want = ACTIONS[kind].target;
  if (want === 'vdc' && isVApp) return `${kind} is sent to a VDC (…/api/vdc/ID), but --to is a vApp`;
  if (want === 'vApp' && isVdc) return `${kind} is sent to the vApp it changes (…/api/vApp/vapp-ID), but --to is a VDC`;
  return undefined;
}

/** A task as the server describes it. */
export interface TaskInfo {
  href: string;
  /** queued, preRunning, running, postRunning, success, error, aborted, canceled. */
  status: string;
  operation?: string;
  /** 0-100, when the task reports it. */
  progress?: number;
  /** The object the task creates or changes (the vApp). */
  owner?: string;
  error?: ServerError;
}

/** Statuses after which a task changes no more. */
export const FINAL_STATUSES = new Set(['success', 'error', 'aborted', 'canceled']);

/** A Task element read. */
export function readTask(el: El): TaskInfo {
  const t: TaskInfo = { href: attr(el, 'href') ?? '', status: attr(el, 'status') ?? 'unknown' };
  const op = attr(el, 'operation') ?? attr(el, 'operationName');
  if (op) t.operation = op;
  const p = Number(textOf(kid(el, 'Progress')));
  if (kid(el, 'Progress') && Number.isFinite(p)) t.progress = Math.max(0, Math.min(100, p));
  const owner = attr(kid(el, 'Owner'), 'href');
  if (owner) t.owner = owner;
  const err = kid(el, 'Error');
  if (err) t.error = fromFields(attr(err, 'majorErrorCode'), attr(err, 'minorErrorCode'), attr(err, 'message'));
  return t;
}

/** A file the server waits for (instantiateOvf): its name and the URL to PUT it to. */
export interface UploadLink {
  name: string;
  href: string;
  /** Size the server expects, when it says. */
  size?: number;
  /** Bytes the server has received. */
  transferred?: number;
}

/** What an action (or a re-read of the vApp) answered. */
export interface ActionAnswer {
  /** href of the vApp created or changed. */
  vApp?: string;
  tasks: TaskInfo[];
  uploads: UploadLink[];
  /** instantiateOvf: whether the server has the descriptor. */
  ovfDescriptorUploaded?: boolean;
}

/** Read the answer of an action: a VApp or a Task body, or only a Location header (202). */
export function readActionAnswer(body: string, location?: string): ActionAnswer | undefined {
  const root = body.trim() ? readAnswer(body) : undefined;
  if (!root) return location ? { tasks: [{ href: location, status: 'queued' }], uploads: [] } : undefined;
  if (root.name === 'Task') {
    const t = readTask(root);
    return { ...(t.owner ? { vApp: t.owner } : {}), tasks: [t], uploads: [] };
  }
  if (root.name !== 'VApp') return undefined;
  const out: ActionAnswer = { tasks: kids(kid(root, 'Tasks'), 'Task').map(readTask), uploads: [] };
  const href = attr(root, 'href');
  if (href) out.vApp = href;
  const uploaded = attr(root, 'ovfDescriptorUploaded');
  if (uploaded !== undefined) out.ovfDescriptorUploaded = uploaded === 'true';
  for (const f of kids(kid(root, 'Files'), 'File')) {
    const link = links(f, 'upload:default')[0];
    const name = attr(f, 'name');
    if (!link || !name || !attr(link, 'href')) continue;
    const u: UploadLink = { name, href: attr(link, 'href')! };
    const size = Number(attr(f, 'size'));
    if (attr(f, 'size') !== undefined && Number.isFinite(size) && size >= 0) u.size = size;
    const got = Number(attr(f, 'bytesTransferred'));
    if (attr(f, 'bytesTransferred') !== undefined && Number.isFinite(got)) u.transferred = got;
    out.uploads.push(u);
  }
  return out;
}
