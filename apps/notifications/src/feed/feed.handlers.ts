import { Injectable } from '@nestjs/common';
import type { EventEnvelope, EventName, EventPayloads } from '@qifu/contracts';
import { type BatchedEvent, type InboxContext, OnEvent, OnEventBatch } from '@qifu/messaging';
import type { EntityManager } from 'typeorm';
import { EmailDeliveriesService } from '../email/email-deliveries.service';
import { WebhookDeliveriesService } from '../webhooks/webhook-deliveries.service';
import { type PlannedEvent, planNotification } from './domain/recipient-rules';
import { FeedService } from './feed.service';

/**
 * Every event routed to notifications goes through the recipient rules; in the inbox transaction
 * it becomes feed lines and the deliveries owed to webhooks and email readers (all or nothing, once per event id).
 */
@Injectable()
export class FeedHandlers {
  constructor(
    private readonly feed: FeedService,
    private readonly webhooks: WebhookDeliveriesService,
    private readonly emails: EmailDeliveriesService,
  ) {}

  /** Feed lines, webhook and email deliveries of several events: one statement each for all of them. */
  private async recordAll(m: EntityManager, envelopes: readonly EventEnvelope[]): Promise<void> {
    const planned = envelopes.flatMap((envelope): PlannedEvent[] => {
      const p = planNotification(envelope.name, envelope.payload);
      return p ? [{ planned: p, eventId: envelope.id }] : [];
    });
    if (planned.length === 0) return;
    const at = new Date();
    await this.feed.record(m, planned, at);
    await this.webhooks.plan(m, planned, at);
    await this.emails.plan(m, planned, at);
  }

  private record<N extends EventName>(ctx: InboxContext<N>): Promise<void> {
    return this.recordAll(ctx.manager, [ctx.envelope as EventEnvelope]);
  }

  /** Every filing's assignment comes here: batches. */
  @OnEventBatch('request.assigned.v1')
  assigned(events: readonly BatchedEvent<'request.assigned.v1'>[], m: EntityManager): Promise<void> {
    return this.recordAll(
      m,
      events.map((e) => e.envelope),
    );
  }

  @OnEvent('request.unassigned.v1')
  unassigned(p: EventPayloads['request.unassigned.v1'], ctx: InboxContext<'request.unassigned.v1'>): Promise<void> {
    return this.record(ctx);
  }

  @OnEvent('request.status_changed.v1')
  statusChanged(p: EventPayloads['request.status_changed.v1'], ctx: InboxContext<'request.status_changed.v1'>): Promise<void> {
    return this.record(ctx);
  }

  @OnEvent('request.rated.v1')
  rated(p: EventPayloads['request.rated.v1'], ctx: InboxContext<'request.rated.v1'>): Promise<void> {
    return this.record(ctx);
  }

  @OnEvent('request.escalated.v1')
  companyEscalated(p: EventPayloads['request.escalated.v1'], ctx: InboxContext<'request.escalated.v1'>): Promise<void> {
    return this.record(ctx);
  }

  @OnEvent('request.plan_set.v1')
  planSet(p: EventPayloads['request.plan_set.v1'], ctx: InboxContext<'request.plan_set.v1'>): Promise<void> {
    return this.record(ctx);
  }

  @OnEvent('sla.warning.v1')
  warning(p: EventPayloads['sla.warning.v1'], ctx: InboxContext<'sla.warning.v1'>): Promise<void> {
    return this.record(ctx);
  }

  @OnEvent('sla.breached.v1')
  breached(p: EventPayloads['sla.breached.v1'], ctx: InboxContext<'sla.breached.v1'>): Promise<void> {
    return this.record(ctx);
  }

  @OnEvent('sla.escalated.v1')
  escalated(p: EventPayloads['sla.escalated.v1'], ctx: InboxContext<'sla.escalated.v1'>): Promise<void> {
    return this.record(ctx);
  }
}
