import fc from 'fast-check';
import { fuzzSettings } from '../helpers/fuzz.js';
import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATE_BYTES, TokenFinder, type TextMatch } from '../../src/scan/finder.js';
import { jws, JWT_IO } from '../helpers/tokens.js';
import { pieces } from './pieces.js';

/** Feed the text to a fresh finder in pieces cut at these byte offsets. */
function findIn(text: string | Buffer, cuts: readonly number[] = []): TextMatch[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const finder = new TokenFinder();
  return [...pieces(bytes, cuts).flatMap((p) => finder.push(p)), ...finder.end()];
}

const NONE = jws({ alg: 'none' }, { sub: 'x' }, '');
const JWE =
  'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ';

describe('TokenFinder', () => {
  it('finds a token in free text with its 1-based line and column', () => {
    expect(findIn(`first line\n  Authorization: Bearer ${JWT_IO}\n`)).toEqual([{ token: JWT_IO, line: 2, column: 25 }]);
  });

  it.each([
    ['a JSON string', `{"id_token":"${JWT_IO}","x":1}`, 14],
    ['a query string', `GET /cb?state=1&access_token=${JWT_IO}&x=2 HTTP/1.1`, 30],
    ['a cookie header', `Cookie: theme=dark; session=${JWT_IO}; lang=en`, 29],
    ['a sentence ending in a full stop', `the token is ${JWT_IO}.`, 14],
    ['percent-encoded dots', `?t=${JWT_IO.replace(/\./g, '%2E')}`, 4],
  ])('finds it inside %s', (_what, text, column) => {
    expect(findIn(text)).toEqual([{ token: JWT_IO, line: 1, column }]);
  });

  it('finds alg none with an empty signature, and JWE', () => {
    expect(findIn(`a ${NONE} b\n${JWE}`).map((m) => m.token)).toEqual([NONE, JWE]);
  });

  it('drops runs that look like tokens but do not decode', () => {
    expect(findIn('eyJhbGciOi.eyJzdWIi.sig eyJ0eXAi eyJub3QganNvbg.e30.sig eyJ.a.b')).toEqual([]);
  });

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    expect(findIn(`é😀 ${JWT_IO}`)).toEqual([{ token: JWT_IO, line: 1, column: 5 }]);
  });

  it('finds every occurrence, once each', () => {
    const text = `${JWT_IO} ${JWT_IO}\n\n${NONE}`;
    expect(findIn(text)).toEqual([
      { token: JWT_IO, line: 1, column: 1 },
      { token: JWT_IO, line: 1, column: 2 + JWT_IO.length },
      { token: NONE, line: 3, column: 1 },
    ]);
  });

  it('finds a token split at every offset around it, with the same position', () => {
    const text = `line one\nxé ${JWT_IO}%2E eyJ\nend`;
    const expected = findIn(text);
    expect(expected).toEqual([{ token: JWT_IO, line: 2, column: 4 }]);
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) expect(findIn(bytes, [cut])).toEqual(expected);
  });

  it('finds it when fed one byte at a time', () => {
    const text = `a\nb eyJ ${NONE}\n${JWE} e`;
    const bytes = Buffer.from(text);
    expect(findIn(bytes, [...bytes.keys()].slice(1))).toEqual(findIn(text));
  });

  it('skips a run longer than the candidate limit without keeping it, and goes on', () => {
    const long = `eyJ${'A'.repeat(MAX_CANDIDATE_BYTES)}.b.c`;
    const text = `${long}\n${JWT_IO}`;
    const bytes = Buffer.from(text);
    const cuts = [1000, 40_000, 70_000];
    expect(findIn(bytes, cuts)).toEqual([{ token: JWT_IO, line: 2, column: 1 }]);
    expect(findIn(text)).toEqual([{ token: JWT_IO, line: 2, column: 1 }]);
  });

  it('never changes what it finds or where, however the input is cut (property)', () => {
    const pieces = fc.constantFrom('\n', '\r\n', ' ', 'e', 'ey', 'eyJ', '.', '%2E', '%', 'é', '😀', '{"a":"', 'x', JWT_IO, NONE, JWE);
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 12 }), (parts, rawCuts) => {
        const bytes = Buffer.from(parts.join(''));
        const cuts = rawCuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length));
        expect(findIn(bytes, cuts)).toEqual(findIn(bytes));
      }),
      fuzzSettings(400),
    );
  });
});
