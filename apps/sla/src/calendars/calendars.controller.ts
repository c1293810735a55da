import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { CalendarsService } from './calendars.service';

@Controller()
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @MessagePattern('sla.due')
  due(@Payload() p: RpcRequest<'sla.due'>): RpcResponse<'sla.due'> {
    return this.calendars.due(p);
  }
}
