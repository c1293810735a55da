import { Injectable } from '@nestjs/common';
import type { RequestAcceptedV1, RequestAssignedV1, RequestFiledV1, RequestPlanSetV1, RequestStatusChangedV1 } from '@qifu/contracts';
import { type InboxContext, OnEvent } from '@qifu/messaging';
import { SlaTimersService } from './sla-timers.service';

@Injectable()
export class SlaTimersHandlers {
  constructor(private readonly timers: SlaTimersService) {}

  @OnEvent('request.filed.v1')
  async filed(e: RequestFiledV1, { manager }: InboxContext<'request.filed.v1'>): Promise<void> {
    await this.timers.start(manager, e);
  }

  @OnEvent('request.accepted.v1')
  async accepted(e: RequestAcceptedV1, { manager }: InboxContext<'request.accepted.v1'>): Promise<void> {
    await this.timers.meet(manager, e.requestId, 'response', new Date(e.acceptedAt));
  }

  @OnEvent('request.assigned.v1')
  async assigned(e: RequestAssignedV1, { manager }: InboxContext<'request.assigned.v1'>): Promise<void> {
    await this.timers.setAssignee(manager, e.requestId, e.officerId, e.supervisorId, new Date(e.assignedAt));
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
