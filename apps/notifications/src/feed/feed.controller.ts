import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { FeedService } from './feed.service';

@Controller()
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @MessagePattern('notifications.list')
  list(@Payload() p: RpcRequest<'notifications.list'>): Promise<RpcResponse<'notifications.list'>> {
    return this.feed.list(p.actor, p);
  }

  @MessagePattern('notifications.read')
  read(@Payload() p: RpcRequest<'notifications.read'>): Promise<RpcResponse<'notifications.read'>> {
    return this.feed.markRead(p.actor, p.id);
  }

  @MessagePattern('notifications.read-all')
  readAll(@Payload() p: RpcRequest<'notifications.read-all'>): Promise<RpcResponse<'notifications.read-all'>> {
    return this.feed.markAllRead(p.actor);
  }

  @MessagePattern('notifications.since')
  since(@Payload() p: RpcRequest<'notifications.since'>): Promise<RpcResponse<'notifications.since'>> {
    return this.feed.since(p.actor, p.afterId, p.limit);
  }
}
