import type { Priority, RequestCategory } from '@qifu/contracts';

export interface PolicyMatch {
  name: string;
  match: { category?: RequestCategory; priority?: Priority };
}

/**
 * The most specific policy whose match fits wins: category and priority (3) over priority alone (2)
 * over category alone (1) over the catch-all (0). Priority outranks category because urgency (a
 * hazard in immediate danger) must not be overridden by a slower category policy. Ties: by name.
 */
export function specificity(p: PolicyMatch): number {
  return (p.match.priority ? 2 : 0) + (p.match.category ? 1 : 0);
}

export function choosePolicy<P extends PolicyMatch>(
  policies: readonly P[],
  request: { category: RequestCategory; priority: Priority },
): P | null {
  const fitting = policies.filter(
    (p) => (!p.match.category || p.match.category === request.category) && (!p.match.priority || p.match.priority === request.priority),
  );
  fitting.sort((a, b) => specificity(b) - specificity(a) || a.name.localeCompare(b.name));
  return fitting[0] ?? null;
}
