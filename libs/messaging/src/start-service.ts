import { type DynamicModule, type INestMicroservice, Logger, type LogLevel } from '@nestjs/common';
import { getPriority } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { ServiceName } from '@qifu/contracts';
import { migrateServiceDatabase, redact, type ServiceDatabaseOptions } from '@qifu/database';
import { lowerCpuPriority } from './cpu-priority';
import { checkRedis } from './redis';
import { BullmqRpcServer } from './rpc/bullmq-rpc.server';
import { RpcErrorFilter } from './rpc/rpc-exception.filter';

export interface ServiceStartOptions {
  service: ServiceName;
  module: DynamicModule;
  database: ServiceDatabaseOptions;
  redisUrl: string;
  prefix: string;
  allowRedisEviction: boolean;
  logLevel: LogLevel;
  rpcConcurrency?: number;
  /** Lower this process's CPU priority to this nice value (only a service in its own process: its main.ts asks for it). */
  nice?: number;
}

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export function logLevels(level: LogLevel): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/**
 * The one way a back-end service starts: check Redis, create and migrate its schema (under a lock),
 * then serve commands from its RPC queue. Shutdown hooks let in-flight commands and events finish.
 */
export async function startService(opts: ServiceStartOptions): Promise<INestMicroservice> {
  const log = new Logger(opts.service);
  const niceProblem = lowerCpuPriority(opts.nice ?? 0);
  if (niceProblem) log.warn(niceProblem);
  const redis = await checkRedis(opts.redisUrl, opts.allowRedisEviction);
  if (!redis.ok) throw new Error(redis.problem);
  if (redis.warning) log.warn(redis.warning);
  const ran = await migrateServiceDatabase(opts.database);
  if (ran.length > 0) log.log(`migrations applied to ${redact(opts.database.url)}: ${ran.join(', ')}`);
  const app = await NestFactory.createMicroservice(opts.module, {
    strategy: new BullmqRpcServer({
      service: opts.service,
      redisUrl: opts.redisUrl,
      prefix: opts.prefix,
      concurrency: opts.rpcConcurrency ?? 128,
    }),
    logger: logLevels(opts.logLevel),
  });
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.listen();
  const nice = opts.nice ? `, nice ${getPriority()}` : '';
  log.log(`${opts.service} service ready (queue prefix "${opts.prefix}"${nice})`);
  return app;
}
