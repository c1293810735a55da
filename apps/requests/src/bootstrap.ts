import type { INestMicroservice } from '@nestjs/common';
import { loadConfig } from '@qifu/config';
import { startService } from '@qifu/messaging';
import { AppModule } from './app.module';
import { RequestsConfig } from './config/requests.config';
import { requestsDatabase } from './database';

export async function bootstrapRequests(env: Record<string, string | undefined>, ownProcess = false): Promise<INestMicroservice> {
  const config = loadConfig(RequestsConfig, env);
  return startService({
    service: 'requests',
    module: AppModule.forRoot(config),
    database: requestsDatabase(config.DATABASE_URL),
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    allowRedisEviction: config.ALLOW_REDIS_EVICTION,
    logLevel: config.LOG_LEVEL,
    ownProcess,
    nice: config.PROCESS_NICE,
  });
}
