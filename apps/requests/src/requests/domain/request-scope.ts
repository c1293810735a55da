import type { Actor } from '@qifu/contracts';

export interface ScopedRequest {
  companyId: string;
  assigneeId: string | null;
  departmentId: string | null;
  supervisorId: string | null;
}

/**
 * Who may see a request: a company user their company's, an officer the ones assigned to them, a
 * supervisor their department's (or their officers'), admin all. Anything else is "not found".
 */
export function canSee(actor: Actor, r: ScopedRequest): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'company':
      return actor.companyId !== null && r.companyId === actor.companyId;
    case 'officer':
      return r.assigneeId === actor.userId;
    case 'supervisor':
      return (actor.departmentId !== null && r.departmentId === actor.departmentId) || r.supervisorId === actor.userId;
  }
}

/** The same rule as SQL for lists (alias `r`). */
export function scopeSql(actor: Actor): { sql: string; params: Record<string, string> } {
  switch (actor.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'company':
      return { sql: 'r.company_id = :scopeCompany', params: { scopeCompany: actor.companyId ?? '00000000-0000-0000-0000-000000000000' } };
    case 'officer':
      return { sql: 'r.assignee_id = :scopeUser', params: { scopeUser: actor.userId } };
    case 'supervisor':
      return {
        sql: '(r.department_id = :scopeDept OR r.supervisor_id = :scopeUser)',
        params: { scopeDept: actor.departmentId ?? '00000000-0000-0000-0000-000000000000', scopeUser: actor.userId },
      };
  }
}
