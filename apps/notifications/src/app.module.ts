import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@qifu/database';
import { MessagingModule, pingController } from '@qifu/messaging';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from './config/notifications.config';
import { notificationsDatabase, SCHEMA } from './database';
import { FeedModule } from './feed/feed.module';

@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      providers: [{ provide: NOTIFICATIONS_CONFIG, useValue: config }],
      exports: [NOTIFICATIONS_CONFIG],
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions({ ...notificationsDatabase(config.DATABASE_URL), poolSize: config.DATABASE_POOL_SIZE })),
        MessagingModule.forService({
          service: 'notifications',
          schema: SCHEMA,
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          inboxBatch: config.INBOX_BATCH,
        }),
        FeedModule,
      ],
      controllers: [pingController('notifications')],
    };
  }
}
