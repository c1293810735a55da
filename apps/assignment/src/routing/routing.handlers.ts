import { Injectable } from '@nestjs/common';
import type { RequestFiledV1, RequestStatusChangedV1 } from '@qifu/contracts';
import { type InboxContext, OnEvent } from '@qifu/messaging';
import { RoutingService } from './routing.service';

const RELEASING = new Set(['resolved', 'closed', 'cancelled']);

@Injectable()
export class RoutingHandlers {
  constructor(private readonly routing: RoutingService) {}

  @OnEvent('request.filed.v1')
  async filed(e: RequestFiledV1, { manager }: InboxContext<'request.filed.v1'>): Promise<void> {
    await this.routing.onFiled(manager, e);
  }

  @OnEvent('request.status_changed.v1')
  async statusChanged(e: RequestStatusChangedV1, { manager }: InboxContext<'request.status_changed.v1'>): Promise<void> {
    if (RELEASING.has(e.to)) await this.routing.release(manager, e.requestId);
  }
}
