import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { PoliciesService } from './policies.service';

@Controller()
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @MessagePattern('sla.policies.list')
  list(): Promise<RpcResponse<'sla.policies.list'>> {
    return this.policies.list();
  }

  @MessagePattern('sla.policies.put')
  put(@Payload() p: RpcRequest<'sla.policies.put'>): Promise<RpcResponse<'sla.policies.put'>> {
    return this.policies.put(p.input);
  }
}
