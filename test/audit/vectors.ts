/** Published tokens the catalogue cites as test vectors (docs/audit.md; the README rule table). */

/** jwt.io's former sample, signed with `your-256-bit-secret`. */
export const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** [OWASP-JWT] sample, signed with jwt.io's current default `a-string-secret-at-least-256-bits-long`. */
export const OWASP_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30';

/** [OWASP-JWT-J] sample (`"admin":true`, no exp), signed with `secret`. */
export const OWASP_JAVA =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ';

/** The jwt_tool README token: its secret is in neither built-in list. */
export const JWT_TOOL = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJsb2dpbiI6InRpY2FycGkifQ.aqNCvShlNT9jBFTPBpHDbt2gBB1MyHiisSDdp8SQvgw';

/** HS256 over `{"sub":"admin"}` with a zero-length key (CVE-2019-20933). */
export const EMPTY_SECRET = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiJ9.Y0yCQbHxotrgSSMBCueSKx3TZOxRX8AfkpQuQ-UucsE';

/** `alg: none`, empty signature. */
export const ALG_NONE = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiJ9.';

/** An HS256 header with its signature stripped (CVE-2020-28042). */
export const NULL_SIGNATURE = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiJ9.';

/** ES256 with r = s = 0 (CVE-2022-21449). */
export const PSYCHIC_ES256 = `eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiJ9.${'A'.repeat(86)}`;

/** The GHSA-7f9x-gw85-8grf PoC header: PBES2 with p2c 2,000,000,000, padded with `=`. */
export const GHSA_7F9X_HEADER = 'eyJhbGciOiJQQkVTMi1IUzI1NitBMTI4S1ciLCJlbmMiOiJBMjU2R0NNIiwicDJjIjoyMDAwMDAwMDAwLCJwMnMiOiJNNzczSnlmV2xlX2FsSXNrc0NOTU9BIn0=';
