import type { EventEnvelope } from '@qifu/contracts';
import { EVENTS_PER_JOB, eventsOf, inboxJobs } from './inbox-job';

const ev = (id: string, name = 'request.filed.v1'): EventEnvelope =>
  ({ id, name, source: 'requests', occurredAt: '2026-12-06T00:00:00Z', payload: {} }) as unknown as EventEnvelope;
const many = (n: number, from = 0): EventEnvelope[] => Array.from({ length: n }, (_, i) => ev(`e${from + i}`));

describe('inboxJobs', () => {
  it('sends a lone event as before: its own job, under its own id and name', () => {
    const [job, ...rest] = inboxJobs([ev('a', 'request.assigned.v1')]);
    expect(rest).toHaveLength(0);
    expect(job).toEqual({ name: 'request.assigned.v1', jobId: 'a', data: ev('a', 'request.assigned.v1') });
    expect(eventsOf(job!.data).map((e) => e.id)).toEqual(['a']);
  });

  it('carries a pass of events in one job, in outbox order, named for the queue board', () => {
    const jobs = inboxJobs([ev('a'), ev('b', 'request.assigned.v1'), ev('c')]);
    expect(jobs).toHaveLength(1);
    expect(eventsOf(jobs[0]!.data).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(jobs[0]!.name).toBe('3 events');
    expect(inboxJobs(many(4))[0]!.name).toBe('request.filed.v1 ×4');
  });

  it('gives the same events the same job id (a re-send is a no-op) and another grouping another id', () => {
    const once = inboxJobs(many(3))[0]!.jobId;
    expect(inboxJobs(many(3))[0]!.jobId).toBe(once);
    expect(inboxJobs(many(2))[0]!.jobId).not.toBe(once);
    expect(inboxJobs(many(3, 1))[0]!.jobId).not.toBe(once);
  });

  it(`splits a long pass into jobs of at most ${EVENTS_PER_JOB} events, losing none`, () => {
    const jobs = inboxJobs(many(2 * EVENTS_PER_JOB + 1));
    expect(jobs.map((j) => eventsOf(j.data).length)).toEqual([EVENTS_PER_JOB, EVENTS_PER_JOB, 1]);
    expect(jobs.flatMap((j) => eventsOf(j.data).map((e) => e.id))).toEqual(many(2 * EVENTS_PER_JOB + 1).map((e) => e.id));
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(3);
  });
});
