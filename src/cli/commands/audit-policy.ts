import { ruleCatalogue } from '../../audit/catalogue.js';
import type { LifetimePolicy } from '../../audit/rule.js';
import { DEFAULT_LIFETIMES } from '../../audit/rules/lifetime.js';
import { TOKEN_CLASSES, type TokenClass } from '../../audit/token-class.js';
import { parseDuration } from '../../claims/duration.js';
import { usageError } from '../../errors.js';

/** `--max-lifetime access=15m,refresh=7d,id=1h` over the defaults. */
export function parseLifetimes(text: string | undefined): LifetimePolicy {
  if (text === undefined) return DEFAULT_LIFETIMES;
  const policy: Record<TokenClass, number> = { ...DEFAULT_LIFETIMES };
  for (const part of text.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    const seconds = value === undefined ? null : parseDuration(value);
    if (!(TOKEN_CLASSES as readonly string[]).includes(name ?? '') || seconds === null) {
      throw usageError(`--max-lifetime ${part}: expected class=duration with class access, refresh or id (access=15m,refresh=7d,id=1h)`);
    }
    policy[name as TokenClass] = seconds;
  }
  return policy;
}

/** The rules turned off: `--ignore` (ids from the catalogue), and weak-secret with `--no-secret-check`. */
export function ignoredRules(text: string | undefined, secretCheck: boolean): Set<string> {
  const ids = new Set(
    (text ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
  const known = new Set(ruleCatalogue().map((r) => r.id));
  const unknown = [...ids].filter((id) => !known.has(id));
  if (unknown.length > 0) throw usageError(`--ignore: no rule named ${unknown.join(', ')}; the rule ids are listed in the README`);
  if (!secretCheck) ids.add('weak-secret');
  return ids;
}
