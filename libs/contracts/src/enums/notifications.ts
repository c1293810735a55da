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

/**
 * Body shapes a webhook can receive: `qifu` (our signed JSON), `wecom` (a WeChat-work group bot),
 * `dingtalk` (a DingTalk group bot, its "加签" signature added to the URL with the secret).
 */
export const WEBHOOK_FORMATS = ['qifu', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
