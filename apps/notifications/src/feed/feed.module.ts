import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { FeedController } from './feed.controller';
import { FeedHandlers } from './feed.handlers';
import { FeedService } from './feed.service';
import { LiveFeedRelay } from './live-feed.relay';

@Module({
  imports: [PreferencesModule, WebhooksModule, EmailModule],
  controllers: [FeedController],
  providers: [FeedService, FeedHandlers, LiveFeedRelay],
})
export class FeedModule {}
