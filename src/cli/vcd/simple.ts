/**
 * `vmparams vcd versions | schemas | context` (interface.md, "Live Cloud Director"): each connects,
 * does one thing, prints it, and ends the session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { boolOpt, choiceOpt, stringOpt } from '../args.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { escapeControls, jsonText } from '../sanitize.js';
import { VCD_HELP } from './help.js';
import { connection, guarded, parseVcdArgs, type Connection } from './common.js';
import { connect } from '../../vcd/client.js';

/** Run `vmparams vcd versions`. */
export async function runVersions(argv: string[], io: Io): Promise<number> {
  const cmd = 'vcd versions';
  const args = parseVcdArgs(cmd, argv, { format: { type: 'string' } });
  if (boolOpt(args, 'help')) return io.stdout(VCD_HELP.versions!), 0;
  const format = choiceOpt(cmd, args, 'format', ['text', 'json'] as const, 'text');
  if (args.positionals.length) throw new UsageError(`${cmd}: takes no operands, got '${args.positionals[0]}'`);
  const c = connection(cmd, args, io, 'none');
  return guarded(cmd, io, async () => {
    const client = await connect(c.options);
    try {
      const list = await client.versions();
      if (format === 'json') {
        io.stdout(jsonText({ versions: list.map((v) => ({ version: c.shown(v.version), deprecated: v.deprecated, alpha: v.alpha })), selected: client.apiVersion }) + '\n');
      } else {
        for (const v of list) io.stdout(`${c.shown(v.version)}${v.alpha ? '  alpha' : v.deprecated ? '  deprecated' : ''}\n`);
      }
      return 0;
    } finally {
      await client.close();
    }
  });
}

/** Run `vmparams vcd schemas`. */
export async function runSchemas(argv: string[], io: Io): Promise<number> {
  const cmd = 'vcd schemas';
  const args = parseVcdArgs(cmd, argv, { out: { type: 'string' } });
  if (boolOpt(args, 'help')) return io.stdout(VCD_HELP.schemas!), 0;
  const out = stringOpt(args, 'out');
  if (!out) throw new UsageError(`${cmd}: give --out DIR (where the schema files go)`);
  if (args.positionals.length) throw new UsageError(`${cmd}: takes no operands, got '${args.positionals[0]}'`);
  const dir = path.resolve(io.cwd, out);
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) throw new UsageError(`${cmd}: --out ${out}: not a directory`);
  const c = connection(cmd, args, io, 'optional');
  return guarded(cmd, io, async () => {
    const client = await connect(c.options);
    try {
      fs.mkdirSync(dir, { recursive: true });
      const r = await client.schemas(dir);
      const rel = (p: string) => path.relative(io.cwd, p) || '.';
      for (const b of r.bundled) io.stderr(`${c.shown(b.url)} is not on the server: filled from the bundled ${b.from} (${c.shown(b.namespace)})\n`);
      io.stdout(`${r.downloaded.length} schema file${r.downloaded.length === 1 ? '' : 's'} from ${c.shown(client.server.origin)} in ${rel(dir)}${r.bundled.length ? `, ${r.bundled.length} import${r.bundled.length === 1 ? '' : 's'} filled from the bundled set` : ''}\n`);
      io.stdout(`validate with: vmparams validate --schema-dir ${rel(dir)} FILE.xml\n`);
      return 0;
    } finally {
      await client.close();
    }
  });
}

/** Run `vmparams vcd context`. */
export async function runContext(argv: string[], io: Io): Promise<number> {
  const cmd = 'vcd context';
  const args = parseVcdArgs(cmd, argv, { vdc: { type: 'string' }, 'api-version': { type: 'string' } });
  if (boolOpt(args, 'help')) return io.stdout(VCD_HELP.context!), 0;
  const vdc = stringOpt(args, 'vdc');
  if (!vdc) throw new UsageError(`${cmd}: give --vdc HREF (e.g. https://vcd.example.com/api/vdc/<id>)`);
  if (args.positionals.length) throw new UsageError(`${cmd}: takes no operands, got '${args.positionals[0]}'`);
  const c: Connection = connection(cmd, args, io, 'need');
  return guarded(cmd, io, async () => {
    const client = await connect(c.options);
    try {
      const r = await client.context(vdc);
      for (const w of r.warnings) io.stderr(`warning: ${escapeControls(w)}\n`);
      io.stdout(jsonText(shownDeep(r.context, c.shown)) + '\n');
      return 0;
    } finally {
      await client.close();
    }
  });
}

/** Every string of a JSON value (the server's names and hrefs) made printable; keys are ours. */
function shownDeep(v: unknown, shown: (s: string) => string): unknown {
  if (typeof v === 'string') return shown(v);
  if (Array.isArray(v)) return v.map((x) => shownDeep(x, shown));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shownDeep(x, shown)]));
  return v;
}
