/**
 * The README's "In the editor" recipes work as written: the VS Code and Helix settings start the
 * server (their command and arguments, with `vmparams` on the PATH), the catalog path they give
 * exists in the package, and the Neovim snippets, run in a real Neovim (headless), show the
 * fixture's diagnostics on the right ranges, format the buffer as `vmparams fmt` does, and match
 * the session captured in the README.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, tempDir } from '../cli/helpers.js';
import { fileUri, LspClient } from './client.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const start = README.indexOf('\n## In the editor\n');
const SECTION = README.slice(start, README.indexOf('\n## ', start + 5));
const FIXTURE = join(ROOT, 'test/lsp/fixtures/web.xml');

/** The fenced code blocks of one language in the section, in order. */
function blocks(lang: string): string[] {
  return [...SECTION.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

// `vmparams` on the PATH, as `npm install -g vmparams` would put it.
const tmp = tempDir();
const bin = join(tmp.dir, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'vmparams'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(bin, 'vmparams'), 0o755);
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
afterAll(tmp.cleanup);

/** Start the server as an editor configured with `command` and `args` would, and check a document. */
async function startsAndChecks(command: string, args: string[], languageId: string): Promise<void> {
  const client = new LspClient({ command, args, env });
  try {
    const init = await client.initialize();
    expect(init.serverInfo?.name).toBe('vmparams');
    const diagnostics = await client.open(fileUri(FIXTURE), readFileSync(FIXTURE, 'utf8'), languageId);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['nic/manual-needs-ip', 'nic/network-declared', 'reference/href']);
    expect(await client.shutdown()).toBe(0);
  } finally {
    client.kill();
  }
}

describe('README: In the editor', () => {
  it('VS Code: the Generic LSP Client settings start the server for XML files', async () => {
    const settings = JSON.parse(blocks('json')[0]) as Record<string, unknown>;
    const command = settings['glspc.server.command'] as string;
    const args = settings['glspc.server.commandArguments'] as string[];
    const languages = settings['glspc.server.languageId'] as string[];
    expect(languages).toEqual(['xml']);
    await startsAndChecks(command, args, languages[0]);
  });

  it('VS Code: the catalog the XML extension is given is in the package', () => {
    const { 'xml.catalogs': catalogs } = JSON.parse(blocks('json')[1]) as { 'xml.catalogs': string[] };
    const inPackage = catalogs[0].replace(/^node_modules\/vmparams\//, '');
    expect(inPackage).toBe('xsd/catalog.xml');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('xsd');
    expect(readFileSync(join(ROOT, inPackage), 'utf8')).toContain('<uri name="http://www.vmware.com/vcloud/v1.5"');
  });

  it('Helix: the languages.toml language server starts, and is the one for xml', async () => {
    const toml = blocks('toml')[0];
    const server = /\[language-server\.vmparams\]\ncommand = "([^"]+)"\nargs = (\[[^\]]*\])/.exec(toml);
    expect(server).not.toBeNull();
    expect(toml).toMatch(/\[\[language\]\]\nname = "xml"\nlanguage-servers = \["vmparams"\]/);
    await startsAndChecks(server![1], JSON.parse(server![2]) as string[], 'xml');
  });

  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const hasNvim = nvim.status === 0;
  if (!hasNvim) console.log('editors.test: nvim not installed (apt-get install -y neovim): the Neovim snippets are not run');
  const modern = hasNvim && /NVIM v0\.(?:[89]|\d\d)|NVIM v[1-9]/.test(nvim.stdout);

  // Waits for the diagnostics, writes them, formats the buffer through the server and writes it too.
  const REPORT = `
vim.wait(20000, function() return #vim.diagnostic.get(0) >= 3 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format('%d:%d-%d:%d %d %s %s', d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.code, d.message))
end
table.sort(out)
local f = io.open(os.getenv('REPORT') .. '.diagnostics', 'w'); f:write(table.concat(out, '\\n')); f:close()
if vim.lsp.buf.format then vim.lsp.buf.format({ async = false, timeout_ms = 20000 }) else vim.lsp.buf.formatting_sync(nil, 20000) end
f = io.open(os.getenv('REPORT') .. '.formatted', 'w'); f:write(table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\\n') .. '\\n'); f:close()
vim.cmd('qa!')
`;
  // Neovim 0.7 has no vim.lsp.start: the same behaviour from start_client (only defined when missing).
  const SHIM = `
if not vim.lsp.start then
  vim.lsp.start = function(config)
    local id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client(0, id) end
    return id
  end
end
`;

  const snippets = blocks('lua');
  const cases: [string, string, boolean][] = [
    ['Neovim 0.8+ (vim.lsp.start)', snippets[0] ?? '', !modern],
    ['Neovim 0.7 (vim.lsp.start_client)', snippets[1] ?? '', false],
  ];
  for (const [name, snippet, shim] of cases) {
    it.skipIf(!hasNvim)(`${name}: shows the diagnostics on their ranges and formats as vmparams fmt`, () => {
      expect(snippet).toMatch(/'vmparams', 'lsp', '--stdio'/);
      const dir = join(tmp.dir, name.replace(/\W+/g, '-'));
      mkdirSync(dir, { recursive: true });
      copyFileSync(FIXTURE, join(dir, 'web.xml'));
      writeFileSync(join(dir, 'init.lua'), (shim ? SHIM : '') + snippet);
      writeFileSync(join(dir, 'report.lua'), REPORT);
      const report = join(dir, 'report');
      const r = spawnSync('nvim', ['--headless', '-u', join(dir, 'init.lua'), '-c', `luafile ${join(dir, 'report.lua')}`, 'web.xml'], {
        cwd: dir,
        env: { ...env, REPORT: report, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const lines = readFileSync(`${report}.diagnostics`, 'utf8').split('\n');
      // 0-based lines and columns; severity 1 = error, 2 = warning.
      expect(lines.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
        '10:27-10:44 1 nic/network-declared',
        '13:10-13:35 1 nic/manual-needs-ip',
        '6:12-6:23 2 reference/href',
      ]);
      // What the README shows is what Neovim shows.
      for (const l of lines) expect(SECTION).toContain(`■ ${l.split(' ').slice(3).join(' ').slice(0, 40)}`);
      const formatted = readFileSync(`${report}.formatted`, 'utf8');
      expect(formatted).not.toBe(readFileSync(FIXTURE, 'utf8'));
      expect(formatted).toBe(cli(['fmt', FIXTURE]).stdout);
    });
  }
});
