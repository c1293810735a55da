import type { Priority, RequestCategory } from '@qifu/contracts';

export interface OfficerLoad {
  id: string;
  departmentId?: string | null;
  categories: readonly RequestCategory[];
  capacity: number;
  openCount: number;
  available: boolean;
  lastAssignedAt: Date | null;
}

export interface RoutingRequest {
  category: RequestCategory;
  liaisonOfficerId: string | null;
  /** Set by a transfer (转办): a named officer, or a department whose officers take it. */
  targetOfficerId?: string | null;
  targetDepartmentId?: string | null;
  /** The officer it was transferred away from. */
  previousOfficerId?: string | null;
}

export type RoutingDecision =
  { officerId: string; reason: 'liaison' | 'category' | 'transfer' } | { officerId: null; reason: 'no_capacity' };

export function hasRoom(o: OfficerLoad): boolean {
  return o.available && o.openCount < o.capacity;
}

/**
 * API.md "Assignment": the company's liaison officer if available and under capacity; else the
 * available officer with the request's category and the fewest open cases, ties to the one who has
 * waited longest since their last assignment (never assigned counts as longest); else nobody.
 */
export function chooseOfficer(request: RoutingRequest, officers: readonly OfficerLoad[]): RoutingDecision {
  if (request.targetOfficerId || request.targetDepartmentId) return chooseForTransfer(request, officers);
  const liaison = request.liaisonOfficerId ? officers.find((o) => o.id === request.liaisonOfficerId) : undefined;
  if (liaison && hasRoom(liaison)) return { officerId: liaison.id, reason: 'liaison' };
  const candidates = officers.filter((o) => hasRoom(o) && o.categories.includes(request.category));
  if (candidates.length === 0) return { officerId: null, reason: 'no_capacity' };
  const best = candidates.reduce((a, b) => (compareForRouting(a, b) <= 0 ? a : b));
  return { officerId: best.id, reason: 'category' };
}

/**
 * A transfer to a named officer waits for that officer's capacity; one to a department goes to its
 * officers with the category (else any of its officers), fewest open cases first, never straight
 * back to the officer it came from.
 */
function chooseForTransfer(request: RoutingRequest, officers: readonly OfficerLoad[]): RoutingDecision {
  if (request.targetOfficerId) {
    const target = officers.find((o) => o.id === request.targetOfficerId);
    return target && hasRoom(target) ? { officerId: target.id, reason: 'transfer' } : { officerId: null, reason: 'no_capacity' };
  }
  const inDept = officers.filter((o) => o.departmentId === request.targetDepartmentId && o.id !== request.previousOfficerId && hasRoom(o));
  const skilled = inDept.filter((o) => o.categories.includes(request.category));
  const pool = skilled.length > 0 ? skilled : inDept;
  if (pool.length === 0) return { officerId: null, reason: 'no_capacity' };
  return { officerId: pool.reduce((a, b) => (compareForRouting(a, b) <= 0 ? a : b)).id, reason: 'transfer' };
}

function compareForRouting(a: OfficerLoad, b: OfficerLoad): number {
  if (a.openCount !== b.openCount) return a.openCount - b.openCount;
  const ta = a.lastAssignedAt?.getTime() ?? -Infinity;
  const tb = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const PRIORITY_RANK: Readonly<Record<Priority, number>> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Waiting requests are drained most urgent first, then oldest first. */
export function priorityRank(p: Priority): number {
  return PRIORITY_RANK[p];
}
