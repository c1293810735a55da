import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, RpcResponse } from '@qifu/contracts';
import { PreferencesService } from './preferences.service';

@Controller()
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @MessagePattern('notifications.preferences.get')
  get(@Payload() p: RpcRequest<'notifications.preferences.get'>): Promise<RpcResponse<'notifications.preferences.get'>> {
    return this.preferences.get(p.actor);
  }

  @MessagePattern('notifications.preferences.put')
  put(@Payload() p: RpcRequest<'notifications.preferences.put'>): Promise<RpcResponse<'notifications.preferences.put'>> {
    return this.preferences.put(p.actor, p.input);
  }
}
