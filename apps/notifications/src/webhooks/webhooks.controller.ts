import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { WebhooksService } from './webhooks.service';

@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @MessagePattern('webhooks.create')
  create(@Payload() p: RpcRequest<'webhooks.create'>): Promise<RpcResponse<'webhooks.create'>> {
    return this.webhooks.create(p.input);
  }

  @MessagePattern('webhooks.list')
  list(@Payload() p: RpcRequest<'webhooks.list'>): Promise<RpcResponse<'webhooks.list'>> {
    return this.webhooks.list(p);
  }

  @MessagePattern('webhooks.get')
  get(@Payload() p: RpcRequest<'webhooks.get'>): Promise<RpcResponse<'webhooks.get'>> {
    return this.webhooks.get(p.id);
  }

  @MessagePattern('webhooks.update')
  update(@Payload() p: RpcRequest<'webhooks.update'>): Promise<RpcResponse<'webhooks.update'>> {
    return this.webhooks.update(p.id, p.patch);
  }

  @MessagePattern('webhooks.delete')
  remove(@Payload() p: RpcRequest<'webhooks.delete'>): Promise<RpcResponse<'webhooks.delete'>> {
    return this.webhooks.remove(p.id);
  }

  @MessagePattern('webhooks.redeliver')
  redeliver(@Payload() p: RpcRequest<'webhooks.redeliver'>): Promise<RpcResponse<'webhooks.redeliver'>> {
    return this.webhooks.redeliver(p.id, p.deliveryId);
  }

  @MessagePattern('webhooks.deliveries')
  deliveries(@Payload() p: RpcRequest<'webhooks.deliveries'>): Promise<RpcResponse<'webhooks.deliveries'>> {
    return this.webhooks.deliveries(p.id, p.query);
  }
}
