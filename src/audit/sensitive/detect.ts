import type { DecodedToken } from '../../token/decode.js';
import type { JsonNode } from '../../token/json.js';
import { privateJwkMembers } from '../jwk.js';
import { REGISTERED_HEADER_PARAMS } from '../registry.js';
import type { AuditContext, Severity } from '../rule.js';
import { inferTokenClass, type TokenClass } from '../token-class.js';
import { isEmail, isServiceAccount } from './contact.js';
import { subjectCandidates } from './by-value.js';
import { confidenceOf, strongest, type Candidate, type LeafScope, type SensitiveRuleId } from './candidate.js';
import { leafCandidates } from './leaf.js';
import { NEVER_SCANNED } from './names.js';
import { nestedJson, nestedJwt } from './nested.js';
import { oidcAddressMembers } from './personal.js';
import { walkBudget, walkNodes, type Visit, type WalkBudget } from './walk.js';

/** One sensitive value, ready to become a finding of its rule. */
export interface Detection {
  readonly rule: SensitiveRuleId;
  readonly severity: Severity;
  /** Where it is; a value found inside a JSON or JWT string is reported at that string, which is what gets redacted. */
  readonly path: string;
  /** The value itself, shown masked; null when the evidence below says enough. */
  readonly value: string | null;
  /** Evidence that gives nothing away (member names). */
  readonly evidence: string | null;
  readonly note: string;
}

/** docs/audit.md "Sensitive data" step 1: JSON and JWT strings are walked to this many levels of nesting. */
const MAX_NESTING = 2;

/** Data kinds that count towards "a whole profile copied into an access token". */
const PROFILE_RULES: ReadonlySet<SensitiveRuleId> = new Set([
  'email-address',
  'phone-number',
  'postal-address',
  'date-of-birth',
  'personal-name',
  'national-id',
  'geolocation',
  'ip-address',
]);
const PROFILE_SIZE = 3;

interface Place {
  /** The outer string a nested document came from, and how to name the inside. */
  readonly anchor: { readonly path: string; readonly inside: string } | null;
  readonly level: number;
  readonly budget: WalkBudget;
}

/** One walk of a token's header and claims for sensitive values (not scan/'s walk of files for tokens). */
class SensitiveValueWalk {
  readonly found: Detection[] = [];
  /** OIDC address objects already reported whole: their members add nothing. */
  private readonly addresses = new Set<string>();

  constructor(private readonly now: number) {}

  token(token: DecodedToken, tokenClass: TokenClass, place: Place): void {
    this.document(token.header, 'header', { claimsSet: false, tokenClass, now: this.now }, place, true);
    if (token.claims !== null) this.document(token.claims, 'payload', { claimsSet: true, tokenClass, now: this.now }, place, false);
  }

  private document(root: JsonNode, prefix: string, scope: LeafScope, place: Place, isHeader: boolean): void {
    for (const visit of walkNodes(root, prefix, place.budget)) {
      if (visit.node.type === 'object') {
        this.object(visit, scope, place);
        continue;
      }
      if (visit.node.type === 'array') continue;
      // Registered header parameters hold algorithm and key data; only kid-injection and key rules judge them.
      if (isHeader && visit.topKey !== null && REGISTERED_HEADER_PARAMS.has(visit.topKey)) continue;
      this.leaf(visit, scope, place);
    }
  }

  private object(visit: Visit, scope: LeafScope, place: Place): void {
    const secret = privateJwkMembers(visit.node);
    if (secret.length > 0) {
      const candidate: Candidate = { rule: 'private-key-material', severity: 'critical', byValue: true, what: 'JWK with private members' };
      this.report(visit, place, candidate, null, `private members ${secret.join(', ')}`);
    }
    if (scope.claimsSet && visit.depth === 1 && visit.key === 'address') {
      const filled = oidcAddressMembers(visit.node);
      if (filled.length > 0) {
        this.addresses.add(visit.path);
        const candidate: Candidate = { rule: 'postal-address', severity: 'medium', byValue: true, byBoth: true, what: 'OIDC address claim' };
        this.report(visit, place, candidate, null, `members ${filled.join(', ')}`);
      }
    }
  }

  private leaf(visit: Visit, scope: LeafScope, place: Place): void {
    const { node, key } = visit;
    const value = node.type === 'string' ? node.value : node.type === 'number' ? node.raw : null;
    if (key !== null && NEVER_SCANNED.has(key)) {
      // A Google service-account client_id is the one standard-claim value worth a word.
      if (key === 'client_id' && value !== null && isEmail(value) && isServiceAccount(value)) {
        this.report(visit, place, { rule: 'email-address', severity: 'info', byValue: true, what: 'service account' }, value);
      }
      return;
    }
    if (key === 'sub') {
      const best = strongest(subjectCandidates(node, scope));
      if (best) this.report(visit, place, best, value);
      return;
    }
    const { candidates, category } = leafCandidates(visit, scope);
    if (node.type === 'string') candidates.push(...this.nested(node.value, visit, scope, place));
    const best = strongest(candidates);
    if (best === null || (best.rule === 'postal-address' && this.insideReportedAddress(visit.path))) return;
    this.report(visit, place, best, value, null, confidenceOf(best, category));
  }

  private insideReportedAddress(path: string): boolean {
    return [...this.addresses].some((parent) => path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`));
  }

  /** docs/audit.md "Sensitive data" step 1: walk JSON and JWT strings too; a JWT is itself a bearer token. */
  private nested(text: string, visit: Visit, scope: LeafScope, place: Place): Candidate[] {
    if (place.level >= MAX_NESTING) return [];
    const anchorPath = place.anchor?.path ?? visit.path;
    const jwt = nestedJwt(text);
    if (jwt !== null) {
      const inner: Place = { anchor: { path: anchorPath, inside: 'the nested JWT' }, level: place.level + 1, budget: place.budget };
      this.token(jwt, inferTokenClass(jwt.header, jwt.claims), inner);
      return [{ rule: 'nested-bearer-token', severity: 'medium', byValue: true, what: jwt.kind === 'unsecured' ? 'an unsecured JWT' : `a ${jwt.kind}` }];
    }
    const json = nestedJson(text);
    if (json !== null) {
      const inner: Place = { anchor: { path: anchorPath, inside: 'the JSON text' }, level: place.level + 1, budget: place.budget };
      this.document(json, '', { ...scope, claimsSet: false }, inner, false);
    }
    return [];
  }

  private report(visit: Visit, place: Place, c: Candidate, value: string | null, evidence: string | null = null, confidence = confidenceOf(c, null)): void {
    const where = place.anchor === null ? '' : ` (inside ${place.anchor.inside}, at ${visit.path === '' ? 'the root' : visit.path})`;
    this.found.push({
      rule: c.rule,
      severity: c.severity,
      path: place.anchor?.path ?? visit.path,
      value,
      evidence,
      note: `${c.what}; confidence ${confidence}${where}`,
    });
  }
}

/**
 * docs/audit.md "Sensitive data" escalation: an access token that carries three or more
 * kinds of personal data holds a copied profile, so its email is medium.
 */
function escalateCopiedProfile(found: readonly Detection[], tokenClass: TokenClass): Detection[] {
  if (tokenClass !== 'access') return [...found];
  const kinds = new Set(found.filter((d) => d.path.startsWith('payload') && PROFILE_RULES.has(d.rule)).map((d) => d.rule));
  if (kinds.size < PROFILE_SIZE) return [...found];
  return found.map((d) =>
    d.rule === 'email-address' && d.severity === 'low' && d.path.startsWith('payload')
      ? { ...d, severity: 'medium' as const, note: `${d.note}; one of ${kinds.size} kinds of personal data in an access token` }
      : d,
  );
}

/** Every sensitive value in a token's header and claims (docs/audit.md "Sensitive data"), worst per value. */
function detectSensitive(token: DecodedToken, tokenClass: TokenClass, now: number): Detection[] {
  const walk = new SensitiveValueWalk(now);
  walk.token(token, tokenClass, { anchor: null, level: 0, budget: walkBudget() });
  return escalateCopiedProfile(walk.found, tokenClass);
}

const cache = new WeakMap<AuditContext, readonly Detection[]>();

/** The detections for an audit, computed once for the sixteen rules that read them. */
export function sensitiveDetections(ctx: AuditContext): readonly Detection[] {
  let found = cache.get(ctx);
  if (found === undefined) {
    found = detectSensitive(ctx.token, ctx.tokenClass, ctx.now);
    cache.set(ctx, found);
  }
  return found;
}
