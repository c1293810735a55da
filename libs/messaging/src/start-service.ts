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
  /**
   * The service is its process (main.ts), not one of several in a test's process: it lowers the
   * process's CPU priority to `nice` and stops on SIGTERM/SIGINT (closeOnSignals).
   */
  ownProcess?: boolean;
  nice?: number;
}

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export function logLevels(level: LogLevel): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/**
 * The one way a back-end service starts: check Redis, create and migrate its schema (under a lock),
 * then serve commands from its RPC queue. Closing it lets in-flight commands and events finish.
 */
export async function startService(opts: ServiceStartOptions): Promise<INestMicroservice> {
  const log = new Logger(opts.service);
  const niceProblem = opts.ownProcess ? lowerCpuPriority(opts.nice ?? 0) : undefined;
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
  if (opts.ownProcess) closeOnSignals(app, log);
  await app.listen();
  const nice = opts.ownProcess && opts.nice ? `, nice ${getPriority()}` : '';
  log.log(`${opts.service} service ready (queue prefix "${opts.prefix}"${nice})`);
  return app;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * On SIGTERM or SIGINT the service closes as `app.close()` does, which is not the order of Nest's
 * `enableShutdownHooks` (that closes the RPC transport only after the beforeApplicationShutdown
 * hooks): first it stops taking commands (the transport waits for those in flight), then the
 * beforeApplicationShutdown hooks stop the schedulers and the inbox (events in flight finish) and
 * the outbox relay (events written so far are sent and marked), and only then onApplicationShutdown
 * closes the connections, the database's among them. Then the signal is raised again, to end the
 * process as the signal would have. A second signal while closing is ignored.
 */
function closeOnSignals(app: INestMicroservice, log: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    log.log(`${signal}: finishing the commands and events in flight, then stopping`);
    app.close().then(
      () => {
        for (const s of SIGNALS) process.removeListener(s, onSignal);
        process.kill(process.pid, signal);
      },
      (err: Error) => {
        log.error(`stopping failed: ${err.stack ?? err.message}`);
        process.exit(1);
      },
    );
  };
  for (const s of SIGNALS) process.on(s, onSignal);
}
