/**
 * The validate options of a document's folder: what `vmparams validate` run in that folder would
 * use (interface.md, "Language server"): the nearest `vmparams.config.json` from the folder upward
 * (src/config), with its rule levels, API version and context file.
 */
import { ConfigError, loadSettings, validateOptions } from '../config/index.js';
import type { ValidateOptions } from '../validate/index.js';

/** The options for a folder, or why the folder's config file cannot be used. */
export interface FolderSettings {
  options: ValidateOptions;
  /** One line naming the file and field: a config file (or its context file) that cannot be read or checked. */
  error?: string;
}

/**
 * Settings for documents in `folder`, read again on every check: a config file edited in the
 * editor counts at once, and finding and reading it costs well under a millisecond.
 */
export function folderSettings(folder: string): FolderSettings {
  try {
    // The context is the config's parsed JSON file, which validate checks (loadContext) as it does for the CLI.
    return { options: validateOptions(loadSettings({ cwd: folder })) as ValidateOptions };
  } catch (e) {
    if (e instanceof ConfigError) return { options: {}, error: e.message };
    throw e;
  }
}
