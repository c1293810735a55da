import { EmptyBodyDto } from '../common/empty-body.dto';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, NotificationPreferencesView, NotificationView, Page } from '@qifu/contracts';
import { CurrentActor } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { RpcClientService } from '../rpc/rpc-client.service';
import { ListNotificationsDto, PutPreferencesDto } from './notifications.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly rpc: RpcClientService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: ListNotificationsDto): Promise<Page<NotificationView>> {
    return this.rpc.call('notifications.list', { actor, unread: q.unread ?? false, page: q.page, pageSize: q.pageSize });
  }

  @Get('preferences')
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesView> {
    return this.rpc.call('notifications.preferences.get', { actor });
  }

  @Put('preferences')
  putPreferences(@CurrentActor() actor: Actor, @Body() body: PutPreferencesDto): Promise<NotificationPreferencesView> {
    const input = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return this.rpc.call('notifications.preferences.put', { actor, input });
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor, @Body() _body: EmptyBodyDto): Promise<{ updated: number }> {
    return this.rpc.call('notifications.read-all', { actor });
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() _body: EmptyBodyDto): Promise<NotificationView> {
    return this.rpc.call('notifications.read', { actor, id });
  }
}
