/**
 * vmparams settings: `vmparams.config.json` (found upward, `--config`, `--no-config`), rule levels
 * (`rules`, `--rule ID=LEVEL`) and the merge with command-line flags. Commands call loadSettings.
 */
export { loadSettings, validateOptions } from './settings.js';
export type { IgnoreGlobs, LoadSettingsOptions, Settings, SettingsFlags } from './settings.js';
export { CONFIG_FILE_NAME, ConfigError, findConfigFile, readConfigFile } from './file.js';
export type { ConfigData, ConfigFile } from './file.js';
export { FIELDS, configJsonSchema } from './fields.js';
export { LEVELS, LOCKED_RULES, UNUSED_DIRECTIVE, RuleLevelError, applyRuleLevels, checkRuleLevels, configurableRuleIds, parseRuleFlag, parseRuleFlags } from './levels.js';
export type { RuleLevel } from './levels.js';
