export const NOTIFICATION_TYPES = [
  'request.assigned',
  'request.unassigned',
  'request.info_requested',
  'request.resolved',
  'sla.warning',
  'sla.breached',
  'sla.escalated',
  'rating.bad',
  'request.escalated',
  'request.plan_set',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
