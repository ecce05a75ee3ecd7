#!/usr/bin/env node
/**
 * The `vmparams` executable (package.json `bin`): runs the CLI on the real process. It sets
 * process.exitCode (so output is flushed before exit) and has one fatal handler that prints one
 * line and exits 2, never a stack trace (style.md §14, after eslint's bin/eslint.js).
 */
import { run } from './index.js';
import { processIo } from './io.js';

function fatal(e: unknown): never {
  const text = e instanceof Error ? e.message : String(e);
  process.stderr.write(`vmparams: internal error: ${text.split('\n')[0]}\n`);
  if (process.env.VMPARAMS_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
  process.exit(2);
}

process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
// A closed pipe (`vmparams rules | head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fatal(e);
});

run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
}, fatal);
