import type { EventEnvelope } from '@qifu/contracts';
import { eventRuns } from './event-runs';

const ev = (id: string, name: string, requestId?: string): EventEnvelope =>
  ({
    id,
    name,
    source: 'requests',
    occurredAt: '2026-12-06T00:00:00Z',
    payload: requestId ? { requestId } : {},
  }) as unknown as EventEnvelope;
const ids = (runs: EventEnvelope[][]): string[][] => runs.map((r) => r.map((e) => e.id));

describe('eventRuns', () => {
  it('groups consecutive events of one name, in arrival order', () => {
    const runs = eventRuns([ev('1', 'a', 'r1'), ev('2', 'a', 'r2'), ev('3', 'b', 'r3'), ev('4', 'a', 'r4')]);
    expect(ids(runs)).toEqual([['1', '2'], ['3'], ['4']]);
  });

  it('starts a new run when a request comes back, so one statement never holds two events of a request', () => {
    const runs = eventRuns([ev('1', 'a', 'r1'), ev('2', 'a', 'r2'), ev('3', 'a', 'r1'), ev('4', 'a', 'r3')]);
    expect(ids(runs)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('an empty batch has no runs', () => {
    expect(eventRuns([])).toEqual([]);
  });
});
