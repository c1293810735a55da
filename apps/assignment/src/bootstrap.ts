import type { INestMicroservice } from '@nestjs/common';
import { loadConfig } from '@qifu/config';
import { startService } from '@qifu/messaging';
import { AppModule } from './app.module';
import { AssignmentConfig, checkProductionSecrets } from './config/assignment.config';
import { assignmentDatabase } from './database';

export async function bootstrapAssignment(env: Record<string, string | undefined>, ownProcess = false): Promise<INestMicroservice> {
  const config = loadConfig(AssignmentConfig, env);
  checkProductionSecrets(config, env);
  return startService({
    service: 'assignment',
    module: AppModule.forRoot(config),
    database: assignmentDatabase(config.DATABASE_URL),
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    allowRedisEviction: config.ALLOW_REDIS_EVICTION,
    logLevel: config.LOG_LEVEL,
    ownProcess,
    nice: config.PROCESS_NICE,
  });
}
