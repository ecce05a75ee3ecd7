/**
 * The rule index: every semantic rule by id (explicit imports, style.md §8), the runner and the
 * catalogue that `vmparams rules` and the README print. Adding a rule = one file + one line here.
 */
import type { NormalizedDocument, ParsedDocument } from '../../document.js';
import type { Problem, Severity } from '../problem.js';
import { runRuleSet, type Rule, type RunOptions } from './engine.js';
import deprecatedSourceNameRename from './deprecated/source-name-rename.js';
import deprecatedSourcedVmInstantiationParams from './deprecated/sourced-vm-instantiation-params.js';
import eulaNotAccepted from './eula/not-accepted.js';
import guestAutoLogonCount from './guest/auto-logon-count.js';
import guestChangeSidWindows from './guest/change-sid-windows.js';
import guestComputerName from './guest/computer-name.js';
import guestCustomizationDisabled from './guest/customization-disabled.js';
import guestDomainJoinFields from './guest/domain-join-fields.js';
import guestPasswordNeedsEnabled from './guest/password-needs-enabled.js';
import guestPasswordOptionsIgnored from './guest/password-options-ignored.js';
import guestPasswordRequired from './guest/password-required.js';
import guestScriptNewlines from './guest/script-newlines.js';
import hardwareCoresPerSocket from './hardware/cores-per-socket.js';
import hardwareDiskShrink from './hardware/disk-shrink.js';
import hardwareHardwareVersionSupported from './hardware/hardware-version-supported.js';
import hardwareMemorySize from './hardware/memory-size.js';
import hardwareNewVmSpec from './hardware/new-vm-spec.js';
import hardwareRasdUnits from './hardware/rasd-units.js';
import hardwareUniqueInstanceId from './hardware/unique-instance-id.js';
import leaseOrgMaximum from './lease/org-maximum.js';
import leaseSeconds from './lease/seconds.js';
import lifecycleRecomposeRunningVapp from './lifecycle/recompose-running-vapp.js';
import lifecycleSourcePoweredOff from './lifecycle/source-powered-off.js';
import nameLength from './name/length.js';
import networkDuplicateName from './network/duplicate-name.js';
import networkFenceModeAllowed from './network/fence-mode-allowed.js';
import networkFenceMode from './network/fence-mode.js';
import networkIpScopeValues from './network/ip-scope-values.js';
import networkIpScopesRequired from './network/ip-scopes-required.js';
import networkParentNetworkInVdc from './network/parent-network-in-vdc.js';
import networkParentNetwork from './network/parent-network.js';
import nicAdapterType from './nic/adapter-type.js';
import nicAllocationMode from './nic/allocation-mode.js';
import nicIpAddressFormat from './nic/ip-address-format.js';
import nicIpIgnored from './nic/ip-ignored.js';
import nicIpInSubnet from './nic/ip-in-subnet.js';
import nicManualNeedsIp from './nic/manual-needs-ip.js';
import nicNetworkDeclared from './nic/network-declared.js';
import nicNoneModeDisconnected from './nic/none-mode-disconnected.js';
import nicPrimaryIndex from './nic/primary-index.js';
import nicUniqueIndex from './nic/unique-index.js';
import policyComputePolicyConflict from './policy/compute-policy-conflict.js';
import productNotUserConfigurable from './product/not-user-configurable.js';
import productPropertyType from './product/property-type.js';
import productQualifiedKey from './product/qualified-key.js';
import readonlyIgnoredValue from './readonly/ignored-value.js';
import referenceHref from './reference/href.js';
import referenceInVdc from './reference/in-vdc.js';
import startupActions from './startup/actions.js';
import startupDuplicateItem from './startup/duplicate-item.js';
import startupUnknownVm from './startup/unknown-vm.js';
import structureSectionContainer from './structure/section-container.js';
import structureUnknownSection from './structure/unknown-section.js';
import structureUnqualifiedOvfAttribute from './structure/unqualified-ovf-attribute.js';
import structureWrongNamespace from './structure/wrong-namespace.js';
import vappDeployPowerDefaults from './vapp/deploy-power-defaults.js';
import vappEmptyComposePowered from './vapp/empty-compose-powered.js';
import vappNameRequired from './vapp/name-required.js';
import vappPowerOnWithoutDeploy from './vapp/power-on-without-deploy.js';
import versionDeprecated from './version/deprecated.js';
import versionNotYetAvailable from './version/not-yet-available.js';
import versionRemoved from './version/removed.js';

/** Every rule by id. */
export const rules = {
  'deprecated/source-name-rename': deprecatedSourceNameRename,
  'deprecated/sourced-vm-instantiation-params': deprecatedSourcedVmInstantiationParams,
  'eula/not-accepted': eulaNotAccepted,
  'guest/auto-logon-count': guestAutoLogonCount,
  'guest/change-sid-windows': guestChangeSidWindows,
  'guest/computer-name': guestComputerName,
  'guest/customization-disabled': guestCustomizationDisabled,
  'guest/domain-join-fields': guestDomainJoinFields,
  'guest/password-needs-enabled': guestPasswordNeedsEnabled,
  'guest/password-options-ignored': guestPasswordOptionsIgnored,
  'guest/password-required': guestPasswordRequired,
  'guest/script-newlines': guestScriptNewlines,
  'hardware/cores-per-socket': hardwareCoresPerSocket,
  'hardware/disk-shrink': hardwareDiskShrink,
  'hardware/hardware-version-supported': hardwareHardwareVersionSupported,
  'hardware/memory-size': hardwareMemorySize,
  'hardware/new-vm-spec': hardwareNewVmSpec,
  'hardware/rasd-units': hardwareRasdUnits,
  'hardware/unique-instance-id': hardwareUniqueInstanceId,
  'lease/org-maximum': leaseOrgMaximum,
  'lease/seconds': leaseSeconds,
  'lifecycle/recompose-running-vapp': lifecycleRecomposeRunningVapp,
  'lifecycle/source-powered-off': lifecycleSourcePoweredOff,
  'name/length': nameLength,
  'network/duplicate-name': networkDuplicateName,
  'network/fence-mode-allowed': networkFenceModeAllowed,
  'network/fence-mode': networkFenceMode,
  'network/ip-scope-values': networkIpScopeValues,
  'network/ip-scopes-required': networkIpScopesRequired,
  'network/parent-network-in-vdc': networkParentNetworkInVdc,
  'network/parent-network': networkParentNetwork,
  'nic/adapter-type': nicAdapterType,
  'nic/allocation-mode': nicAllocationMode,
  'nic/ip-address-format': nicIpAddressFormat,
  'nic/ip-ignored': nicIpIgnored,
  'nic/ip-in-subnet': nicIpInSubnet,
  'nic/manual-needs-ip': nicManualNeedsIp,
  'nic/network-declared': nicNetworkDeclared,
  'nic/none-mode-disconnected': nicNoneModeDisconnected,
  'nic/primary-index': nicPrimaryIndex,
  'nic/unique-index': nicUniqueIndex,
  'policy/compute-policy-conflict': policyComputePolicyConflict,
  'product/not-user-configurable': productNotUserConfigurable,
  'product/property-type': productPropertyType,
  'product/qualified-key': productQualifiedKey,
  'readonly/ignored-value': readonlyIgnoredValue,
  'reference/href': referenceHref,
  'reference/in-vdc': referenceInVdc,
  'startup/actions': startupActions,
  'startup/duplicate-item': startupDuplicateItem,
  'startup/unknown-vm': startupUnknownVm,
  'structure/section-container': structureSectionContainer,
  'structure/unknown-section': structureUnknownSection,
  'structure/unqualified-ovf-attribute': structureUnqualifiedOvfAttribute,
  'structure/wrong-namespace': structureWrongNamespace,
  'vapp/deploy-power-defaults': vappDeployPowerDefaults,
  'vapp/empty-compose-powered': vappEmptyComposePowered,
  'vapp/name-required': vappNameRequired,
  'vapp/power-on-without-deploy': vappPowerOnWithoutDeploy,
  'version/deprecated': versionDeprecated,
  'version/not-yet-available': versionNotYetAvailable,
  'version/removed': versionRemoved,
} satisfies Record<string, Rule<any>>;

/** A rule id. */
export type RuleId = keyof typeof rules;

/** Run every rule over a parsed (or normalized) document: context rules only with `opts.context`, nothing with `lint: false`. */
export function runRules(doc: ParsedDocument | NormalizedDocument, opts: RunOptions = {}): Problem[] {
  return runRuleSet(Object.values(rules), doc, opts);
}

/** One catalogue entry, as `vmparams rules` and the README list it. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
  needsContext: boolean;
  /** Some of its problems carry an automatic fix (Problem.fix). */
  fixable: boolean;
  docs: Rule['docs'];
  messages: Record<string, string>;
}

/** The rule catalogue, sorted by id. */
export function ruleCatalogue(): RuleInfo[] {
  return Object.values(rules as Record<string, Rule<any>>)
    .map((r) => ({ id: r.id, severity: r.severity, description: r.docs.description, needsContext: r.needsContext, fixable: r.fixable, docs: r.docs, messages: { ...r.messages } }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export { defineRule, forElements, formatMessage, runRuleSet } from './engine.js';
export type { AttrNode, Data, ElementNode, GenericNode, Listeners, ReportSpec, Rule, RuleContext, RuleDocs, RunOptions, VmItemNode } from './engine.js';
