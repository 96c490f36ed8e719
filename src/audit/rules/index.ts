import type { Rule } from '../rule.js';
import { algorithmRules } from './algorithm.js';
import { formatRules } from './format.js';
import { lifetimeRules } from './lifetime.js';
import { sensitiveRules } from './sensitive.js';

/** The one table of audit rules: the source for audit, decode, --ignore, SARIF and the README. */
export const RULES: readonly Rule[] = [...formatRules, ...algorithmRules, ...lifetimeRules, ...sensitiveRules];
