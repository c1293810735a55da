import { Injectable } from '@nestjs/common';
import type { RequestAcceptedV1, RequestPlanSetV1, RequestStatusChangedV1 } from '@qifu/contracts';
import { type BatchedEvent, type InboxContext, OnEvent, OnEventBatch } from '@qifu/messaging';
import type { EntityManager } from 'typeorm';
import { SlaIntakeService } from './sla-intake.service';
import { SlaTimersService } from './sla-timers.service';

@Injectable()
export class SlaTimersHandlers {
  constructor(
    private readonly timers: SlaTimersService,
    private readonly intake: SlaIntakeService,
  ) {}

  @OnEventBatch('request.filed.v1')
  async filed(events: readonly BatchedEvent<'request.filed.v1'>[], manager: EntityManager): Promise<void> {
    await this.intake.start(
      manager,
      events.map((e) => e.payload),
    );
  }

  @OnEvent('request.accepted.v1')
  async accepted(e: RequestAcceptedV1, { manager }: InboxContext<'request.accepted.v1'>): Promise<void> {
    await this.timers.meet(manager, e.requestId, 'response', new Date(e.acceptedAt));
  }

  @OnEventBatch('request.assigned.v1')
  async assigned(events: readonly BatchedEvent<'request.assigned.v1'>[], manager: EntityManager): Promise<void> {
    await this.intake.setAssignees(
      manager,
      events.map((e) => e.payload),
    );
  }

  @OnEvent('request.plan_set.v1')
  async planSet(e: RequestPlanSetV1, { manager }: InboxContext<'request.plan_set.v1'>): Promise<void> {
    await this.timers.setPlan(manager, e);
  }

  @OnEvent('request.status_changed.v1')
  async statusChanged(e: RequestStatusChangedV1, { manager }: InboxContext<'request.status_changed.v1'>): Promise<void> {
    const at = new Date(e.changedAt);
    if (e.to === 'resolved') await this.timers.meet(manager, e.requestId, 'resolution', at);
    else if (e.to === 'closed' || e.to === 'cancelled') await this.timers.stopAll(manager, e.requestId, at);
    else if (e.to === 'awaiting_company') await this.timers.pause(manager, e.requestId, at);
    else if (e.from === 'awaiting_company') await this.timers.resume(manager, e.requestId, at);
  }
}
