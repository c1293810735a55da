import { Module } from '@nestjs/common';
import { LiveFeedService } from './live-feed.service';
import { NotificationsStreamController } from './notifications-stream.controller';
import { NotificationsController } from './notifications.controller';

/** The caller's feed: list, mark read, and the live stream (SSE fed by Redis pub/sub). */
@Module({ controllers: [NotificationsStreamController, NotificationsController], providers: [LiveFeedService] })
export class NotificationsModule {}
