// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dayjs } from '../../../shared/time';
import { buildFilingBody, checkCount, checkInt, checkPositive, restoreDraft, serializeDraft } from './filing-rules';

describe('the rules the API enforces, checked before submitting', () => {
  it.each([
    [1, null],
    [10000, null],
    [0, 'min'],
    [10001, 'max'],
    [2.5, 'integer'],
    [undefined, 'required'],
    ['abc', 'number'],
  ] as const)('headcount %j → %s', (v, rule) => {
    expect(checkInt(v, 1, 10000, true)?.rule ?? null).toBe(rule);
  });

  it('termMonths is optional but 1..360 when given', () => {
    expect(checkInt(undefined, 1, 360, false)).toBeNull();
    expect(checkInt(361, 1, 360, false)?.rule).toBe('max');
    expect(checkInt(0, 1, 360, false)?.rule).toBe('min');
  });

  it('amount must be > 0', () => {
    expect(checkPositive(0.01, true)).toBeNull();
    expect(checkPositive(0, true)?.rule).toBe('positive');
    expect(checkPositive(-5, true)?.rule).toBe('positive');
    expect(checkPositive(null, true)?.rule).toBe('required');
  });

  it('positions: 1 to 50', () => {
    expect(checkCount([], 1, 50)?.rule).toBe('minItems');
    expect(checkCount(new Array(51).fill({}), 1, 50)?.rule).toBe('maxItems');
    expect(checkCount([{}], 1, 50)).toBeNull();
  });
});

describe('the body sent to POST /requests', () => {
  const common = { title: ' Short of loom operators ', description: ' 20 people ', priority: 'normal' as const };

  it('hiring: positions with numeric headcount and a date-only neededBy', () => {
    const body = buildFilingBody({
      ...common,
      category: 'hiring',
      details: {
        positions: [{ title: ' Loom operator ', headcount: 20 }],
        neededBy: dayjs('2026-12-01'),
        amountCny: 5,
      },
    });
    expect(body).toEqual({
      category: 'hiring',
      title: 'Short of loom operators',
      description: '20 people',
      priority: 'normal',
      details: { positions: [{ title: 'Loom operator', headcount: 20 }], neededBy: '2026-12-01' },
    });
  });

  it('financing: leaves out an empty term', () => {
    const body = buildFilingBody({
      ...common,
      category: 'financing',
      details: { amountCny: 500000, purpose: 'Looms', termMonths: null },
    });
    expect(body.details).toEqual({ amountCny: 500000, purpose: 'Looms' });
  });

  it('safety hazard: immediateDanger defaults to false', () => {
    const body = buildFilingBody({
      ...common,
      category: 'safety_hazard',
      details: { location: 'Workshop 2', hazardType: 'electrical', severity: 'high' },
    });
    expect(body.details).toEqual({
      location: 'Workshop 2',
      hazardType: 'electrical',
      severity: 'high',
      immediateDanger: false,
    });
  });

  it('policy: no details at all, even if other categories were filled first', () => {
    const body = buildFilingBody({
      ...common,
      category: 'policy',
      details: { positions: [{ title: 'x', headcount: 1 }] },
    });
    expect(body.details).toEqual({});
  });

  it('a draft survives serialisation with its date', () => {
    const raw = serializeDraft({ ...common, category: 'hiring', details: { neededBy: dayjs('2026-12-01') } });
    const back = restoreDraft(raw);
    expect(back?.details?.neededBy?.format('YYYY-MM-DD')).toBe('2026-12-01');
    expect(restoreDraft('not json')).toBeNull();
  });
});
