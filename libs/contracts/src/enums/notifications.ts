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

/** Where a user receives notifications; each can be muted (webhooks belong to the install, not a user). */
export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_LOCALES = ['zh-CN', 'en'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];
