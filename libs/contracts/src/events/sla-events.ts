import type { EscalationAudience, SlaState, SlaTarget } from '../enums/sla';

export interface SlaTargetsSetV1 {
  requestId: string;
  policy: string;
  responseDueAt: string;
  resolutionDueAt: string;
  state: SlaState;
  at: string;
}

/** A warning, breach or escalation step of one target. `late` is true when raised more than 1 s after `dueAt`. */
export interface SlaAlertV1 {
  alertId: string;
  requestId: string;
  referenceNo: string;
  target: SlaTarget;
  /** The milestone's title (milestones only). */
  label: string | null;
  dueAt: string;
  raisedAt: string;
  late: boolean;
  assigneeId: string | null;
  supervisorId: string | null;
}

export interface SlaWarningV1 extends SlaAlertV1 {
  fraction: number;
}

export type SlaBreachedV1 = SlaAlertV1;

export interface SlaEscalatedV1 extends SlaAlertV1 {
  level: number;
  notify: EscalationAudience;
}

export interface SlaStateChangedV1 {
  requestId: string;
  state: SlaState;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  escalationLevel: number;
  at: string;
}
