// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formToPolicyBody, isIsoDuration, parseWarnAt, policyToForm } from './sla-form';

describe('SLA policy form', () => {
  it.each(['PT4H', 'P3D', 'PT30M', 'PT24H', 'P1DT4H', 'P2W', 'PT90S'])('accepts %s', (d) =>
    expect(isIsoDuration(d)).toBe(true),
  );
  it.each(['', 'P', 'PT', '4H', 'P3DT', 'P1Y', 'pt4h', 'P-1D'])('rejects %j', (d) =>
    expect(isIsoDuration(d)).toBe(false),
  );

  it('parses warning fractions', () => {
    expect(parseWarnAt('0.8, 0.5')).toEqual([0.5, 0.8]);
    expect(parseWarnAt('0.5，0.8')).toEqual([0.5, 0.8]);
    expect(parseWarnAt('')).toEqual([]);
    expect(parseWarnAt('0.5, 1')).toBeNull();
    expect(parseWarnAt('half')).toBeNull();
  });

  it('round-trips a policy', () => {
    const policy = {
      name: 'urgent',
      match: { priority: 'urgent' as const },
      calendarId: 'cn-default',
      response: { duration: 'PT30M', clock: 'calendar' as const },
      resolution: { duration: 'PT24H', clock: 'calendar' as const },
      warnAt: [0.5, 0.8],
      escalation: [{ after: 'PT1H', notify: 'supervisor' as const }],
    };
    const { name: _n, ...body } = policy;
    expect(formToPolicyBody(policyToForm(policy))).toEqual(body);
  });
});
