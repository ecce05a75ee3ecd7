/**
 * `vmparams fmt <file|dir|glob|->... [--write] [--check] [--print-width N] [--max-size N]
 * [--max-depth N] [--config FILE | --no-config] [--no-ignore] [--ignore-pattern GLOB]...`: the
 * canonical form of a document (src/fmt/: schema order, conventional namespaces, two-space
 * indentation, every comment, PI, CDATA section and text kept). Without flags the result goes to
 * stdout; --write replaces the files that change, atomically (atomic-write.ts); --check lists the
 * files that are not in canonical form and exits 1. A batch goes on past a file it cannot read as a
 * request or cannot write (one line on stderr each, exit 1) and always ends with its summary. Files
 * are found as validate finds them (ignore rules, non-request XML skipped when walking), and
 * `printWidth` comes from the config file unless --print-width is given.
 */
import fs from 'node:fs';
import { AtomicWriteError, writeFileAtomicSync } from '../atomic-write.js';
import { boolOpt, parseCommandArgs, stringOpt } from '../args.js';
import { documentErrorLine } from '../docerrors.js';
import { describeFsError, UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { collectInputs, type Input } from '../inputs.js';
import type { Io } from '../io.js';
import { skipReason } from '../sniff.js';
import { ConfigError, loadSettings, type Settings } from '../../config/index.js';
import { format, type FormatOptions, type FormatResult } from '../../fmt/index.js';
import { DEFAULT_LIMITS } from '../../xml/reader.js';
import { countOpt, sizeOpt } from '../limits.js';

/** What happened to one file. */
type Outcome = 'unchanged' | 'changed' | 'not-request' | 'unreadable' | 'unwritable';

/** Read and format one input; the error line goes to stderr. */
function formatInput(io: Io, input: Input, opts: FormatOptions): (FormatResult & { source: Uint8Array }) | 'not-request' | 'unreadable' {
  let bytes = input.bytes;
  if (!bytes) {
    try {
      // Over --max-size: say so without reading the file.
      const size = fs.statSync(input.abs!).size;
      const limit = opts.maxBytes ?? DEFAULT_LIMITS.maxBytes;
      if (size > limit) {
        io.stderr(`${input.display}:0:0: error xml: the document is ${size} bytes, over the limit of ${limit} (raise it with --max-size)\n`);
        return 'not-request';
      }
      bytes = new Uint8Array(fs.readFileSync(input.abs!));
    } catch (e) {
      io.stderr(`vmparams fmt: ${input.display}: ${describeFsError(e)}\n`);
      return 'unreadable';
    }
  }
  try {
    return { ...format(bytes, opts), source: bytes };
  } catch (e) {
    const line = documentErrorLine(input.display, e);
    if (line === undefined) throw e;
    io.stderr(line);
    return 'not-request';
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The failures of a batch as summary phrases: `1 not readable as a request`, `1 could not be written`. */
function failures(counts: Record<Outcome, number>): string[] {
  const out: string[] = [];
  if (counts['not-request']) out.push(`${counts['not-request']} not readable as a request`);
  if (counts.unreadable) out.push(`${counts.unreadable} could not be read`);
  if (counts.unwritable) out.push(`${counts.unwritable} could not be written`);
  return out;
}

/** Run `vmparams fmt` with the arguments after the command name. */
export async function runFmt(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('fmt', argv, {
    write: { type: 'boolean', short: 'w' },
    check: { type: 'boolean', short: 'c' },
    'print-width': { type: 'string' },
    'max-size': { type: 'string' },
    'max-depth': { type: 'string' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
    'no-ignore': { type: 'boolean' },
    'ignore-pattern': { type: 'string', multiple: true },
  });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.fmt!);
    return 0;
  }
  const write = boolOpt(args, 'write');
  const check = boolOpt(args, 'check');
  if (write && check) throw new UsageError('fmt: use --write or --check, not both');
  const opts: FormatOptions = {};
  const width = stringOpt(args, 'print-width');
  let settings: Settings;
  try {
    settings = loadSettings({
      cwd: io.cwd,
      configPath: stringOpt(args, 'config'),
      noConfig: boolOpt(args, 'no-config'),
      flags: width === undefined ? {} : { printWidth: countOpt('fmt', '--print-width', width) },
    });
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`fmt: ${e.message}`);
    throw e;
  }
  if (settings.printWidth !== undefined) opts.printWidth = settings.printWidth;
  const maxSize = stringOpt(args, 'max-size');
  if (maxSize !== undefined) opts.maxBytes = sizeOpt('fmt', maxSize);
  const maxDepth = stringOpt(args, 'max-depth');
  if (maxDepth !== undefined) opts.maxDepth = countOpt('fmt', '--max-depth', maxDepth);
  if (args.positionals.length === 0) throw new UsageError("fmt: give a file or '-' (see 'vmparams fmt --help')");
  if (!write && !check && args.positionals.length > 1) {
    throw new UsageError('fmt: printing to standard output takes one file; use --write or --check for several');
  }
  const noIgnore = boolOpt(args, 'no-ignore');
  const ignorePatterns = (args.values['ignore-pattern'] as string[] | undefined) ?? [];
  const found = await collectInputs(args.positionals, io, {
    command: 'fmt',
    walkExtension: write || check ? '.xml' : undefined,
    ignore: { gitignore: !noIgnore, globs: noIgnore ? [] : [...settings.ignore, { base: io.cwd, patterns: ignorePatterns }] },
    skip: skipReason,
  });
  // XML that is not a request (pom.xml, a JUnit report), found by walking: skipped, and said so in the summary.
  const skipped = found.filter((i) => i.skipped !== undefined).length;
  const inputs = found.filter((i) => i.skipped === undefined);
  const skippedNote = skipped ? `; ${plural(skipped, 'file')} skipped (not Cloud Director requests)` : '';

  const counts: Record<Outcome, number> = { unchanged: 0, changed: 0, 'not-request': 0, unreadable: 0, unwritable: 0 };
  for (const input of inputs) {
    const result = formatInput(io, input, opts);
    if (typeof result === 'string') {
      counts[result]++;
      continue;
    }
    if (!write && !check) {
      // The document in its own encoding (what a redirect to a file needs); text where the Io has no byte stream.
      if (io.stdoutBytes) io.stdoutBytes(result.bytes);
      else io.stdout(result.text);
      counts[result.changed ? 'changed' : 'unchanged']++;
      continue;
    }
    if (check) {
      if (result.changed) io.stdout(`${input.display}: not formatted\n`);
      counts[result.changed ? 'changed' : 'unchanged']++;
      continue;
    }
    // --write: standard input has no file to rewrite, so its result goes to stdout.
    if (!input.abs) {
      if (io.stdoutBytes) io.stdoutBytes(result.bytes);
      else io.stdout(result.text);
      counts[result.changed ? 'changed' : 'unchanged']++;
      continue;
    }
    if (!result.changed) {
      counts.unchanged++;
      continue;
    }
    try {
      // Not over a save made while we formatted: the file must still hold what was read.
      writeFileAtomicSync(input.abs, result.bytes, { expect: result.source });
    } catch (e) {
      if (!(e instanceof AtomicWriteError)) throw e;
      io.stderr(`vmparams fmt: ${e.message.replace(input.abs, input.display)}\n`);
      counts.unwritable++;
      continue;
    }
    counts.changed++;
    io.stdout(`${input.display}: formatted\n`);
  }
  const failed = counts['not-request'] + counts.unreadable + counts.unwritable;
  const failedPhrases = failures(counts);
  if (check) {
    const of = `of ${plural(inputs.length, 'file')}`;
    if (counts.changed === 0 && failed === 0) io.stdout(`✔ ${plural(inputs.length, 'file')} formatted${skippedNote}\n`);
    else if (counts.changed === 0) {
      // `✖ 1 of 3 files not readable as a request`: the count goes first, then the phrase.
      const [first, ...rest] = failedPhrases;
      const k = first!.indexOf(' ');
      io.stdout(`✖ ${first!.slice(0, k)} ${of}${first!.slice(k)}${rest.map((p) => `, ${p}`).join('')}${skippedNote}\n`);
    } else {
      const them = counts.changed === 1 ? 'it' : 'them';
      io.stdout(`✖ ${counts.changed} ${of} not formatted${failedPhrases.map((p) => `, ${p}`).join('')}; run 'vmparams fmt --write' on ${them}${skippedNote}\n`);
    }
    return counts.changed || failed ? 1 : 0;
  }
  if (write && inputs.every((i) => i.abs)) {
    io.stdout(`${plural(counts.changed, 'file')} rewritten, ${counts.unchanged} unchanged${failedPhrases.map((p) => `, ${p}`).join('')}${skippedNote}\n`);
  }
  return failed ? 1 : 0;
}
