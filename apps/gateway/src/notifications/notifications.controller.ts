import { EmptyBodyDto } from '../common/empty-body.dto';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, NotificationView, Page } from '@qifu/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentActor } from '../auth/auth.decorators';
import { PaginationDto, toBoolean } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { RpcClientService } from '../rpc/rpc-client.service';

export class ListNotificationsDto extends PaginationDto {
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly rpc: RpcClientService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: ListNotificationsDto): Promise<Page<NotificationView>> {
    return this.rpc.call('notifications.list', { actor, unread: q.unread ?? false, page: q.page, pageSize: q.pageSize });
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
