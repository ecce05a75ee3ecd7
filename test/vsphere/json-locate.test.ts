/** JSON pointer -> line:column in the text (src/vsphere/json-locate.ts), for instant-clone specs and config files. */
import { describe, expect, it } from 'vitest';
import { JsonPositions, placeProblems } from '../../src/vsphere/json-locate.js';

const TEXT = `{
  "source": "vm-42",
  "nics_to_update": {
    "4000": { "backing": { "type": "STANDARD_PORTGROUP" } }
  },
  "list": [1, {"a/b~c": true}, [null]],
  "dup": 1, "dup": 2
}`;

describe('JsonPositions', () => {
  const pos = JsonPositions.of(TEXT);
  it('gives a member the position of its key, an array item its own', () => {
    expect(pos.locate('')).toEqual({ line: 1, column: 1 });
    expect(pos.locate('/source')).toEqual({ line: 2, column: 3 });
    expect(pos.locate('/nics_to_update/4000/backing/type')).toEqual({ line: 4, column: 28 });
    expect(pos.locate('/list/0')).toEqual({ line: 6, column: 12 });
    expect(pos.locate('/list/1/a~1b~0c')).toEqual({ line: 6, column: 16 });
    expect(pos.locate('/list/2/0')).toEqual({ line: 6, column: 33 });
  });

  it('points a missing field at the nearest value that exists', () => {
    expect(pos.locate('/nics_to_update/4000/backing/network')).toEqual({ line: 4, column: 15 });
    expect(pos.locate('/name')).toEqual({ line: 1, column: 1 });
  });

  it('takes the last of repeated keys, as JSON.parse does', () => {
    expect(pos.locate('/dup')).toEqual({ line: 7, column: 13 });
  });

  it('skips a BOM and reads what it can of broken text', () => {
    expect(JsonPositions.of('\uFEFF{"a": 1}').locate('/a')).toEqual({ line: 1, column: 3 });
    const broken = JsonPositions.of('{"a": {"b": 1}, "c": ');
    expect(broken.locate('/a/b')).toEqual({ line: 1, column: 8 });
    expect(JsonPositions.of('').locate('/x')).toBeUndefined();
  });

  it('placeProblems fills 0:0 problems only', () => {
    const problems = [
      { line: 0, column: 0, path: '/source' },
      { line: 3, column: 9, path: '/source' },
      { line: 0, column: 0, path: '' },
    ];
    expect(placeProblems(problems, TEXT)).toEqual([
      { line: 2, column: 3, path: '/source' },
      { line: 3, column: 9, path: '/source' },
      { line: 1, column: 1, path: '' },
    ]);
  });
});
