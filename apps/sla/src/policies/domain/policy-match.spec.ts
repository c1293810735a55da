import { choosePolicy, type PolicyMatch } from './policy-match';

const policies: PolicyMatch[] = [
  { name: 'default', match: {} },
  { name: 'urgent', match: { priority: 'urgent' } },
  { name: 'hazards', match: { category: 'safety_hazard' } },
  { name: 'urgent-hazards', match: { category: 'safety_hazard', priority: 'urgent' } },
];

describe('choosePolicy', () => {
  it.each([
    [{ category: 'hiring', priority: 'normal' }, 'default'],
    [{ category: 'hiring', priority: 'urgent' }, 'urgent'],
    [{ category: 'safety_hazard', priority: 'normal' }, 'hazards'],
    [{ category: 'safety_hazard', priority: 'urgent' }, 'urgent-hazards'],
  ] as const)('%j gets %s', (request, expected) => {
    expect(choosePolicy(policies, request)?.name).toBe(expected);
  });

  it('prefers a priority match over a category match', () => {
    const two = policies.filter((p) => p.name === 'urgent' || p.name === 'hazards');
    expect(choosePolicy(two, { category: 'safety_hazard', priority: 'urgent' })?.name).toBe('urgent');
  });

  it('returns null when nothing fits (no catch-all)', () => {
    expect(choosePolicy([{ name: 'x', match: { category: 'policy' } }], { category: 'hiring', priority: 'low' })).toBeNull();
  });
});
