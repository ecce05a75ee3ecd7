/** Output hygiene: control characters made visible, credentials redacted in every encoding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, jsonText, redact, REDACTED, safeText } from '../../src/cli/sanitize.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('escapeControls', () => {
  it('writes the common controls as short escapes', () => {
    expect(escapeControls('a\nb\rc\td\0e')).toBe('a\\nb\\rc\\td\\0e');
  });

  it('neutralises terminal escape sequences (screen clear, title change, fake output)', () => {
    const hostile = '\x1b[2J\x1b[H\x1b]0;pwned\x07\r\x1b[32m✔ done\x1b[0m';
    const out = escapeControls(hostile);
    expect(out).toBe('\\u001b[2J\\u001b[H\\u001b]0;pwned\\u0007\\r\\u001b[32m✔ done\\u001b[0m');
    expect(out).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it('escapes DEL, C1 controls (CSI U+009B), separators and bidi overrides', () => {
    expect(escapeControls('\x7f\x9b2J\u2028\u2029')).toBe('\\u007f\\u009b2J\\u2028\\u2029');
    expect(escapeControls('admin\u202e\u2066x\u2069\u202c')).toBe('admin\\u202e\\u2066x\\u2069\\u202c');
  });

  it('escapes lone surrogates but keeps pairs (emoji) and ordinary text', () => {
    expect(escapeControls('a\ud800b\udc00c')).toBe('a\\ud800b\\udc00c');
    expect(escapeControls('ok 😀 café Ω ✔')).toBe('ok 😀 café Ω ✔');
  });

  it('never lets a control character or a bidi override through (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeControls(s);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
    );
  });
});

describe('jsonText', () => {
  it('is the same JSON value with no raw control, separator or bidi character', () => {
    const value = { '\x1b[2J': 'a\u202eb\u0085c\u2028d\ud800', n: 1 };
    const text = jsonText(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('redact', () => {
  const user = 'alice@acme';
  const password = 'S3cr3t p@ss/word+';
  const secrets = [password, `${user}:${password}`];

  it('removes the password in plain, URL, form, JSON and base64 encodings', () => {
    for (const form of [password, encodeURIComponent(password), encodeURIComponent(password).replace(/%20/g, '+'), JSON.stringify(password).slice(1, -1), b64(password)]) {
      const out = redact(`before ${form} after`, secrets);
      expect(out).toBe(`before ${REDACTED} after`);
    }
  });

  it('removes the base64 of user:password wherever it appears (a proxy echoing the request headers)', () => {
    const echo = `{"headers":{"host":"vc","x-note":"${b64(`${user}:${password}`)}"}}`;
    expect(redact(echo, secrets)).not.toContain(b64(`${user}:${password}`));
  });

  it('blanks credential header lines and JSON members, whatever the case', () => {
    const text = [
      'authorization: Basic YWxpY2U6czNjcjN0',
      'Cookie: JSESSIONID=abc123; vcloud=xyz',
      'Set-Cookie: vcloud_session_id=deadbeef; Path=/',
      'X-VMWARE-VCLOUD-ACCESS-TOKEN: abc.def.ghi',
      'x-vcloud-authorization: 0123456789abcdef',
      'vmware-api-session-id: b00b5',
      '{"authorization":"Bearer abc","cookie":"a=b"}',
    ].join('\n');
    const out = redact(text);
    for (const leaked of ['YWxpY2U6czNjcjN0', 'abc123', 'deadbeef', 'abc.def.ghi', '0123456789abcdef', 'b00b5', 'Bearer abc', 'a=b']) expect(out).not.toContain(leaked);
    expect(out.split('\n')[0]).toBe(`authorization: ${REDACTED}`);
  });

  it('removes Basic and Bearer credentials and JWTs in running text', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
    expect(redact(`sent Basic dXNlcjpwYXNz= then Bearer ${jwt}`)).toBe(`sent Basic ${REDACTED} then Bearer ${REDACTED}`);
    expect(redact(`token ${jwt} inside`)).toBe(`token ${REDACTED} inside`);
  });

  it('removes OAuth token fields in JSON and form bodies', () => {
    expect(redact('{"access_token":"tok-1","token_type":"Bearer","refresh_token":"rt-2"}')).toBe(`{"access_token":${REDACTED},"token_type":"Bearer","refresh_token":${REDACTED}}`);
    expect(redact('grant_type=refresh_token&refresh_token=rt-2')).toBe(`grant_type=refresh_token&refresh_token=${REDACTED}`);
  });

  it('keeps ordinary prose, and short secrets only as whole words', () => {
    expect(redact('Basic authentication failed: the Authorization header is missing')).toBe('Basic authentication failed: the Authorization header is missing');
    expect(redact('the pin is abc, not abcd', ['abc'])).toBe(`the pin is ${REDACTED}, not abcd`);
  });

  it('safeText redacts, then escapes', () => {
    expect(safeText(`\x1b[2J${password}\n`, secrets)).toBe(`\\u001b[2J${REDACTED}\\n`);
  });

  it('finds the secret in any text around it (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 4 }), fc.string(), (pre, secret, post) => {
        const out = redact(pre + secret + post, [secret]);
        expect(out).toContain(REDACTED);
      }),
    );
  });
});
