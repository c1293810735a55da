import type { Category, Clock, NotifyTarget, Priority, SlaPolicy } from '../../../api/types';

/** ISO 8601 durations the SLA engine reads: PnD, PTnH, PTnM, combinations such as P1DT4H (no years or months). */
export function isIsoDuration(v: string): boolean {
  const m = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/.exec(v.trim());
  if (!m) return false;
  if (v.trim().endsWith('T')) return false;
  return m.slice(1).some(Boolean);
}

/** "0.5, 0.8" → [0.5, 0.8]; null when any part is not a fraction strictly between 0 and 1. */
export function parseWarnAt(text: string): number[] | null {
  const parts = text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const values = parts.map(Number);
  if (values.some((n) => !Number.isFinite(n) || n <= 0 || n >= 1)) return null;
  return [...new Set(values)].sort((a, b) => a - b);
}

export interface PolicyForm {
  name: string;
  category?: Category;
  priority?: Priority;
  calendarId: string;
  responseDuration: string;
  responseClock: Clock;
  resolutionDuration: string;
  resolutionClock: Clock;
  warnAt: string;
  escalation?: { after: string; notify: NotifyTarget }[];
}

export function policyToForm(p: SlaPolicy): PolicyForm {
  return {
    name: p.name,
    category: p.match.category,
    priority: p.match.priority,
    calendarId: p.calendarId,
    responseDuration: p.response.duration,
    responseClock: p.response.clock,
    resolutionDuration: p.resolution.duration,
    resolutionClock: p.resolution.clock,
    warnAt: p.warnAt.join(', '),
    escalation: p.escalation,
  };
}

/** The PUT /sla/policies/:name body (the name goes in the path). */
export function formToPolicyBody(f: PolicyForm): Omit<SlaPolicy, 'name'> {
  return {
    match: { ...(f.category ? { category: f.category } : {}), ...(f.priority ? { priority: f.priority } : {}) },
    calendarId: f.calendarId,
    response: { duration: f.responseDuration.trim(), clock: f.responseClock },
    resolution: { duration: f.resolutionDuration.trim(), clock: f.resolutionClock },
    warnAt: parseWarnAt(f.warnAt) ?? [],
    escalation: (f.escalation ?? []).map((e) => ({ after: e.after.trim(), notify: e.notify })),
  };
}
