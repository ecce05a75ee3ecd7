/**
 * `vmparams xsd <doc.xml|->... --schema FILE.xsd [--format text|json] [--engine vmparams|libxml2]`
 * (interface.md, "The XSD engine"): any XML document against any XSD 1.0 schema, like
 * `xmllint --noout --schema`. The schema's includes and imports are read from local files only.
 * A schema that is not valid XSD 1.0, or uses what the engine does not support, is one line on
 * stderr (`schema error: FILE:LINE: ...` / `unsupported: ...`) and exit 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { boolOpt, choiceOpt, parseCommandArgs, stringOpt } from '../args.js';
import { colourEnabled, painter } from '../colour.js';
import { describeFsError, UsageError } from '../errors.js';
import { HELP } from '../help.js';
import { warnUnresolved } from '../schema-warnings.js';
import { collectInputs, readInputFile } from '../inputs.js';
import type { Io } from '../io.js';
import type { Report } from '../lib.js';
import { formatJson } from '../format/json.js';
import { exitStatus, totals, type FileResult } from '../format/results.js';
import { formatFileText, formatSummaryText } from '../format/text.js';
import { compileSet } from '../../xsd/compile.js';
import { SchemaError, UnsupportedError } from '../../xsd/errors.js';
import { absoluteLocation, FileSource } from '../../xsd/load/fs.js';
import { CompiledSchema } from '../../xsd/schema.js';
import { XmlInputError } from '../../xml/errors.js';
import { readDocument } from '../../xml/reader.js';

const FORMATS = ['text', 'json'] as const;
const ENGINES = ['vmparams', 'libxml2'] as const;

/** Checks one document's bytes. */
type Check = (bytes: Uint8Array) => Report;

/** Run `vmparams xsd` with the arguments after the command name. */
export async function runXsd(argv: string[], io: Io): Promise<0 | 1 | 2> {
  const args = parseCommandArgs('xsd', argv, {
    schema: { type: 'string' },
    format: { type: 'string' },
    engine: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (boolOpt(args, 'help')) {
    io.stdout(HELP.xsd!);
    return 0;
  }
  const format = choiceOpt('xsd', args, 'format', FORMATS, 'text');
  const engine = choiceOpt('xsd', args, 'engine', ENGINES, 'vmparams');
  const schemaArg = stringOpt(args, 'schema');
  if (schemaArg === undefined) throw new UsageError("xsd: give the schema with --schema FILE.xsd (see 'vmparams xsd --help')");
  if (args.positionals.length === 0) throw new UsageError("xsd: give at least one document or '-' (see 'vmparams xsd --help')");
  const schemaFile = path.resolve(io.cwd, schemaArg);
  try {
    if (!fs.statSync(schemaFile).isFile()) throw new UsageError(`xsd: --schema ${schemaArg}: not a file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`xsd: --schema ${schemaArg}: ${describeFsError(e)}`);
  }
  const inputs = await collectInputs(args.positionals, io, { command: 'xsd', walkExtension: '.xml' });

  let check: Check;
  try {
    check = engine === 'libxml2' ? await libxml2Check(schemaFile, schemaArg) : ownCheck(schemaFile, io);
  } catch (e) {
    if (e instanceof SchemaError || e instanceof UnsupportedError) {
      io.stderr(`${e.message.replace(/[\r\n]+/g, ' ')}\n`);
      return 2;
    }
    throw e;
  }

  const results: FileResult[] = inputs.map((inp) => ({ display: inp.display, abs: inp.abs, bytes: inp.bytes, report: check(inp.bytes ?? readInputFile('xsd', io, inp.abs!)) }));
  const t = totals(results);
  const failed = exitStatus(t, false);
  if (format === 'json') io.stdout(formatJson(results, t));
  else {
    const paint = painter(colourEnabled(io, boolOpt(args, 'no-color') ? false : boolOpt(args, 'color') ? true : undefined));
    io.stdout(results.map((r) => formatFileText(r, { paint, frames: io.isTTY })).join('') + formatSummaryText(t, failed === 1, paint));
  }
  return failed;
}

/** Our engine: compile once, validate each document on the tree our reader builds. */
function ownCheck(schemaFile: string, io: Io): Check {
  const schema = CompiledSchema.from(compileSet(new FileSource(io.cwd), absoluteLocation(schemaFile)));
  warnUnresolved(schema, io);
  return (bytes) => {
    const r = schema.validate(bytes);
    return { kind: null, valid: r.valid, problems: r.problems };
  };
}

/** libxml2-wasm, the reference engine (loaded only now): our reader first, then libxml2 on the same bytes. */
async function libxml2Check(schemaFile: string, shown: string): Promise<Check> {
  const { Libxml2Schema } = await import('../../xsd/reference/libxml2.js');
  const schema = Libxml2Schema.fromFile(schemaFile, shown);
  return (bytes) => {
    try {
      readDocument(bytes);
    } catch (e) {
      if (!(e instanceof XmlInputError)) throw e;
      return { kind: null, valid: false, problems: [{ severity: 'error', rule: 'xml', line: e.line, column: e.column, path: '', message: e.message, messageId: e.messageId }] };
    }
    const problems = schema.validate(bytes);
    return { kind: null, valid: problems.length === 0, problems };
  };
}
