import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { FileRequestService } from './file-request.service';
import { RequestActionsService } from './request-actions.service';
import { RequestQueriesService } from './request-queries.service';

@Controller()
export class RequestsController {
  constructor(
    private readonly filing: FileRequestService,
    private readonly queries: RequestQueriesService,
    private readonly actions: RequestActionsService,
  ) {}

  @MessagePattern('requests.file')
  file(@Payload() p: RpcRequest<'requests.file'>): Promise<RpcResponse<'requests.file'>> {
    return this.filing.file(p.actor, p.input, p.idempotencyKey);
  }

  @MessagePattern('requests.list')
  list(@Payload() p: RpcRequest<'requests.list'>): Promise<RpcResponse<'requests.list'>> {
    return this.queries.list(p.actor, p.query);
  }

  @MessagePattern('requests.get')
  get(@Payload() p: RpcRequest<'requests.get'>): Promise<RpcResponse<'requests.get'>> {
    return this.queries.get(p.actor, p.requestId);
  }

  @MessagePattern('requests.timeline')
  timeline(@Payload() p: RpcRequest<'requests.timeline'>): Promise<RpcResponse<'requests.timeline'>> {
    return this.queries.timelineOf(p.actor, p.requestId);
  }

  @MessagePattern('requests.accept')
  accept(@Payload() p: RpcRequest<'requests.accept'>): Promise<RpcResponse<'requests.accept'>> {
    return this.actions.accept(p.actor, p.requestId);
  }

  @MessagePattern('requests.comment')
  comment(@Payload() p: RpcRequest<'requests.comment'>): Promise<RpcResponse<'requests.comment'>> {
    return this.actions.comment(p.actor, p.requestId, p.body, p.internal);
  }

  @MessagePattern('requests.resolve')
  resolve(@Payload() p: RpcRequest<'requests.resolve'>): Promise<RpcResponse<'requests.resolve'>> {
    return this.actions.resolve(p.actor, p.requestId, p.resolution);
  }

  @MessagePattern('requests.rate')
  rate(@Payload() p: RpcRequest<'requests.rate'>): Promise<RpcResponse<'requests.rate'>> {
    return this.actions.rate(p.actor, p.requestId, p.rating, p.comment);
  }

  @MessagePattern('requests.request-info')
  requestInfo(@Payload() p: RpcRequest<'requests.request-info'>): Promise<RpcResponse<'requests.request-info'>> {
    return this.actions.requestInfo(p.actor, p.requestId, p.items);
  }

  @MessagePattern('requests.provide-info')
  provideInfo(@Payload() p: RpcRequest<'requests.provide-info'>): Promise<RpcResponse<'requests.provide-info'>> {
    return this.actions.provideInfo(p.actor, p.requestId, p.message);
  }

  @MessagePattern('requests.transfer')
  transfer(@Payload() p: RpcRequest<'requests.transfer'>): Promise<RpcResponse<'requests.transfer'>> {
    const { actor, requestId, ...input } = p;
    return this.actions.transfer(actor, requestId, input);
  }

  @MessagePattern('requests.review')
  review(@Payload() p: RpcRequest<'requests.review'>): Promise<RpcResponse<'requests.review'>> {
    return this.actions.review(p.actor, p.requestId, p.outcome, p.note);
  }

  @MessagePattern('requests.escalate')
  escalate(@Payload() p: RpcRequest<'requests.escalate'>): Promise<RpcResponse<'requests.escalate'>> {
    return this.actions.escalate(p.actor, p.requestId, p.reason);
  }

  @MessagePattern('requests.cancel')
  cancel(@Payload() p: RpcRequest<'requests.cancel'>): Promise<RpcResponse<'requests.cancel'>> {
    return this.actions.cancel(p.actor, p.requestId, p.reason);
  }

  @MessagePattern('requests.reopen')
  reopen(@Payload() p: RpcRequest<'requests.reopen'>): Promise<RpcResponse<'requests.reopen'>> {
    return this.actions.reopen(p.actor, p.requestId, p.reason);
  }

  @MessagePattern('requests.plan')
  plan(@Payload() p: RpcRequest<'requests.plan'>): Promise<RpcResponse<'requests.plan'>> {
    return this.actions.plan(p.actor, p.requestId, { milestones: p.milestones, reason: p.reason });
  }
}
