import { preparedQuery } from '@qifu/database';
import type { RequestAssignedV1, RequestCategory } from '@qifu/contracts';
import type { EntityManager } from 'typeorm';
import type { User } from '../directory/user.entity';
import type { Assignment } from './assignment.entity';
import type { OfficerLoad } from './domain/routing-choice';

/** Matches no row: stands in for a missing id in `id = $n` comparisons. */
export const NO_ID = '00000000-0000-0000-0000-000000000000';

/** What an assignment event says of the officer. */
export type AssignedOfficer = Pick<User, 'id' | 'displayName' | 'departmentId' | 'supervisorId'>;

/**
 * Takes seats for a batch in one statement: `officerIds` names an officer once per seat wanted. An
 * officer gets all of their seats or none (someone was faster, or they left); the map holds those
 * who got theirs. Rows are locked in id order first, so two batches cannot deadlock on each other.
 */
export async function claimSeats(manager: EntityManager, officerIds: readonly string[]): Promise<Map<string, AssignedOfficer>> {
  if (officerIds.length === 0) return new Map();
  const [rows] = (await preparedQuery(
    manager,
    `WITH wanted AS (SELECT id, count(*)::int AS n FROM unnest($1::uuid[]) AS id GROUP BY id),
          locked AS MATERIALIZED (SELECT u.id FROM users u JOIN wanted w ON w.id = u.id ORDER BY u.id FOR UPDATE OF u)
     UPDATE users u SET open_count = u.open_count + w.n, last_assigned_at = clock_timestamp()
       FROM wanted w, locked l
      WHERE u.id = w.id AND l.id = u.id AND u.role = 'officer' AND u.available AND u.open_count + w.n <= u.capacity
      RETURNING u.id, u.display_name, u.department_id, u.supervisor_id`,
    [officerIds],
  )) as [{ id: string; display_name: string; department_id: string | null; supervisor_id: string | null }[], number];
  return new Map(
    rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, departmentId: r.department_id, supervisorId: r.supervisor_id }]),
  );
}

/**
 * Takes one seat of the officer if they are still available with room (PostgreSQL re-checks the
 * condition against the newest row); null when someone was faster.
 */
export async function claimSeat(manager: EntityManager, officerId: string): Promise<AssignedOfficer | null> {
  return (await claimSeats(manager, [officerId])).get(officerId) ?? null;
}

/**
 * One more open case for an officer whose room the caller has checked (or whose case it already is).
 * `last_assigned_at` comes from PostgreSQL's clock, as in claimSeats: the longest-waiting tie-break
 * compares officers stamped by different replicas, whose own clocks may differ.
 */
export const takeSeat = (m: EntityManager, officerId: string): Promise<unknown> =>
  m.query('UPDATE users SET open_count = open_count + 1, last_assigned_at = clock_timestamp() WHERE id = $1', [officerId]);

/** One open case fewer: the officer's seat is free again. */
export const freeSeat = (m: EntityManager, officerId: string): Promise<unknown> =>
  m.query('UPDATE users SET open_count = GREATEST(open_count - 1, 0) WHERE id = $1', [officerId]);

/** The `request.assigned` event of an assignment. */
export function assignedEvent(
  a: Pick<Assignment, 'requestId' | 'referenceNo'>,
  officer: AssignedOfficer,
  reason: RequestAssignedV1['reason'],
  previousOfficerId: string | null,
  at: Date,
): RequestAssignedV1 {
  return {
    requestId: a.requestId,
    referenceNo: a.referenceNo,
    officerId: officer.id,
    officerName: officer.displayName,
    departmentId: officer.departmentId,
    supervisorId: officer.supervisorId,
    previousOfficerId,
    reason,
    assignedAt: at.toISOString(),
  };
}

/** An officer routing may choose, with what the assignment event names. */
export type Candidate = OfficerLoad & Pick<User, 'displayName' | 'departmentId' | 'supervisorId'>;

const CANDIDATE_COLUMNS = 'id, display_name, department_id, supervisor_id, categories, capacity, available, open_count, last_assigned_at';

interface CandidateRow {
  id: string;
  display_name: string;
  department_id: string | null;
  supervisor_id: string | null;
  categories: RequestCategory[];
  capacity: number;
  available: boolean;
  open_count: number;
  last_assigned_at: Date | null;
}

/**
 * The available officers who could take the request: its liaison officer and those with its category,
 * or for a transfer the named officer and the target department's officers. A plain query with only
 * the columns routing reads (it runs for every filing); `lock` locks them in id order.
 */
export async function officerCandidates(
  manager: EntityManager,
  a: Pick<Assignment, 'targetOfficerId' | 'targetDepartmentId' | 'liaisonOfficerId' | 'category'>,
  lock: boolean,
): Promise<Candidate[]> {
  const transfer = !!(a.targetOfficerId || a.targetDepartmentId);
  const rows = (await manager.query(
    `SELECT ${CANDIDATE_COLUMNS} FROM users
      WHERE role = 'officer' AND available AND ${transfer ? '(id = $1 OR department_id = $2)' : '(id = $1 OR $2 = ANY(categories))'}
      ${lock ? 'ORDER BY id FOR UPDATE' : ''}`,
    transfer ? [a.targetOfficerId ?? NO_ID, a.targetDepartmentId ?? NO_ID] : [a.liaisonOfficerId ?? NO_ID, a.category],
  )) as CandidateRow[];
  return rows.map(toCandidate);
}

/**
 * New filings' assignments (waiting) and the available officers who could take any of them, in one
 * statement on the path every filing takes: the filings already there (the same filing under another
 * event id) are skipped and left out of `fresh`; the officers are read for every filing given.
 */
export async function insertFilingsWithPool(
  manager: EntityManager,
  filings: readonly Pick<
    Assignment,
    'requestId' | 'referenceNo' | 'companyId' | 'liaisonOfficerId' | 'category' | 'priority' | 'filedAt'
  >[],
): Promise<{ fresh: Set<string>; pool: Candidate[] }> {
  const [row] = (await preparedQuery(
    manager,
    `WITH added AS (
       INSERT INTO assignments (request_id, reference_no, company_id, liaison_officer_id, category, priority, state, filed_at)
       SELECT v.request_id, v.reference_no, v.company_id, v.liaison_officer_id, v.category, v.priority, 'waiting', v.filed_at
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[])
           AS v (request_id, reference_no, company_id, liaison_officer_id, category, priority, filed_at)
       ON CONFLICT (request_id) DO NOTHING RETURNING request_id)
     SELECT (SELECT coalesce(json_agg(request_id), '[]') FROM added) AS fresh,
            (SELECT coalesce(json_agg(o), '[]') FROM (
               SELECT ${CANDIDATE_COLUMNS} FROM users
                WHERE role = 'officer' AND available AND (id = ANY($4::uuid[]) OR categories && $5::text[])) o) AS pool`,
    [
      filings.map((f) => f.requestId),
      filings.map((f) => f.referenceNo),
      filings.map((f) => f.companyId),
      filings.map((f) => f.liaisonOfficerId),
      filings.map((f) => f.category),
      filings.map((f) => f.priority),
      filings.map((f) => f.filedAt),
    ],
  )) as { fresh: string[]; pool: (Omit<CandidateRow, 'last_assigned_at'> & { last_assigned_at: string | null })[] }[];
  return {
    fresh: new Set(row!.fresh),
    // JSON carries the instant as text.
    pool: row!.pool.map((r) => toCandidate({ ...r, last_assigned_at: r.last_assigned_at ? new Date(r.last_assigned_at) : null })),
  };
}

function toCandidate(r: CandidateRow): Candidate {
  return {
    id: r.id,
    displayName: r.display_name,
    departmentId: r.department_id,
    supervisorId: r.supervisor_id,
    categories: r.categories,
    capacity: r.capacity,
    available: r.available,
    openCount: r.open_count,
    lastAssignedAt: r.last_assigned_at,
  };
}
