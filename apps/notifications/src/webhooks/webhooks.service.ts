import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  type CreateWebhookInput,
  type ListDeliveriesQuery,
  type Page,
  type PageQuery,
  type UpdateWebhookInput,
  type WebhookDeliveryView,
  type WebhookView,
} from '@qifu/contracts';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { DELIVERIES_CHANNEL } from '../dispatch/queue-feeder';
import { type AllowList, judgeUrl, parseAllowList } from './domain/target-policy';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

function toView(w: Webhook): WebhookView {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    format: w.format,
    active: w.active,
    description: w.description,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export function deliveryView(d: WebhookDelivery): WebhookDeliveryView {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventId: d.eventId,
    type: d.type,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    body: d.body,
    log: d.log,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}

/** Admin management of webhooks and their delivery log. */
@Injectable()
export class WebhooksService {
  private readonly allow: AllowList;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig,
  ) {
    this.allow = parseAllowList(config.WEBHOOK_ALLOWED_HOSTS);
  }

  private checkUrl(url: string): void {
    const verdict = judgeUrl(url, this.allow);
    if (!verdict.ok) {
      const message = verdict.reason.startsWith('url') ? verdict.reason : `url: ${verdict.reason}`;
      throw new CodedError('VALIDATION_FAILED', message, [{ field: 'url', message }]);
    }
  }

  private async find(id: string): Promise<Webhook> {
    const w = await this.dataSource.manager.findOneBy(Webhook, { id });
    if (!w) throw new CodedError('NOT_FOUND', `webhook ${id} not found`);
    return w;
  }

  async create(input: CreateWebhookInput): Promise<WebhookView> {
    this.checkUrl(input.url);
    const now = new Date();
    const w: Webhook = {
      id: randomUUID(),
      url: input.url,
      events: [...new Set(input.events)],
      secret: input.secret,
      format: input.format ?? 'qifu',
      active: input.active ?? true,
      description: input.description ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.dataSource.manager.insert(Webhook, w);
    return toView(w);
  }

  async list(q: PageQuery): Promise<Page<WebhookView>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(Webhook, {
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<WebhookView> {
    return toView(await this.find(id));
  }

  async update(id: string, patch: UpdateWebhookInput): Promise<WebhookView> {
    const w = await this.find(id);
    if (patch.url !== undefined) this.checkUrl(patch.url);
    Object.assign(w, {
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events: [...new Set(patch.events)] } : {}),
      ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
      ...(patch.format !== undefined ? { format: patch.format } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      updatedAt: new Date(),
    });
    await this.dataSource.manager.save(Webhook, w);
    return toView(w);
  }

  /** Removes the webhook and its log; deliveries in flight stop at their next try. */
  async remove(id: string): Promise<{ deleted: true }> {
    await this.find(id);
    await this.dataSource.manager.delete(Webhook, { id });
    return { deleted: true };
  }

  /**
   * Sends a delivery again (after the receiver was fixed): a full set of tries, the log kept. One
   * still being tried is a 409.
   */
  async redeliver(id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    const res = (await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, generation = generation + 1, enqueued_at = NULL,
              updated_at = now(), delivered_at = NULL
        WHERE id = $1 AND webhook_id = $2 AND status IN ('succeeded', 'dead') RETURNING id`,
      [deliveryId, id],
    )) as [unknown[], number];
    if (res[1] === 0) {
      const d = await this.dataSource.manager.findOneBy(WebhookDelivery, { id: deliveryId, webhookId: id });
      if (!d) throw new CodedError('NOT_FOUND', `delivery ${deliveryId} of webhook ${id} not found`);
      throw new CodedError('CONFLICT', `delivery ${deliveryId} is ${d.status}: it is still being tried`);
    }
    await this.dataSource.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, deliveryId]);
    const d = await this.dataSource.manager.findOneByOrFail(WebhookDelivery, { id: deliveryId });
    return deliveryView(d);
  }

  async deliveries(id: string, q: ListDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    await this.find(id);
    const [rows, total] = await this.dataSource.manager.findAndCount(WebhookDelivery, {
      where: { webhookId: id, ...(q.status ? { status: q.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(deliveryView), total, page: q.page, pageSize: q.pageSize };
  }
}
