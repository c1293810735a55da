import { createHash } from 'node:crypto';
import type { EventEnvelope } from '@qifu/contracts';

/**
 * What an inbox job carries: the events one relay pass had for this subscriber, in outbox order, or
 * a single event (a job added by hand, or one left from before events travelled together).
 */
export type InboxJobData = EventEnvelope | { events: EventEnvelope[] };

/** At most this many events travel in one job; a longer pass is split. */
export const EVENTS_PER_JOB = 100;

export function eventsOf(data: InboxJobData): EventEnvelope[] {
  return 'events' in data ? data.events : [data];
}

export interface InboxJobSpec {
  name: string;
  data: InboxJobData;
  jobId: string;
}

/**
 * The jobs that carry these events. A single event keeps its id as the job id; a group's job id is
 * a digest of its event ids, so the same group sent again while its job exists is a no-op, and a
 * different grouping of events already handled is dropped by the inbox table.
 */
export function inboxJobs(envelopes: readonly EventEnvelope[]): InboxJobSpec[] {
  const jobs: InboxJobSpec[] = [];
  for (let i = 0; i < envelopes.length; i += EVENTS_PER_JOB) {
    const events = envelopes.slice(i, i + EVENTS_PER_JOB);
    if (events.length === 1) {
      const e = events[0]!;
      jobs.push({ name: e.name, data: e, jobId: e.id });
      continue;
    }
    const digest = createHash('sha1')
      .update(events.map((e) => e.id).join(','))
      .digest('hex');
    jobs.push({ name: describeEvents(events), data: { events }, jobId: `events-${digest}` });
  }
  return jobs;
}

/** A job's name on the queue board: "request.filed.v1 ×3", or "5 events" when they differ. */
export function describeEvents(events: readonly EventEnvelope[]): string {
  const first = events[0]?.name;
  if (events.length === 1 && first) return first;
  return events.every((e) => e.name === first) ? `${first} ×${events.length}` : `${events.length} events`;
}
