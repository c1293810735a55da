import type { RequestSla, RequestStatus } from '../api/types';

/** What a person sees: on track, warning, breached, paused, met, or no clock at all. */
export type SlaDisplayState = 'on_track' | 'warning' | 'breached' | 'paused' | 'met' | 'none';

/** The fraction of the budget after which a running clock is shown as a warning (the policy's last warnAt). */
export const DEFAULT_WARN_FRACTION = 0.8;

const CLOSED: RequestStatus[] = ['resolved', 'closed', 'cancelled', 'under_review'];

export interface SlaSubject {
  status: RequestStatus;
  createdAt: string;
  sla?: RequestSla | null;
}

/** The target the clock currently runs towards: response before the case is accepted, resolution after. */
export function activeDueAt(req: SlaSubject): string | null {
  const sla = req.sla;
  if (!sla) return null;
  if ((req.status === 'submitted' || req.status === 'assigned') && sla.responseDueAt) return sla.responseDueAt;
  return sla.resolutionDueAt ?? sla.responseDueAt ?? null;
}

export function slaDisplayState(req: SlaSubject, now: Date, warnFraction = DEFAULT_WARN_FRACTION): SlaDisplayState {
  const sla = req.sla;
  if (!sla) return 'none';
  if (sla.state === 'breached') return 'breached';
  if (req.status === 'cancelled') return 'none';
  if (sla.state === 'met' || CLOSED.includes(req.status)) return 'met';
  if (sla.state === 'paused' || req.status === 'awaiting_company') return 'paused';
  const due = activeDueAt(req);
  if (!due) return 'on_track';
  const dueMs = Date.parse(due);
  const nowMs = now.getTime();
  if (nowMs >= dueMs) return 'breached';
  if (sla.warned) return 'warning';
  const startMs = Date.parse(req.createdAt);
  const budget = dueMs - startMs;
  if (budget <= 0) return 'warning';
  return (nowMs - startMs) / budget >= warnFraction ? 'warning' : 'on_track';
}

/** Colours: antd tag presets and a row tint; the same word in every table and tag. */
export const SLA_COLOURS: Record<SlaDisplayState, { tag: string; row: string }> = {
  on_track: { tag: 'green', row: 'sla-row-on-track' },
  warning: { tag: 'gold', row: 'sla-row-warning' },
  breached: { tag: 'red', row: 'sla-row-breached' },
  paused: { tag: 'blue', row: 'sla-row-paused' },
  met: { tag: 'default', row: 'sla-row-met' },
  none: { tag: 'default', row: '' },
};

export function slaColour(state: SlaDisplayState): { tag: string; row: string } {
  return SLA_COLOURS[state];
}

/** Milliseconds left until the active target (negative once past), or null when no clock runs. */
export function timeLeftMs(req: SlaSubject, now: Date): number | null {
  const due = activeDueAt(req);
  return due ? Date.parse(due) - now.getTime() : null;
}

/** Queue order: the nearest deadline first; paused and clockless cases after the running ones. */
export function compareByDeadline(a: SlaSubject, b: SlaSubject): number {
  const rank = (r: SlaSubject) =>
    r.status === 'awaiting_company' || r.sla?.state === 'paused' ? 1 : activeDueAt(r) ? 0 : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const da = activeDueAt(a);
  const db = activeDueAt(b);
  if (da && db) return Date.parse(da) - Date.parse(db);
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}
