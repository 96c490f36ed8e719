import type { Rule } from '../rule.js';
import { algorithmRules } from './algorithm.js';
import { claimRules } from './claims.js';
import { cookieRules } from './cookie.js';
import { formatRules } from './format.js';
import { headerKeyRules } from './header-keys.js';
import { headerRules } from './header.js';
import { jweRules } from './jwe.js';
import { keyRules } from './key.js';
import { lifetimeRules } from './lifetime.js';
import { secretRules } from './secret.js';
import { sensitiveRules } from './sensitive.js';
import { signatureRules } from './signature.js';
import { sizeRules } from './size.js';

/** The one table of audit rules: the source for audit, decode, --ignore, SARIF and the README. */
export const RULES: readonly Rule[] = [
  ...formatRules,
  ...algorithmRules,
  ...signatureRules,
  ...headerRules,
  ...headerKeyRules,
  ...lifetimeRules,
  ...claimRules,
  ...sensitiveRules,
  ...sizeRules,
  ...cookieRules,
  ...jweRules,
  ...secretRules,
  ...keyRules,
];
