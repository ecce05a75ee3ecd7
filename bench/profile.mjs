/**
 * Where the time goes: one CLI run under `node --cpu-prof`, summed by self time per source module
 * and per function. It runs the unbundled build (dist/cli/bin.js, the same code as the bundle) so
 * that each sample names its module (dist/xml/reader.js is src/xml/reader.ts), and one thread
 * (`--jobs 1`) so that one profile holds the whole run.
 *
 *   node bench/profile.mjs [--bundle] validate --no-ignore --no-lint bench/out/compose-20mb.xml
 *
 * Used by bench/run.mjs for the "Profiles" section of RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist', 'cli', 'bin.js');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'vmparams.js');

/** What a sample's frame belongs to: a module of ours (as its src/ path), a dependency, Node, or V8's own work. */
function moduleOf(frame) {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const rel = path.relative(ROOT, file);
  if (/^dist[\\/]cli[\\/]vmparams[\w-]*\.js$/.test(rel)) return 'the CLI bundle (dist/cli/vmparams*.js)';
  if (rel.startsWith(`dist${path.sep}`)) return `src/${rel.slice(5).replace(/\.js$/, '.ts')}`;
  const nm = rel.lastIndexOf(`node_modules${path.sep}`);
  if (nm >= 0) return `dependency ${rel.slice(nm + 13).split(path.sep).slice(0, rel.slice(nm + 13).startsWith('@') ? 2 : 1).join('/')}`;
  if (url.startsWith('node:') || !path.isAbsolute(file)) return 'node (its own JavaScript)';
  return rel;
}

/** Self time per module and per function (ms) of a .cpuprofile. */
export function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const modules = new Map();
  const functions = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id).callFrame;
    const mod = moduleOf(frame);
    const fn = frame.url ? frame.functionName || '(anonymous)' : mod;
    modules.set(mod, (modules.get(mod) ?? 0) + us);
    const key = `${fn}\0${mod}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    total += us;
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: total / 1000,
    modules: top(modules).map(([name, us]) => ({ name, ms: us / 1000 })),
    /** `module` is the function's module; for V8's own work (garbage collector, program) it equals `name`. */
    functions: top(functions).map(([key, us]) => ({ name: key.split('\0')[0], module: key.split('\0')[1], ms: us / 1000 })),
  };
}

/**
 * Profile one run of `vmparams ARGS` (one thread): of the unbundled build, or with `bundle` of the
 * bundled CLI users run (where module loading is what is measured, but samples name only the bundle).
 * Returns null when that build is missing.
 */
export function profileRun(args, { bundle = false } = {}) {
  const bin = bundle ? BUNDLE : BIN;
  if (!fs.existsSync(bin)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmparams-prof-'));
  try {
    const argv = args[0] === 'validate' ? [...args, '--jobs', '1'] : args;
    const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, bin, ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written (exit ${r.status}): ${r.stderr}`);
    return summarize(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const bundle = process.argv[2] === '--bundle';
  const s = profileRun(process.argv.slice(bundle ? 3 : 2), { bundle });
  if (!s) {
    process.stderr.write('dist/cli/bin.js is missing: run npm run build first\n');
    process.exit(2);
  }
  console.log(`total ${s.totalMs.toFixed(0)} ms of samples`);
  console.log('\nby module:');
  for (const m of s.modules.slice(0, 15)) console.log(`${m.ms.toFixed(1).padStart(9)} ms  ${((100 * m.ms) / s.totalMs).toFixed(1).padStart(5)}%  ${m.name}`);
  console.log('\nby function:');
  for (const f of s.functions.slice(0, 25)) console.log(`${f.ms.toFixed(1).padStart(9)} ms  ${((100 * f.ms) / s.totalMs).toFixed(1).padStart(5)}%  ${f.name}${f.module !== f.name ? `  (${f.module})` : ''}`);
}
