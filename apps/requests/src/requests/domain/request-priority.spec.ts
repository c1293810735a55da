import { beijingYear, effectivePriority, formatReferenceNo } from './request-priority';

describe('effectivePriority', () => {
  it.each([
    [{ severity: 'critical', immediateDanger: false }, 'low', 'urgent'],
    [{ severity: 'low', immediateDanger: true }, undefined, 'urgent'],
    [{ severity: 'high', immediateDanger: false }, 'high', 'high'],
    [{ severity: 'medium', immediateDanger: false }, undefined, 'normal'],
  ] as const)('hazard %j asked %s is %s', (details, asked, expected) => {
    expect(effectivePriority('safety_hazard', asked, details)).toBe(expected);
  });

  it('does not escalate other categories', () => {
    expect(effectivePriority('hiring', undefined, { severity: 'critical' })).toBe('normal');
  });
});

describe('reference numbers', () => {
  it('pads to six digits and grows beyond', () => {
    expect(formatReferenceNo(2026, 123)).toBe('QF-2026-000123');
    expect(formatReferenceNo(2026, 1234567)).toBe('QF-2026-1234567');
  });

  it('uses the Beijing year: 31 Dec 16:30 UTC is already next year', () => {
    expect(beijingYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(beijingYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
  });
});
