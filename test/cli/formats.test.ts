/**
 * The CI formats of `validate` (interface.md "More output formats", issue 12): junit, github, and
 * SARIF checked against the official SARIF 2.1.0 schema; plus -o FILE, --max-warnings and --quiet.
 * In process through run(argv, io) where that is enough, as child processes where the shape of a
 * whole run matters.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XmlDocument, XmlElement } from 'libxml2-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/cli/format/github.js';
import { loadCatalogue } from '../../src/cli/catalogue.js';
import { fakeIo } from './fake-io.js';
import { cli, ROOT, tempDir, xmlFilesUnder, type JsonOutput } from './helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ALL = xmlFilesUnder('fixtures');

async function runIn(args: string[], cwd = ROOT) {
  const io = fakeIo({ cwd });
  const status = await run(args, io);
  return { status, out: io.out, err: io.err };
}

const jsonOf = async (args: string[]) => JSON.parse((await runIn(['validate', '--format', 'json', '--no-config', ...args])).out) as JsonOutput;

describe('--format junit', () => {
  it('is one <testsuite> with a <testcase> per file and a <failure> per error', async () => {
    const r = cli(['validate', '--format', 'junit', 'fixtures']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const j = await jsonOf(['fixtures']);
    using doc = XmlDocument.fromString(r.stdout);
    const suite = doc.root;
    expect(suite.name).toBe('testsuite');
    expect(doc.find('//testsuite')).toHaveLength(1);
    const cases = doc.find('/testsuite/testcase') as XmlElement[];
    expect(cases.map((c) => c.attr('name')?.value)).toEqual(ALL);
    expect(suite.attr('tests')?.value).toBe(String(ALL.length));
    expect(suite.attr('failures')?.value).toBe(String(j.files.filter((f) => !f.valid).length));
    cases.forEach((c, i) => {
      const file = j.files[i]!;
      const errors = file.problems.filter((p) => p.severity === 'error');
      const failures = c.find('failure') as XmlElement[];
      expect(failures.map((f) => f.attr('type')?.value), file.file).toEqual(errors.map((p) => p.rule));
      expect(failures.map((f) => f.attr('message')?.value)).toEqual(errors.map((p) => p.message));
      failures.forEach((f, k) => expect(f.content).toContain(`${file.file}:${errors[k]!.line}:${errors[k]!.column}: ${errors[k]!.rule}: `));
      const others = file.problems.filter((p) => p.severity !== 'error');
      const out = c.get('system-out');
      if (others.length === 0) expect(out).toBeNull();
      else expect(out!.content.split('\n')).toEqual(others.map((p) => `${file.file}:${p.line}:${p.column}: ${p.severity} ${p.rule}: ${p.message}`));
    });
  });

  it('lists files a walk skipped as <skipped> testcases, and escapes what XML needs escaped', async () => {
    const dir = join(tmp.dir, 'junit');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pom.xml'), '<project/>');
    writeFileSync(join(dir, 'a&b "c".xml'), readFileSync(join(ROOT, 'fixtures/invalid/rasd-out-of-order.xml')));
    const r = await runIn(['validate', '--format', 'junit', '--no-config', '.'], dir);
    expect(r.status).toBe(1);
    using doc = XmlDocument.fromString(r.out);
    expect(doc.root.attr('skipped')?.value).toBe('1');
    const [bad, skipped] = doc.find('/testsuite/testcase') as XmlElement[];
    expect(bad!.attr('name')?.value).toBe('a&b "c".xml');
    // The xsd message quotes element names in <...>: escaped, and read back unchanged.
    expect((bad!.get('failure') as XmlElement).attr('message')?.value).toMatch(/^expected <ElementName> \(rasd\) here, found <ResourceType>/);
    expect(skipped!.attr('name')?.value).toBe('pom.xml');
    expect((skipped!.get('skipped') as XmlElement).attr('message')?.value).toMatch(/<project> is not a Cloud Director request/);
  });

  it('is an empty suite that passes when there is nothing to report', async () => {
    const r = await runIn(['validate', '--format', 'junit', '--no-config', 'fixtures/valid/clone-copy.xml']);
    expect(r.status).toBe(0);
    expect(r.out).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="vmparams validate" tests="1" failures="0" errors="0" skipped="0">\n  <testcase classname="vmparams" name="fixtures/valid/clone-copy.xml" file="fixtures/valid/clone-copy.xml"/>\n</testsuite>\n');
  });
});

describe('--format github', () => {
  it('prints one workflow command per problem: ::error / ::warning / ::notice', async () => {
    const r = await runIn(['validate', '--format', 'github', '--no-config', 'fixtures']);
    expect(r.status).toBe(1);
    const j = await jsonOf(['fixtures']);
    const expected = j.files.flatMap((f) =>
      f.problems.map((p) => {
        const props = [`file=${f.file}`, ...(p.line > 0 ? [`line=${p.line}`] : []), ...(p.line > 0 && p.column > 0 ? [`col=${p.column}`] : []), `title=${escapeProperty(p.rule)}`];
        return `::${{ error: 'error', warning: 'warning', info: 'notice' }[p.severity]} ${props.join(',')}::${escapeData(p.message)}`;
      }),
    );
    expect(r.out.trimEnd().split('\n')).toEqual(expected);
    expect(r.out).toMatch(/^::error file=fixtures\/invalid\/[\w.-]+,line=\d+,col=\d+,title=xsd::expected /m);
    expect(r.out).toMatch(/^::warning file=.*,title=vapp%2Fpower-on-without-deploy::|^::warning /m);
  });

  it("escapes as GitHub's toolkit does: % CR LF in messages, and : , too in properties", () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%d\n')).toBe('a%2Cb%3Ac%25d%0A');
    const out = formatGithub([
      {
        display: 'dir,x/a:b%.xml',
        report: {
          kind: null,
          valid: false,
          problems: [
            { severity: 'info', rule: 'x/y', line: 0, column: 0, path: '', message: 'no place: 50%, a\x1b[31mred' },
            { severity: 'error', rule: 'xsd', line: 3, column: 0, path: '', message: 'line only' },
          ],
        },
      },
    ]);
    expect(out).toBe('::notice file=dir%2Cx/a%3Ab%25.xml,title=x/y::no place: 50%25, a\\u001b[31mred\n::error file=dir%2Cx/a%3Ab%25.xml,line=3,title=xsd::line only\n');
  });
});

/**
 * The official SARIF 2.1.0 schema (oasis-tcs/sarif-spec Schemata/sarif-schema-2.1.0.json, draft-07).
 * No npm package ships it as a JSON file; @datadog/datadog-ci-plugin-sarif (pinned) embeds it in its
 * bundle as an object literal, which is read here without running the bundle.
 */
function officialSarifSchema(): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const bundle = readFileSync(join(dirname(require.resolve('@datadog/datadog-ci-plugin-sarif/package.json')), 'dist/bundle.js'), 'utf8');
  const start = bundle.indexOf('var sarif_schema_2_1_0_default = {');
  const end = bundle.indexOf('\n};\n', start);
  if (start < 0 || end < 0) throw new Error('the SARIF schema was not found in @datadog/datadog-ci-plugin-sarif; was it upgraded?');
  const literal = bundle.slice(bundle.indexOf('{', start), end + 2);
  // A data literal evaluated in an empty context: no access to this process.
  return JSON.parse(JSON.stringify(vm.runInNewContext(`(${literal})`, Object.create(null), { timeout: 1000 }))) as Record<string, unknown>;
}

describe('--format sarif', () => {
  const schema = officialSarifSchema();
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const check = ajv.compile(schema);
  const assertValid = (text: string) => {
    const log = JSON.parse(text) as unknown;
    const ok = check(log);
    expect(ok ? [] : check.errors!.map((e) => `${e.instancePath}: ${e.message}`)).toEqual([]);
    return log as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] };
  };

  it('the schema is the official one', () => {
    expect(schema.$id).toBe('https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json');
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  });

  it('validates against it for every fixture, with a helpUri for every rule', async () => {
    const r = await runIn(['validate', '--format', 'sarif', '--no-config', 'fixtures']);
    const log = assertValid(r.out);
    const rules = log.runs[0]!.tool.driver.rules;
    const catalogue = await loadCatalogue();
    expect(rules.map((x) => x.id)).toEqual(catalogue.map((x) => x.id));
    for (const rule of rules) expect(rule.helpUri, rule.id).toMatch(/^https:\/\/www\.npmjs\.com\/package\/vmparams#[\w-]+/);
    for (const id of ['xml', 'xsd', 'unused-directive', 'instant-clone/json']) expect(rules.find((x) => x.id === id)?.helpUri, id).toBeDefined();
  });

  it('every helpUri points at a heading of the README', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // GitHub's (and npm's) heading anchors: lower case, punctuation dropped, spaces to '-', repeats numbered.
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const m of readme.matchAll(/^#{1,6} (.+)$/gm)) {
      const slug = m[1]!.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const rule of await loadCatalogue()) {
      const anchor = /#([\w-]+)/.exec(rule.url ?? '')?.[1];
      expect(anchors.has(anchor ?? ''), `${rule.id}: ${rule.url}`).toBe(true);
    }
  });

  it('names files outside the working directory by absolute URI without uriBaseId, and standard input too', async () => {
    const dir = join(tmp.dir, 'outside');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'x.xml'), readFileSync(join(ROOT, 'fixtures/invalid/rasd-out-of-order.xml')));
    const io = fakeIo({ cwd: join(ROOT, 'fixtures'), stdin: '<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5"><oops></ComposeVAppParams>' });
    await run(['validate', '--format', 'sarif', '--no-config', join(dir, 'x.xml'), 'invalid/rasd-out-of-order.xml', '-'], io);
    const log = assertValid(io.out);
    const locations = log.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation);
    expect(locations).toContainEqual({ uri: `file://${join(dir, 'x.xml')}` });
    expect(locations).toContainEqual({ uri: 'invalid/rasd-out-of-order.xml', uriBaseId: '%SRCROOT%' });
    expect(locations).toContainEqual({ uri: '%3Cstdin%3E' });
    for (const l of locations) if (l.uri.startsWith('file:')) expect(l.uriBaseId).toBeUndefined();
  });

  it('validates for instant-clone specs too', async () => {
    const r = await runIn(['instant-clone', 'validate', '--format', 'sarif', 'fixtures/instant-clone']);
    const log = assertValid(r.out);
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
  });
});

describe('-o FILE, --max-warnings, --quiet', () => {
  it('-o writes the report to the file, not stdout, whatever the format', async () => {
    for (const format of ['text', 'json', 'junit', 'github', 'sarif']) {
      const out = join(tmp.dir, `report.${format}`);
      const r = await runIn(['validate', '--no-config', '--format', format, '-o', out, 'fixtures/invalid/rasd-out-of-order.xml']);
      const plain = await runIn(['validate', '--no-config', '--format', format, 'fixtures/invalid/rasd-out-of-order.xml']);
      expect(r.status).toBe(1);
      expect(r.out).toBe('');
      expect(readFileSync(out, 'utf8'), format).toBe(plain.out);
    }
  });

  it('-o into a folder that does not exist is one line and exit 2', async () => {
    const r = await runIn(['validate', '--no-config', '-o', join(tmp.dir, 'no/such/dir/r.sarif'), 'fixtures/valid/clone-copy.xml']);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/^vmparams validate: -o: cannot write .*r\.sarif: no such file or directory; nothing was written\n$/);
  });

  const WARN = 'fixtures/invalid/semantic/poweron-without-deploy.xml';
  it('--max-warnings N fails when there are more than N warnings', async () => {
    expect((await runIn(['validate', '--no-config', '--max-warnings', '1', WARN])).status).toBe(0);
    const over = await runIn(['validate', '--no-config', '--max-warnings', '0', WARN]);
    expect(over.status).toBe(1);
    expect(over.out.trimEnd().split('\n').at(-1)).toBe('✖ too many warnings: 1 (--max-warnings 0)');
    const json = await runIn(['validate', '--no-config', '--format', 'json', '--max-warnings', '0', WARN]);
    expect(json.status).toBe(1);
    expect(json.err).toBe('✖ too many warnings: 1 (--max-warnings 0)\n');
    expect((await runIn(['validate', '--no-config', '--max-warnings=-1', WARN])).err).toBe("vmparams validate: --max-warnings must be a whole number (0 or more), got '-1'\n");
    expect((await runIn(['validate', '--no-config', '--max-warnings', '-1', WARN])).err).toBe("vmparams validate: option '--max-warnings' needs a value; to give one that starts with '-', write --max-warnings=VALUE (see 'vmparams validate --help')\n");
  });

  it('--quiet reports errors only, and warnings no longer count', async () => {
    const q = await runIn(['validate', '--no-config', '--quiet', '--format', 'json', WARN, 'fixtures/invalid/rasd-out-of-order.xml']);
    const out = JSON.parse(q.out) as JsonOutput;
    expect(out.files.flatMap((f) => f.problems).every((p) => p.severity === 'error')).toBe(true);
    expect(out.summary.warnings).toBe(0);
    const t = await runIn(['validate', '--no-config', '--quiet', '--strict', WARN]);
    expect(t.status).toBe(0);
    expect(t.out).toBe('✔ 1 file checked, no errors\n');
  });
});
