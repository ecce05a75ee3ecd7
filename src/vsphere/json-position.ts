/**
 * Find where JSON text stops being valid, for error positions: Node 20's JSON.parse messages only
 * sometimes carry a position. An iterative scanner (no recursion, so deep nesting is safe) that
 * follows RFC 8259 and returns the offset of the first offending character (text.length at a
 * premature end), or -1 when the text is valid.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  // Stack of containers: '{' or '['; `expect` says what may come next.
  const stack: string[] = [];
  type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';
  let expect: Expect = 'value';
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrClose');
  for (;;) {
    ws();
    if (i >= n) return expect === 'end' ? -1 : n;
    const c = text[i];
    switch (expect) {
      case 'end':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        continue;
      case 'commaOrClose':
        if (c === ',') {
          i++;
          expect = stack[stack.length - 1] === '{' ? 'key' : 'value';
          continue;
        }
        if ((c === '}' && stack[stack.length - 1] === '{') || (c === ']' && stack[stack.length - 1] === '[')) {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        return i;
      case 'key':
      case 'keyOrClose':
        if (c === '}' && expect === 'keyOrClose') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (c !== '"') return i;
        if (!string()) return Math.min(i, n);
        expect = 'colon';
        continue;
      case 'value':
      case 'valueOrClose': {
        if (c === ']' && expect === 'valueOrClose') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (c === '{') {
          stack.push('{');
          i++;
          expect = 'keyOrClose';
          continue;
        }
        if (c === '[') {
          stack.push('[');
          i++;
          expect = 'valueOrClose';
          continue;
        }
        if (c === '"') {
          const start = i;
          if (!string()) return i >= n ? n : Math.max(i, start);
          expect = afterValue();
          continue;
        }
        const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
        if (!m) return i;
        i += m[0].length;
        expect = afterValue();
        continue;
      }
    }
  }
}
