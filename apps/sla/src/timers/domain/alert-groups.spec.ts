import { groupByInstant, groupJobId } from './alert-groups';

describe('groupByInstant', () => {
  it('puts alerts of one instant together, at most max per group, and keeps other instants apart', () => {
    const rows = [
      { id: 'a', fireAt: 1 },
      { id: 'b', fireAt: 2 },
      { id: 'c', fireAt: 2 },
      { id: 'd', fireAt: 2 },
      { id: 'e', fireAt: 3 },
    ];
    expect(groupByInstant(rows, 2)).toEqual([
      { fireAt: 1, alertIds: ['a'] },
      { fireAt: 2, alertIds: ['b', 'c'] },
      { fireAt: 2, alertIds: ['d'] },
      { fireAt: 3, alertIds: ['e'] },
    ]);
  });

  it('names a single alert job as before (alert id and instant), a group by its first alert and size', () => {
    expect(groupJobId({ fireAt: 5, alertIds: ['a'] })).toBe('alert-a-5');
    expect(groupJobId({ fireAt: 5, alertIds: ['a', 'b'] })).toBe('alerts-5-a-2');
  });
});
