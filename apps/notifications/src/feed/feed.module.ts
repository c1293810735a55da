import { Module } from '@nestjs/common';
import { PreferencesModule } from '../preferences/preferences.module';
import { FeedController } from './feed.controller';
import { FeedHandlers } from './feed.handlers';
import { FeedService } from './feed.service';
import { LiveFeedRelay } from './live-feed.relay';

@Module({ imports: [PreferencesModule], controllers: [FeedController], providers: [FeedService, FeedHandlers, LiveFeedRelay] })
export class FeedModule {}
