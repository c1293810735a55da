import { Injectable } from '@nestjs/common';
import type { RequestAcceptedV1, RequestStatusChangedV1, RequestTransferRequestedV1 } from '@qifu/contracts';
import { type BatchedEvent, type InboxContext, OnEvent, OnEventBatch } from '@qifu/messaging';
import type { EntityManager } from 'typeorm';
import { FilingRouter } from './filing-router.service';
import { RoutingService } from './routing.service';

const RELEASING = new Set(['resolved', 'closed', 'cancelled']);
/** Back to work after the seat was freed: reopened, or rework after a bad rating. */
const RETAKING = new Set(['resolved', 'closed', 'under_review']);

@Injectable()
export class RoutingHandlers {
  constructor(
    private readonly routing: RoutingService,
    private readonly filings: FilingRouter,
  ) {}

  @OnEventBatch('request.filed.v1')
  async filed(events: readonly BatchedEvent<'request.filed.v1'>[], manager: EntityManager): Promise<void> {
    await this.filings.route(
      manager,
      events.map((e) => e.payload),
    );
  }

  @OnEvent('request.status_changed.v1')
  async statusChanged(e: RequestStatusChangedV1, { manager }: InboxContext<'request.status_changed.v1'>): Promise<void> {
    if (RELEASING.has(e.to)) await this.routing.release(manager, e.requestId);
    else if (e.to === 'in_progress' && RETAKING.has(e.from)) await this.routing.retake(manager, e.requestId);
  }

  @OnEvent('request.accepted.v1')
  async accepted(e: RequestAcceptedV1, { manager }: InboxContext<'request.accepted.v1'>): Promise<void> {
    await this.routing.markAccepted(manager, e.requestId, e.officerId, new Date(e.acceptedAt));
  }

  @OnEvent('request.transfer_requested.v1')
  async transferRequested(e: RequestTransferRequestedV1, { manager }: InboxContext<'request.transfer_requested.v1'>): Promise<void> {
    await this.routing.onTransfer(manager, e);
  }
}
