import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { CalendarsService } from './calendars.service';

@Controller()
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @MessagePattern('sla.due')
  due(@Payload() p: RpcRequest<'sla.due'>): Promise<RpcResponse<'sla.due'>> {
    return this.calendars.due(p);
  }

  @MessagePattern('sla.calendars.list')
  list(): Promise<RpcResponse<'sla.calendars.list'>> {
    return this.calendars.list();
  }

  @MessagePattern('sla.calendars.get')
  get(@Payload() p: RpcRequest<'sla.calendars.get'>): Promise<RpcResponse<'sla.calendars.get'>> {
    return this.calendars.view(p.id);
  }

  @MessagePattern('sla.calendars.create')
  create(@Payload() p: RpcRequest<'sla.calendars.create'>): Promise<RpcResponse<'sla.calendars.create'>> {
    return this.calendars.create(p.input);
  }

  @MessagePattern('sla.calendars.put')
  put(@Payload() p: RpcRequest<'sla.calendars.put'>): Promise<RpcResponse<'sla.calendars.put'>> {
    return this.calendars.put(p.id, p.input);
  }

  @MessagePattern('sla.calendars.import_ics')
  importIcs(@Payload() p: RpcRequest<'sla.calendars.import_ics'>): Promise<RpcResponse<'sla.calendars.import_ics'>> {
    return this.calendars.importIcs(p.id, p.ics);
  }
}
