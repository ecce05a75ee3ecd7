/**
 * Code actions in process: a problem's automatic fix (offsets into the text, as the rules report
 * them) becomes a quick fix whose edits are LSP ranges, and only for diagnostics in the range asked.
 */
import { describe, expect, it } from 'vitest';
import { codeActions, intersects } from '../../src/lsp/actions.js';
import { analyse } from '../../src/lsp/analysis.js';
import type { Finding } from '../../src/lsp/diagnostics.js';
import { applyEdits, range } from './client.js';

// 😀 is two UTF-16 units: the fix's offsets and the LSP columns both count them.
const TEXT = `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="😀" deploy="false" powerOn="false">
  <SourcedItem>
    <Source href="vm-1"/>
  </SourcedItem>
</ComposeVAppParams>
`;
const URI = 'file:///tmp/fix.xml';

function findingWithFix(): Finding {
  const start = TEXT.indexOf('vm-1');
  return {
    diagnostic: { range: range(2, 12, 2, 23), message: 'relative href', code: 'reference/href', source: 'vmparams' },
    fix: { title: 'Make the href absolute', edits: [{ start, end: start + 4, text: 'https://vcd.example.com/api/vm/vm-1' }] },
  };
}

describe('code actions', () => {
  it('turns a rule fix into a quick fix for the diagnostic in range', async () => {
    const a = analyse(TEXT);
    const actions = await codeActions(a, { textDocument: { uri: URI }, range: range(2, 14, 2, 14), context: { diagnostics: [] } }, [findingWithFix()]);
    const fix = actions.find((x) => x.title === 'Make the href absolute')!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.isPreferred).toBe(true);
    expect(fix.diagnostics?.[0].code).toBe('reference/href');
    const edits = fix.edit!.changes![URI];
    expect(edits).toEqual([{ range: range(2, 18, 2, 22), newText: 'https://vcd.example.com/api/vm/vm-1' }]);
    expect(applyEdits(TEXT, edits)).toContain('<Source href="https://vcd.example.com/api/vm/vm-1"/>');
  });

  it('offers no fix outside the diagnostic, and no sort where children are in order', async () => {
    const a = analyse(TEXT);
    const actions = await codeActions(a, { textDocument: { uri: URI }, range: range(0, 3, 0, 3), context: { diagnostics: [] } }, [findingWithFix()]);
    expect(actions).toEqual([]);
  });

  it('keeps to the kinds the editor asks for', async () => {
    const a = analyse(TEXT);
    const only = await codeActions(a, { textDocument: { uri: URI }, range: range(2, 14, 2, 14), context: { diagnostics: [], only: ['refactor'] } }, [findingWithFix()]);
    expect(only).toEqual([]);
  });

  it('offers the sort on the element at the cursor when its children are out of order', async () => {
    const text = TEXT.replace('<SourcedItem>', '<SourcedItem>\n    <VmGeneralParams><Name>web</Name></VmGeneralParams>');
    const a = analyse(text);
    const actions = await codeActions(a, { textDocument: { uri: URI }, range: range(2, 6, 2, 6), context: { diagnostics: [] } }, []);
    expect(actions.map((x) => [x.title, x.kind])).toEqual([['Sort children into schema order', 'refactor.rewrite']]);
    const sorted = applyEdits(text, actions[0].edit!.changes![URI]);
    expect(sorted.indexOf('<Source ')).toBeLessThan(sorted.indexOf('<VmGeneralParams>'));
  });

  it('counts touching ranges as intersecting', () => {
    expect(intersects(range(1, 0, 1, 4), range(1, 4, 1, 4))).toBe(true);
    expect(intersects(range(1, 0, 1, 4), range(1, 5, 1, 6))).toBe(false);
    expect(intersects(range(0, 0, 3, 0), range(1, 2, 1, 3))).toBe(true);
  });
});
