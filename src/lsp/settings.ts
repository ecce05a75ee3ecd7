/**
 * The validate options of a document's folder: what `vmparams validate` run in that folder would
 * use (interface.md, "Language server"). Placeholder until src/config lands on main: no config file.
 */
import type { ValidateOptions } from '../validate/index.js';

/** The options for a folder, or why the folder's settings cannot be used. */
export interface FolderSettings {
  options: ValidateOptions;
  /** One line: a config file that cannot be read or checked. */
  error?: { message: string; file?: string };
}

/** Settings for documents in `folder`. */
export function folderSettings(folder: string): FolderSettings {
  void folder;
  return { options: {} };
}
