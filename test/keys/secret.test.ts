import { describe, expect, it } from 'vitest';
import { decodeBase64Secret, dropTrailingNewline, secretKey } from '../../src/keys/secret.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('secrets', () => {
  it.each([
    [bytes(97, 10), bytes(97)],
    [bytes(97, 13, 10), bytes(97)],
    [bytes(97, 10, 10), bytes(97, 10)],
    [bytes(97), bytes(97)],
    [bytes(), bytes()],
  ])('drops one trailing newline from %j', (input, output) => {
    expect(dropTrailingNewline(input)).toEqual(output);
  });

  it.each([
    ['base64 with padding', '//79AA==', [0xff, 0xfe, 0xfd, 0x00]],
    ['base64url without padding', '__79AA', [0xff, 0xfe, 0xfd, 0x00]],
    ['spread over lines', '__79\nAA\n', [0xff, 0xfe, 0xfd, 0x00]],
  ])('decodes %s', (_what, text, expected) => {
    expect([...decodeBase64Secret(text, '--secret-env S')]).toEqual(expected);
  });

  it.each(['not base64!', 'abcde', '==ab'])('refuses %j without echoing it', (text) => {
    expect(() => decodeBase64Secret(text, '--secret-env S')).toThrow(/--secret-env S is not base64/);
    try {
      decodeBase64Secret(text, '--secret-env S');
    } catch (error) {
      expect((error as Error).message).not.toContain(text);
    }
  });

  it('refuses an empty secret', () => {
    expect(() => secretKey(bytes(), '--secret-file s.txt')).toThrow('--secret-file s.txt is empty');
    expect(secretKey(bytes(1, 2), 'x')).toMatchObject({ type: 'secret', description: '16-bit secret', kid: null });
  });
});
