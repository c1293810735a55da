import { notifyAtCommit, preparedQuery } from '@qifu/database';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { WebhookAttemptView, WebhookDeliveryStatus, WebhookFormat } from '@qifu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { DELIVERIES_CHANNEL } from '../dispatch/queue-feeder';
import type { PlannedEvent } from '../feed/domain/recipient-rules';
import { type AllowList, parseAllowList } from './domain/target-policy';
import { acceptedBy, dingtalkSignedUrl, webhookBody } from './domain/webhook-body';
import { sendWebhook } from './webhook-sender';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

@Injectable()
export class WebhookDeliveriesService {
  private readonly allow: AllowList;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {
    this.allow = parseAllowList(config.WEBHOOK_ALLOWED_HOSTS);
  }

  /**
   * Inside the inbox transaction: one delivery row per active webhook subscribed to the type. The
   * row is the promise to deliver; the queue gets it after commit, so a slow receiver never holds
   * up the feed, and a crash before commit leaves neither the feed line nor the delivery.
   */
  async plan(m: EntityManager, events: readonly PlannedEvent[], at: Date): Promise<number> {
    if (events.length === 0) return 0;
    const hooks = (await preparedQuery(m, `SELECT id, format, events FROM webhooks WHERE active AND events && $1::text[]`, [
      [...new Set(events.map((e) => e.planned.type))],
    ])) as { id: string; format: WebhookFormat; events: string[] }[];
    if (hooks.length === 0) return 0;
    const pairs = events.flatMap(({ planned, eventId }) =>
      hooks.filter((h) => h.events.includes(planned.type)).map((h) => ({ h, planned, eventId })),
    );
    const rows = pairs.map(({ h, planned, eventId }): WebhookDelivery => {
      const id = randomUUID();
      const body = webhookBody(h.format, {
        id,
        event: planned.type,
        occurredAt: at.toISOString(),
        data: { requestId: planned.requestId, referenceNo: planned.referenceNo, message: planned.message },
      });
      return {
        id,
        webhookId: h.id,
        eventId,
        type: planned.type,
        body,
        status: 'pending',
        attempts: 0,
        generation: 0,
        lastStatusCode: null,
        lastError: null,
        log: [],
        enqueuedAt: null,
        createdAt: at,
        updatedAt: at,
        deliveredAt: null,
      };
    });
    await m.createQueryBuilder().insert().into(WebhookDelivery).values(rows).orIgnore().execute();
    await notifyAtCommit(m, DELIVERIES_CHANNEL);
    return rows.length;
  }

  /**
   * One try of one delivery. Returns the row's new status: `retrying` means try again later
   * (the caller throws so the queue backs off); `dead` is final.
   */
  async attempt(id: string): Promise<{ status: WebhookDeliveryStatus; detail: string } | null> {
    const d = await this.dataSource.manager.findOneBy(WebhookDelivery, { id });
    if (!d || d.status === 'succeeded' || d.status === 'dead') return null;
    const hook = await this.dataSource.manager.findOneBy(Webhook, { id: d.webhookId });
    if (!hook) return null;
    const attempts = d.attempts + 1;
    if (!hook.active) {
      await this.record(id, attempts, 'dead', { statusCode: null, error: 'the webhook was disabled', durationMs: 0 });
      return { status: 'dead', detail: 'the webhook was disabled' };
    }
    const r = await sendWebhook(
      {
        url: hook.format === 'dingtalk' ? dingtalkSignedUrl(hook.url, hook.secret, Date.now()) : hook.url,
        secret: hook.secret,
        body: d.body,
        deliveryId: d.id,
        type: d.type,
      },
      this.allow,
      this.config.WEBHOOK_TIMEOUT_MS,
    );
    const verdict = acceptedBy(hook.format, r.statusCode, r.responseBody);
    const ok = r.error === null && verdict.ok;
    const error = ok ? null : (r.error ?? verdict.error);
    const status: WebhookDeliveryStatus = ok
      ? 'succeeded'
      : r.refused || attempts >= this.config.WEBHOOK_MAX_ATTEMPTS
        ? 'dead'
        : 'retrying';
    await this.record(id, attempts, status, { statusCode: r.statusCode, error, durationMs: r.durationMs });
    return { status, detail: error ?? `HTTP ${r.statusCode ?? '?'}` };
  }

  private async record(id: string, attempts: number, status: WebhookDeliveryStatus, a: Omit<WebhookAttemptView, 'at'>): Promise<void> {
    const entry: WebhookAttemptView = { at: new Date().toISOString(), ...a };
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET attempts = $2, status = $3, last_status_code = $4, last_error = $5,
              log = log || $6::jsonb, updated_at = now(), delivered_at = CASE WHEN $3 = 'succeeded' THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [id, attempts, status, a.statusCode, a.error, JSON.stringify([entry])],
    );
  }
}
