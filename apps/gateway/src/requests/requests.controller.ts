import { EmptyBodyDto } from '../common/empty-body.dto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { type Actor, CodedError, type JsonObject, type Page, type RequestView, type TimelineEntryView } from '@qifu/contracts';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { RpcClientService } from '../rpc/rpc-client.service';
import { validateDetails } from './request-details.dto';
import { CommentDto, FileRequestDto, ListRequestsDto, RateDto, ResolveDto } from './requests.dto';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(private readonly rpc: RpcClientService) {}

  @Roles('company')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async file(
    @CurrentActor() actor: Actor,
    @Body() body: FileRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RequestView> {
    validateDetails(body.category, body.details);
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new CodedError('VALIDATION_FAILED', 'Idempotency-Key must be 1-200 visible ASCII characters', [
        { field: 'Idempotency-Key', message: 'invalid' },
      ]);
    }
    const input = { ...body, details: body.details as JsonObject };
    const { request, replayed } = await this.rpc.call('requests.file', { actor, input, ...(key ? { idempotencyKey: key } : {}) });
    res.status(201);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return request;
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: ListRequestsDto): Promise<Page<RequestView>> {
    return this.rpc.call('requests.list', { actor, query: q });
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<RequestView> {
    return this.rpc.call('requests.get', { actor, requestId: id });
  }

  @Get(':id/timeline')
  timeline(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<TimelineEntryView[]> {
    return this.rpc.call('requests.timeline', { actor, requestId: id });
  }

  @Roles('officer', 'supervisor', 'admin')
  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() _body: EmptyBodyDto): Promise<RequestView> {
    return this.rpc.call('requests.accept', { actor, requestId: id });
  }

  @Post(':id/comments')
  comment(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: CommentDto): Promise<TimelineEntryView> {
    return this.rpc.call('requests.comment', { actor, requestId: id, body: body.body, internal: body.internal ?? false });
  }

  @Roles('officer', 'supervisor', 'admin')
  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: ResolveDto): Promise<RequestView> {
    return this.rpc.call('requests.resolve', { actor, requestId: id, resolution: body.resolution });
  }

  @Roles('company')
  @Post(':id/rate')
  @HttpCode(200)
  rate(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() body: RateDto): Promise<RequestView> {
    return this.rpc.call('requests.rate', {
      actor,
      requestId: id,
      rating: body.rating,
      ...(body.comment ? { comment: body.comment } : {}),
    });
  }
}
