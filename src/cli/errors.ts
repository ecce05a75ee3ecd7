/**
 * Errors that end a command with exit status 2 ("the command could not run", interface.md): a bad
 * flag or value, an unreadable file, a bad schema directory. Printed as one line, never a stack.
 */
import { escapeControls } from './sanitize.js';

/** The command could not run as called; `message` is the one line shown to the user. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Why a file could not be read, in words (`ENOENT` -> `no such file or directory`). */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** The first line of an error's message: what the user sees when something unexpected fails. */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // Messages may quote document text (a namespace URI, a value): line breaks and controls are shown escaped, never cut or sent raw.
  return escapeControls(text.trim()) || (e instanceof Error ? e.name : 'unknown error');
}
