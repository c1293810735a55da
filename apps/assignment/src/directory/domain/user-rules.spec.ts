import { userProblems } from './user-rules';

describe('userProblems', () => {
  const facts = { departmentExists: true, supervisor: { role: 'supervisor' as const } };

  it('accepts a well-formed officer', () => {
    expect(userProblems({ role: 'officer', departmentId: 'd', supervisorId: 's' }, facts)).toEqual([]);
  });

  it('requires a company for company users and refuses it for staff', () => {
    expect(userProblems({ role: 'company' }, facts).map((p) => p.field)).toEqual(['companyId']);
    expect(userProblems({ role: 'officer', companyId: 'c' }, facts).map((p) => p.field)).toEqual(['companyId']);
  });

  it('names an unknown department and a supervisor who is not one', () => {
    const problems = userProblems(
      { role: 'officer', departmentId: 'd', supervisorId: 's' },
      { departmentExists: false, supervisor: { role: 'officer' } },
    );
    expect(problems).toEqual([
      { field: 'departmentId', message: 'departmentId: department d does not exist' },
      { field: 'supervisorId', message: 'supervisorId must name a supervisor' },
    ]);
  });
});
