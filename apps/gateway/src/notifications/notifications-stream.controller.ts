import { Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  CodedError,
  type FeedAudience,
  type LiveFeedMessage,
  type LiveNotification,
  type NotificationPreferencesView,
} from '@qifu/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { type AuthedRequest, CurrentActor } from '../auth/auth.decorators';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { RpcClientService } from '../rpc/rpc-client.service';
import { LiveFeedService } from './live-feed.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A browser that reads slower than this much queued output is cut off; it reconnects and replays. */
const MAX_BUFFERED_BYTES = 1 << 20;
const REMEMBERED_IDS = 1_000;

type MuteSettings = Pick<NotificationPreferencesView, 'mutedTypes' | 'mutedChannels'>;

export class StreamQueryDto {
  @ApiPropertyOptional({ description: 'the access token, for clients that cannot send headers (EventSource)' })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  access_token?: string;
}

/** Everything the caller may see arrives on these channels (the same scope as GET /notifications). */
export function audiencesOf(actor: Actor): FeedAudience[] {
  const audiences: FeedAudience[] = [{ userId: actor.userId }, { role: actor.role }];
  if (actor.companyId) audiences.push({ companyId: actor.companyId });
  return audiences;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsStreamController {
  constructor(
    private readonly rpc: RpcClientService,
    private readonly live: LiveFeedService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('stream')
  @ApiOperation({ summary: 'Server-Sent Events: each new notification as `id: <notification id>` + `data: <notification JSON>`' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'replay what came after this notification id' })
  async stream(
    @CurrentActor() actor: Actor,
    @Req() req: Request & AuthedRequest,
    @Res() res: Response,
    @Query() _q: StreamQueryDto,
    @Headers('last-event-id') lastEventId?: string,
  ): Promise<void> {
    const after = lastEventId?.trim() || undefined;
    if (after !== undefined && !UUID.test(after)) {
      throw new CodedError('VALIDATION_FAILED', 'Last-Event-ID must be the id (a UUID) of a notification received earlier', [
        { field: 'Last-Event-ID', message: 'Last-Event-ID must be a notification id (UUID)' },
      ]);
    }
    const expiresAt = req.tokenExpiresAt?.getTime();
    if (expiresAt !== undefined && expiresAt <= Date.now()) throw new CodedError('UNAUTHORIZED', 'the token has expired: log in again');

    // Listen first, replay second: whatever is pushed meanwhile waits in `pending`, and seq drops repeats.
    const pending: LiveNotification[] = [];
    let open = false;
    let lastSeq = 0;
    const sentIds = new Set<string>();
    const send = (item: LiveNotification): void => {
      if (item.seq <= lastSeq || sentIds.has(item.notification.id)) return;
      lastSeq = item.seq;
      sentIds.add(item.notification.id);
      if (sentIds.size > REMEMBERED_IDS) sentIds.delete(sentIds.values().next().value as string);
      res.write(`id: ${item.notification.id}\ndata: ${JSON.stringify(item.notification)}\n\n`);
      this.live.sent();
      if (res.writableLength > MAX_BUFFERED_BYTES) finish();
    };
    // The user's mutes apply to the stream as to the list; a change reaches open streams at once.
    let settings: MuteSettings = { mutedTypes: [], mutedChannels: [] };
    const wanted = (item: LiveNotification): boolean =>
      !settings.mutedChannels.includes('in_app') && !settings.mutedTypes.includes(item.notification.type);
    const reload = (): void => {
      this.rpc.call('notifications.preferences.get', { actor }).then(
        (p) => (settings = p),
        () => undefined,
      );
    };
    const onMessage = (m: LiveFeedMessage): void => {
      if (m.kind === 'preferences') return reload();
      if (!wanted(m)) return;
      if (open) send(m);
      else pending.push(m);
    };
    const stop = await this.live.listen(audiencesOf(actor), onMessage);
    let replay: LiveNotification[] = [];
    try {
      settings = await this.rpc.call('notifications.preferences.get', { actor });
      if (after) {
        replay = (await this.rpc.call('notifications.since', { actor, afterId: after, limit: this.config.SSE_REPLAY_LIMIT })).items;
      }
    } catch (err) {
      stop();
      throw err;
    }

    let finished = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (): void => {
      if (finished) return;
      finished = true;
      stop();
      unregister();
      for (const t of timers) clearTimeout(t);
      res.end();
    };
    const unregister = this.live.onClose(finish);
    res.on('close', finish);
    // The browser may have gone (a page change) while the preferences and the replay were read.
    if (res.destroyed) return finish();

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write(`retry: 3000\n: connected\n\n`);
    for (const item of replay) send(item);
    for (const item of pending.filter(wanted).sort((a, b) => a.seq - b.seq)) send(item);
    pending.length = 0;
    open = true;

    timers.push(setInterval(() => res.write(`: heartbeat ${new Date().toISOString()}\n\n`), this.config.SSE_HEARTBEAT_MS));
    if (expiresAt !== undefined) {
      // setTimeout holds at most ~24.8 days; tokens live at most 7.
      timers.push(
        setTimeout(() => {
          res.write(`event: token_expired\ndata: {"message":"the token has expired: log in again"}\n\n`);
          finish();
        }, expiresAt - Date.now()),
      );
    }
  }
}
