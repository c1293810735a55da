import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, WebhookDeliveryView, WebhookView } from '@qifu/contracts';
import { Roles } from '../auth/auth.decorators';
import { EmptyBodyDto } from '../common/empty-body.dto';
import { PaginationDto } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { RpcClientService } from '../rpc/rpc-client.service';
import { CreateWebhookDto, ListDeliveriesDto, UpdateWebhookDto } from './webhooks.dto';

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly rpc: RpcClientService) {}

  @Post()
  create(@Body() body: CreateWebhookDto): Promise<WebhookView> {
    return this.rpc.call('webhooks.create', { input: defined(body) as CreateWebhookDto });
  }

  @Get()
  list(@Query() q: PaginationDto): Promise<Page<WebhookView>> {
    return this.rpc.call('webhooks.list', { page: q.page, pageSize: q.pageSize });
  }

  @Get(':id')
  get(@Param('id', UuidParam) id: string): Promise<WebhookView> {
    return this.rpc.call('webhooks.get', { id });
  }

  @Patch(':id')
  update(@Param('id', UuidParam) id: string, @Body() body: UpdateWebhookDto): Promise<WebhookView> {
    return this.rpc.call('webhooks.update', { id, patch: defined(body) });
  }

  @Delete(':id')
  remove(@Param('id', UuidParam) id: string): Promise<{ deleted: true }> {
    return this.rpc.call('webhooks.delete', { id });
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(200)
  redeliver(
    @Param('id', UuidParam) id: string,
    @Param('deliveryId', UuidParam) deliveryId: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<WebhookDeliveryView> {
    return this.rpc.call('webhooks.redeliver', { id, deliveryId });
  }

  @Get(':id/deliveries')
  deliveries(@Param('id', UuidParam) id: string, @Query() q: ListDeliveriesDto): Promise<Page<WebhookDeliveryView>> {
    return this.rpc.call('webhooks.deliveries', {
      id,
      query: defined({ page: q.page, pageSize: q.pageSize, status: q.status }) as ListDeliveriesDto,
    });
  }
}
