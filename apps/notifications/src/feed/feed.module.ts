import { Module } from '@nestjs/common';
import { FeedController } from './feed.controller';
import { FeedHandlers } from './feed.handlers';
import { FeedService } from './feed.service';

@Module({ controllers: [FeedController], providers: [FeedService, FeedHandlers] })
export class FeedModule {}
