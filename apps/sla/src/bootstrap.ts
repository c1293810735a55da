import type { INestMicroservice } from '@nestjs/common';
import { loadConfig } from '@qifu/config';
import { startService } from '@qifu/messaging';
import { AppModule } from './app.module';
import { SlaConfig } from './config/sla.config';
import { slaDatabase } from './database';

export async function bootstrapSla(env: Record<string, string | undefined>, ownProcess = false): Promise<INestMicroservice> {
  const config = loadConfig(SlaConfig, env);
  return startService({
    service: 'sla',
    module: AppModule.forRoot(config),
    database: slaDatabase(config.DATABASE_URL),
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    allowRedisEviction: config.ALLOW_REDIS_EVICTION,
    logLevel: config.LOG_LEVEL,
    ownProcess,
    nice: config.PROCESS_NICE,
  });
}
