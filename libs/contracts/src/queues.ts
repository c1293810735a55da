/**
 * Queue names. One inbox queue per service for events, one RPC queue per service for commands.
 * Never rename a value in place: add a new queue and drain the old one.
 * Every key lives under the install's QUEUE_PREFIX (BullMQ `prefix`).
 */
export const SERVICES = ['requests', 'assignment', 'sla', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const INBOX_QUEUES: Readonly<Record<ServiceName, string>> = {
  requests: 'requests-inbox',
  assignment: 'assignment-inbox',
  sla: 'sla-inbox',
  notifications: 'notifications-inbox',
};

export const RPC_QUEUES: Readonly<Record<ServiceName, string>> = {
  requests: 'requests-rpc',
  assignment: 'assignment-rpc',
  sla: 'sla-rpc',
  notifications: 'notifications-rpc',
};

/** Per-service work queues that are not inboxes (timers, deliveries). */
export const SLA_ALERT_QUEUE = 'sla-alerts';

/** Notifications' work queues: one job per webhook delivery and per email (job id = the row's id). */
export const WEBHOOK_DELIVERY_QUEUE = 'notifications-webhooks';
export const EMAIL_DELIVERY_QUEUE = 'notifications-email';

/**
 * Redis key (after `QUEUE_PREFIX:`) of the sorted set of SLA replicas that published metrics; each
 * replica's figures (prom-client JSON) sit at `<prefix>:<this>:<replica id>` until they expire.
 */
export const SLA_METRICS_KEY = 'qifu:metrics:sla';
