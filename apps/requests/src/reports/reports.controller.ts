import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { ReportsService } from './reports.service';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern('reports.summary')
  summary(@Payload() p: RpcRequest<'reports.summary'>): Promise<RpcResponse<'reports.summary'>> {
    return this.reports.summary(p.actor, p.query);
  }

  @MessagePattern('reports.workload')
  workload(@Payload() p: RpcRequest<'reports.workload'>): Promise<RpcResponse<'reports.workload'>> {
    return this.reports.workload(p.officerIds);
  }

  @MessagePattern('reports.ledger')
  ledger(@Payload() p: RpcRequest<'reports.ledger'>): Promise<RpcResponse<'reports.ledger'>> {
    return this.reports.ledger(p.actor, p.query);
  }
}
