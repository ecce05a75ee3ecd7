/**
 * vSphere Automation API "Instant Clone VM": typed spec, validation, both body forms, privileges
 * and a client. Meant to be re-exported as a namespace: `export * as instantClone from './vsphere/index.js'`,
 * so calls read `instantClone.validate(spec)`, `instantClone.privileges(spec)`, `instantClone.send(spec, opts)`.
 */
export { validate, validate as validateInstantClone, parseJson, MAX_BODY_BYTES, MAX_JSON_DEPTH } from './validate.js';
export type { ValidateOptions, InstantCloneReport, ParsedJson } from './validate.js';
export { convert, detectForm, pointer, ConvertError } from './form.js';
export type { BodyForm } from './form.js';
export { privileges, privilegeSet, PRIVILEGES } from './privileges.js';
export type { PrivilegeRequirement } from './privileges.js';
export { rules, severityOf, isRule } from './rules.js';
export type { InstantCloneRuleInfo, InstantCloneRuleId } from './rules.js';
export { InstantCloneClient, InstantCloneClient as Client, send, INSTANT_CLONE_PATHS, SESSION_PATHS, LOGOUT_TIMEOUT_MS, MAX_TIMEOUT_MS } from './client.js';
export type { ClientOptions, InstantCloneCallOptions, SendOptions } from './client.js';
export {
  InstantCloneError,
  VapiError,
  AlreadyExistsError,
  InvalidArgumentError,
  UnauthorizedError,
  NotFoundError,
  GeneralError,
  ResourceInaccessibleError,
  UnableToAllocateResourceError,
  ServiceUnavailableError,
  UnauthenticatedError,
  ERROR_CLASSES,
  TransportError,
  TlsError,
  TimeoutError,
  ProtocolError,
  LoginError,
  SpecValidationError,
  decodeVapiError,
  describeBody,
} from './errors.js';
export type { LocalizableMessage } from './errors.js';
/** The zod schemas, for composing or for `z.toJSONSchema`. */
export * as schemas from './schema.js';
export type {
  InstantCloneSpec,
  InstantClonePlacementSpec,
  EthernetUpdateSpec,
  EthernetBackingSpec,
  ParallelUpdateSpec,
  ParallelBackingSpec,
  SerialUpdateSpec,
  SerialBackingSpec,
  RestInstantCloneSpec,
  RestInstantCloneBody,
  InstantCloneBody,
} from './schema.js';
