import type { CreateUserInput, FieldProblem, Role } from '@qifu/contracts';

export interface UserFacts {
  departmentExists: boolean | null;
  supervisor: { role: Role } | null | undefined;
}

/** What a new user's fields must satisfy beyond their shape. Pure: facts are looked up by the caller. */
export function userProblems(
  input: Pick<CreateUserInput, 'role' | 'companyId' | 'departmentId' | 'supervisorId'>,
  facts: UserFacts,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.role === 'company' && !input.companyId) {
    problems.push({ field: 'companyId', message: 'companyId is required for a company user' });
  }
  if (input.role !== 'company' && input.companyId) {
    problems.push({ field: 'companyId', message: 'companyId is only for company users' });
  }
  if (input.departmentId && facts.departmentExists === false) {
    problems.push({ field: 'departmentId', message: `departmentId: department ${input.departmentId} does not exist` });
  }
  if (input.supervisorId) {
    if (!facts.supervisor) problems.push({ field: 'supervisorId', message: `supervisorId: user ${input.supervisorId} does not exist` });
    else if (facts.supervisor.role !== 'supervisor' && facts.supervisor.role !== 'admin') {
      problems.push({ field: 'supervisorId', message: 'supervisorId must name a supervisor' });
    }
  }
  return problems;
}
