import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { createRedis } from '@qifu/messaging';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const THROTTLE_REDIS = Symbol('THROTTLE_REDIS');

@Injectable()
class ThrottleRedisCloser implements OnApplicationShutdown {
  constructor(
    @Inject(THROTTLE_REDIS) private readonly redis: Redis,
    private readonly storage: RedisThrottlerStorage,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close().catch(() => undefined); // the hits counted here and not sent yet
    this.redis.disconnect();
  }
}

/**
 * Rate limits on the doors people hammer: login (per address and user name, against password
 * guessing) and filing (per user), per minute. Shared by every gateway replica through Redis. Only
 * routes with @UseGuards(ThrottlerGuard) are limited, each skipping the other's throttler.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [GATEWAY_CONFIG, RedisThrottlerStorage],
      useFactory: (config: GatewayConfig, storage: RedisThrottlerStorage) => ({
        throttlers: [
          { name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT, getTracker: loginTracker },
          { name: 'filing', ttl: 60_000, limit: config.FILING_RATE_LIMIT, getTracker: userTracker },
        ],
        storage,
        errorMessage: 'too many requests: wait a minute and try again',
      }),
    }),
  ],
  providers: [
    {
      provide: THROTTLE_REDIS,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => {
        const redis = createRedis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
        redis.on('error', () => undefined);
        return redis;
      },
    },
    {
      provide: RedisThrottlerStorage,
      inject: [GATEWAY_CONFIG, THROTTLE_REDIS],
      useFactory: (config: GatewayConfig, redis: Redis) => new RedisThrottlerStorage(redis, config.QUEUE_PREFIX),
    },
    ThrottleRedisCloser,
  ],
  exports: [THROTTLE_REDIS, RedisThrottlerStorage, ThrottlerModule],
})
export class ThrottlingModule {}

/** Who is counted: the signed-in user if any, else the client address (and the user name at login). */
export function loginTracker(raw: Record<string, unknown>): string {
  const req = raw as unknown as Request;
  const body = req.body as { username?: unknown } | undefined;
  return `${req.ip ?? 'unknown'}|${typeof body?.username === 'string' ? body.username.slice(0, 100) : ''}`;
}

export function userTracker(raw: Record<string, unknown>): string {
  const req = raw as unknown as Request;
  const actor = (req as Request & { actor?: { userId: string } }).actor;
  return actor ? `user:${actor.userId}` : `ip:${req.ip ?? 'unknown'}`;
}

export { ThrottlerGuard };
