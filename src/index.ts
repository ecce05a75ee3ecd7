/**
 * vmparams: parse, normalize, build and validate VMware Cloud Director vApp request documents
 * (InstantiateVAppTemplateParams, ComposeVAppParams, RecomposeVAppParams, CloneVAppParams,
 * InstantiateOvfParams), and the vSphere instant-clone request (`instantClone`).
 * @module vmparams
 */
export { parse, build, kindOf, UnknownDocumentError, XmlInputError } from './document.js';
export type { ParsedDocument, NormalizedDocument, VmParamsDocument, DocumentOf, ParseOptions, BuildOptions } from './document.js';
export { normalize, leafValue } from './normalize.js';
export type { NormalizeOptions } from './normalize.js';
export { format, sortChildren, DEFAULT_PRINT_WIDTH } from './fmt/index.js';
export type { FormatOptions, FormatResult, TextEdit } from './fmt/index.js';
export { BuildError } from './xml/build.js';
export { VersionError } from './versioning.js';
export { placeOf } from './xml/positions.js';
export type { Place } from './xml/positions.js';
export { KINDS } from './model/roots.js';
export type { Kind } from './model/roots.js';
export type { Problem, Report, Severity } from './validate/problem.js';
export type { XElement, XNode } from './xml/tree.js';
export { validate, validateSync } from './validate/index.js';
export type { ValidateOptions } from './validate/index.js';
export type { ValidateInput } from './validate/input.js';
export { SchemaDirError } from './validate/xsd.js';
// --schema-dir support for validateSync (node:fs); validate() loads it on demand by itself
import './validate/xsd-dir.js';
export { instantiateTemplate, composeVApp, recomposeVApp, cloneVApp, instantiateOvf, OVF_DESCRIPTOR } from './builders/index.js';
export type * from './builders/index.js';
export * as instantClone from './vsphere/index.js';
export { ruleCatalogue, rules } from './validate/rules/index.js';
export type { RuleInfo } from './validate/rules/index.js';
export { loadContext, ContextError } from './validate/context.js';
export type { VdcContext, ContextInput } from './validate/context.js';
export { ApiVersionError, LATEST_API_VERSION } from './validate/versions.js';
export { RuleLevelError } from './config/levels.js';
export type { RuleLevel } from './config/levels.js';
export { graph, renderGraph, GRAPH_FORMATS } from './graph/index.js';
export type { GraphFormat, GraphNetwork, GraphNetworkMapping, GraphNic, GraphRef, GraphVm, VAppGraph, VmItem } from './graph/index.js';
export * as vcd from './vcd/index.js';
export { VcdError } from './vcd/errors.js';
