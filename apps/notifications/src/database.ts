import type { ServiceDatabaseOptions } from '@qifu/database';
import { InboxRecord, OutboxMessage } from '@qifu/messaging';
import { Notification } from './feed/notification.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { LiveFeed1765000000001 } from './migrations/1765000000001-live-feed';
import { Preferences1765000000002 } from './migrations/1765000000002-preferences';
import { Webhooks1765000000003 } from './migrations/1765000000003-webhooks';
import { Email1765000000004 } from './migrations/1765000000004-email';
import { WebhookFormat1765000000005 } from './migrations/1765000000005-webhook-format';
import { Redelivery1765000000006 } from './migrations/1765000000006-redelivery';
import { OutboxNotify1766000000000 } from './migrations/1766000000000-outbox-notify';
import { OutboxLease1767000000000 } from './migrations/1767000000000-outbox-lease';
import { Preference } from './preferences/preference.entity';
import { EmailDelivery } from './email/email-delivery.entity';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { Webhook } from './webhooks/webhook.entity';

export const SCHEMA = 'notifications';

export function notificationsDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: SCHEMA,
    entities: [Notification, Preference, Webhook, WebhookDelivery, EmailDelivery, OutboxMessage, InboxRecord],
    migrations: [
      Initial1764000000000,
      LiveFeed1765000000001,
      Preferences1765000000002,
      Webhooks1765000000003,
      Email1765000000004,
      WebhookFormat1765000000005,
      Redelivery1765000000006,
      OutboxNotify1766000000000,
      OutboxLease1767000000000,
    ],
  };
}
