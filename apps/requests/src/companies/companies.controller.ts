import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { CompaniesService } from './companies.service';

@Controller()
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @MessagePattern('companies.create')
  create(@Payload() p: RpcRequest<'companies.create'>): Promise<RpcResponse<'companies.create'>> {
    return this.companies.create(p.input);
  }

  @MessagePattern('companies.get')
  get(@Payload() p: RpcRequest<'companies.get'>): Promise<RpcResponse<'companies.get'>> {
    return this.companies.get(p.actor, p.id);
  }

  @MessagePattern('companies.update')
  update(@Payload() p: RpcRequest<'companies.update'>): Promise<RpcResponse<'companies.update'>> {
    return this.companies.update(p.id, p.patch);
  }

  @MessagePattern('companies.list')
  list(@Payload() p: RpcRequest<'companies.list'>): Promise<RpcResponse<'companies.list'>> {
    return this.companies.list(p);
  }
}
