import type { INestMicroservice } from '@nestjs/common';
import { ConfigError, loadConfig } from '@qifu/config';
import { startService } from '@qifu/messaging';
import { AppModule } from './app.module';
import { NotificationsConfig } from './config/notifications.config';
import { notificationsDatabase } from './database';
import { allowListProblem } from './webhooks/domain/target-policy';

export async function bootstrapNotifications(env: Record<string, string | undefined>, ownProcess = false): Promise<INestMicroservice> {
  const config = loadConfig(NotificationsConfig, env);
  const allowList = allowListProblem(config.WEBHOOK_ALLOWED_HOSTS);
  if (allowList) throw new ConfigError([`WEBHOOK_ALLOWED_HOSTS: ${allowList} (give host names, IPs or CIDR ranges, comma-separated)`]);
  return startService({
    service: 'notifications',
    module: AppModule.forRoot(config),
    database: notificationsDatabase(config.DATABASE_URL),
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    allowRedisEviction: config.ALLOW_REDIS_EVICTION,
    logLevel: config.LOG_LEVEL,
    ownProcess,
    nice: config.PROCESS_NICE,
  });
}
