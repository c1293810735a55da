import type { INestMicroservice } from '@nestjs/common';
import { loadConfig } from '@qifu/config';
import { startService } from '@qifu/messaging';
import { AppModule } from './app.module';
import { NotificationsConfig } from './config/notifications.config';
import { notificationsDatabase } from './database';

export async function bootstrapNotifications(env: Record<string, string | undefined>): Promise<INestMicroservice> {
  const config = loadConfig(NotificationsConfig, env);
  return startService({
    service: 'notifications',
    module: AppModule.forRoot(config),
    database: notificationsDatabase(config.DATABASE_URL),
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    allowRedisEviction: config.ALLOW_REDIS_EVICTION,
    logLevel: config.LOG_LEVEL,
  });
}
