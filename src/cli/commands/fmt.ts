/**
 * `vmparams fmt <file|->... [--write] [--check]`: the canonical form of a document is
 * `build(parse(x))` (schema order, conventional namespaces declared on the root, two-space
 * indentation). Without flags the result goes to stdout; --write rewrites files that change;
 * --check lists files that are not in canonical form and exits 1.
 */
import fs from 'node:fs';
import { boolOpt, parseCommandArgs } from '../args.js';
import { documentErrorLine } from '../docerrors.js';
import { describeFsError, UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { collectInputs, readInputFile, type Input } from '../inputs.js';
import type { Io } from '../io.js';
import { build, parse } from '../lib.js';

/** The canonical text of a document, or the error line when it cannot be read as a request. */
function canonical(input: Input, bytes: Uint8Array): { xml: string } | { error: string } {
  try {
    const xml = build(parse(bytes));
    return { xml: xml.endsWith('\n') ? xml : xml + '\n' };
  } catch (e) {
    const line = documentErrorLine(input.display, e);
    if (line === undefined) throw e;
    return { error: line };
  }
}

/** Run `vmparams fmt` with the arguments after the command name. */
export async function runFmt(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('fmt', argv, { write: { type: 'boolean', short: 'w' }, check: { type: 'boolean', short: 'c' } });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.fmt!);
    return 0;
  }
  const write = boolOpt(args, 'write');
  const check = boolOpt(args, 'check');
  if (write && check) throw new UsageError('fmt: use --write or --check, not both');
  if (args.positionals.length === 0) throw new UsageError("fmt: give a file or '-' (see 'vmparams fmt --help')");
  if (!write && !check && args.positionals.length > 1) {
    throw new UsageError('fmt: printing to standard output takes one file; use --write or --check for several');
  }
  const inputs = await collectInputs(args.positionals, io, { command: 'fmt', walkExtension: write || check ? '.xml' : undefined });

  let status: 0 | 1 = 0;
  let unformatted = 0;
  let rewritten = 0;
  let failures = 0;
  for (const input of inputs) {
    const bytes = input.bytes ?? readInputFile('fmt', io, input.abs!);
    const result = canonical(input, bytes);
    if ('error' in result) {
      io.stderr(result.error);
      failures++;
      status = 1;
      continue;
    }
    const original = new TextDecoder('utf-8').decode(bytes);
    // The model has no place for comments, so the canonical form drops them: say so rather than lose them quietly.
    const dropsComments = !check && original.includes('<!--');
    if (!write && !check) {
      io.stdout(result.xml);
      if (dropsComments) io.stderr(`${input.display}: note: comments are not kept\n`);
      continue;
    }
    const same = original === result.xml;
    if (check) {
      if (!same) {
        unformatted++;
        io.stdout(`${input.display}: not formatted\n`);
      }
      continue;
    }
    // --write: standard input has no file to rewrite, so its result goes to stdout.
    if (!input.abs) io.stdout(result.xml);
    else if (!same) {
      try {
        fs.writeFileSync(input.abs, result.xml);
      } catch (e) {
        throw new UsageError(`fmt: ${input.display}: cannot write: ${describeFsError(e)}`);
      }
      rewritten++;
      io.stdout(`${input.display}: formatted${dropsComments ? ' (comments removed)' : ''}\n`);
    }
  }
  if (check) {
    if (unformatted > 0) {
      io.stdout(`✖ ${unformatted} of ${inputs.length} file${inputs.length === 1 ? '' : 's'} not formatted; run 'vmparams fmt --write' on ${unformatted === 1 ? 'it' : 'them'}\n`);
      status = 1;
    } else if (status === 0) io.stdout(`✔ ${inputs.length} file${inputs.length === 1 ? '' : 's'} formatted\n`);
  } else if (write && inputs.every((i) => i.abs)) {
    const unchanged = inputs.length - rewritten - failures;
    io.stdout(`${rewritten} file${rewritten === 1 ? '' : 's'} rewritten, ${unchanged} unchanged${failures ? `, ${failures} not readable as a request` : ''}\n`);
  }
  return status;
}
