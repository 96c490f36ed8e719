import { nameOnlyCandidates } from './by-name.js';
import { valueCandidates } from './by-value.js';
import type { Candidate, LeafScope } from './candidate.js';
import { nameCategory, type NameCategory } from './names.js';
import type { Visit } from './walk.js';

/** Every detector's say on one scalar leaf: the value detectors, then what the name alone says (docs/audit.md "Sensitive data" step 3). */
export function leafCandidates(visit: Visit, scope: LeafScope): { candidates: Candidate[]; category: NameCategory | null } {
  const category = visit.key === null ? null : nameCategory(visit.key);
  return { candidates: [...valueCandidates(visit, category, scope), ...nameOnlyCandidates(visit.node, visit, category, scope)], category };
}
