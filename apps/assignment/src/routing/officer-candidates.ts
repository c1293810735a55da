import type { RequestCategory } from '@qifu/contracts';
import type { EntityManager } from 'typeorm';
import type { User } from '../directory/user.entity';
import type { Assignment } from './assignment.entity';
import type { OfficerLoad } from './domain/routing-choice';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** An officer routing may choose, with what the assignment event names. */
export type Candidate = OfficerLoad & Pick<User, 'displayName' | 'departmentId' | 'supervisorId'>;

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
    `SELECT id, display_name, department_id, supervisor_id, categories, capacity, available, open_count, last_assigned_at
       FROM users
      WHERE role = 'officer' AND available AND ${transfer ? '(id = $1 OR department_id = $2)' : '(id = $1 OR $2 = ANY(categories))'}
      ${lock ? 'ORDER BY id FOR UPDATE' : ''}`,
    transfer ? [a.targetOfficerId ?? NO_ID, a.targetDepartmentId ?? NO_ID] : [a.liaisonOfficerId ?? NO_ID, a.category],
  )) as CandidateRow[];
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    departmentId: r.department_id,
    supervisorId: r.supervisor_id,
    categories: r.categories,
    capacity: r.capacity,
    available: r.available,
    openCount: r.open_count,
    lastAssignedAt: r.last_assigned_at,
  }));
}
