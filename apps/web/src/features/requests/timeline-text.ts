import type { TimelineEvent } from '../../api/types';

/** `request.info_requested`, `info-requested`, `INFO_REQUESTED` → `info_requested` (the i18n key). */
export function timelineEventKey(type: string): string {
  return type
    .replace(/^(request|requests|ticket)\./i, '')
    .replace(/[.\-\s]+/g, '_')
    .toLowerCase();
}

export function eventTime(e: TimelineEvent): string | undefined {
  return e.at ?? e.createdAt;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

/** The words of an event, wherever the backend put them. */
export function eventText(e: TimelineEvent): string | null {
  const d = e.data ?? {};
  return (
    str(e.body) ??
    str(e.message) ??
    str(d.body) ??
    str(d.message) ??
    str(d.reason) ??
    str(d.resolution) ??
    str(d.note) ??
    str(d.comment) ??
    null
  );
}

/** The "everything missing" list of an info request, if the event carries it. */
export function eventItems(e: TimelineEvent): string[] {
  const items = e.data?.items;
  return Array.isArray(items) ? items.filter((x): x is string => typeof x === 'string') : [];
}

export interface Milestone {
  title: string;
  dueAt: string;
}
export function eventMilestones(e: TimelineEvent): Milestone[] {
  const ms = e.data?.milestones;
  if (!Array.isArray(ms)) return [];
  return ms.filter(
    (m): m is Milestone =>
      typeof m === 'object' &&
      m !== null &&
      typeof (m as Milestone).title === 'string' &&
      typeof (m as Milestone).dueAt === 'string',
  );
}

/** The latest info request of a case: what the company is asked to provide now. */
export function latestInfoRequest(events: TimelineEvent[]): TimelineEvent | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && timelineEventKey(e.type) === 'info_requested') return e;
  }
  return null;
}

export function latestOfType(events: TimelineEvent[], key: string): TimelineEvent | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && timelineEventKey(e.type) === key) return e;
  }
  return null;
}
