import type { Actor } from '@qifu/contracts';
import { canSee } from './request-scope';

const r = { companyId: 'C1', assigneeId: 'O1', departmentId: 'D1', supervisorId: 'S1' };
const actor = (over: Partial<Actor>): Actor => ({ userId: 'x', role: 'company', companyId: null, departmentId: null, ...over });

describe('canSee', () => {
  it.each<[string, Actor, boolean]>([
    ['admin', actor({ role: 'admin' }), true],
    ['own company', actor({ role: 'company', companyId: 'C1' }), true],
    ['other company', actor({ role: 'company', companyId: 'C2' }), false],
    ['company user without company', actor({ role: 'company' }), false],
    ['assignee', actor({ role: 'officer', userId: 'O1' }), true],
    ['another officer', actor({ role: 'officer', userId: 'O2' }), false],
    ['supervisor of the department', actor({ role: 'supervisor', departmentId: 'D1' }), true],
    ['supervisor of the assignee', actor({ role: 'supervisor', userId: 'S1', departmentId: 'D9' }), true],
    ['supervisor elsewhere', actor({ role: 'supervisor', userId: 'S2', departmentId: 'D2' }), false],
  ])('%s → %s', (_label, a, expected) => {
    expect(canSee(a, r)).toBe(expected);
  });
});
