/**
 * Live Cloud Director (interface.md, "Live Cloud Director"): `vcd.connect(options)` returns a client
 * that sends request documents, follows their tasks, downloads the server's schemas and reads a VDC
 * into a validation context. Re-exported as the `vcd` namespace of the package. The client (undici,
 * node:fs) is loaded only when `connect` is called, so importing vmparams stays light.
 */
import type { Client, ConnectOptions } from './client.js';

export { VcdError, parseServerError, describeServerError } from './errors.js';
export type { VcdErrorKind, ElementPlace, ServerError } from './errors.js';
export { ACTIONS, mediaTypeOf, actionHref, FINAL_STATUSES } from './actions.js';
export type { TaskInfo, UploadLink, ActionAnswer } from './actions.js';
export { parseVersions, documentVersion, sessionVersion, compareApiVersions } from './versions.js';
export type { ApiVersion } from './versions.js';
export { locate } from './locate.js';
export type { Client, ConnectOptions, SendOptions, SendResult } from './client.js';
export type { SchemasReport } from './schemas.js';
export type { ContextReport } from './context.js';

/** Connect to a Cloud Director server: read its versions, pick the API version, log in when credentials are given. Rejects with VcdError. */
export async function connect(options: ConnectOptions): Promise<Client> {
  return (await import('./client.js')).connect(options);
}
