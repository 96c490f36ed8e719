/** Which key source was asked for: what loading the keys needs, before anything is loaded. */
export type KeySpec =
  | { readonly kind: 'secret'; readonly from: 'argument' | 'env' | 'file'; readonly value: string; readonly base64: boolean }
  | { readonly kind: 'key-file'; readonly path: string }
  | { readonly kind: 'jwks-file'; readonly path: string }
  | { readonly kind: 'jwks-url'; readonly url: string }
  | { readonly kind: 'issuer'; readonly issuer: string };

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A scheme and `//`: a URL to fetch keys from, not a file (`--jwks`, the argument of jwks). */
export function looksLikeUrl(text: string): boolean {
  return URL_LIKE.test(text);
}
