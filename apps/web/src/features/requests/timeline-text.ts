import type { Role, TimelineEvent } from '../../api/types';

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

type T = (key: string, params?: Record<string, unknown>) => string;

const ROLES: readonly Role[] = ['admin', 'supervisor', 'officer', 'company'];

/** Who did it: the person's name, else their role ("Company user"), else the system. */
export function actorLabel(e: TimelineEvent, t: T): string {
  const a = e.actor;
  if (!a) return t('timeline.system');
  if (a.displayName?.trim()) return a.displayName;
  if (a.role && ROLES.includes(a.role)) return t(`auth.role.${a.role}`);
  return t('timeline.someone');
}

/** `sla_set` → "Sla set": an event type the UI has no words for is still readable, never a raw token. */
export function humanizeType(type: string): string {
  const words = timelineEventKey(type).replace(/_/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}

export function eventTitle(e: TimelineEvent, t: T): string {
  return t(`timeline.event.${timelineEventKey(e.type)}`, { defaultValue: humanizeType(e.type) });
}

/** Deadlines an event announces (`sla_set`): response and resolution due times, when present. */
export function eventDeadlines(e: TimelineEvent): { responseDueAt?: string; resolutionDueAt?: string } {
  const d = e.data ?? {};
  const out: { responseDueAt?: string; resolutionDueAt?: string } = {};
  if (typeof d.responseDueAt === 'string') out.responseDueAt = d.responseDueAt;
  if (typeof d.resolutionDueAt === 'string') out.resolutionDueAt = d.resolutionDueAt;
  return out;
}

/** The rating of a `rated` event, if it carries one. */
export function eventRating(e: TimelineEvent): 'good' | 'bad' | null {
  const r = e.data?.rating;
  return r === 'good' || r === 'bad' ? r : null;
}
