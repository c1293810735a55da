import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { Redis } from 'ioredis';

/**
 * Fixed-window counters in Redis, so every gateway replica counts the same hits. Written here
 * because the community Redis storage for @nestjs/throttler does not support Nest 12 yet; it is one
 * atomic script: count the hit, start the window on the first, block past the limit.
 */
const SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

type ThrottleRedis = Redis & {
  qifuThrottle(hitsKey: string, blockedKey: string, ttl: number, limit: number, block: number): Promise<[number, number, number]>;
};

export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly redis: ThrottleRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    // Sent by its SHA1 (EVALSHA, the text only when Redis lacks it), not the whole text per request.
    redis.defineCommand('qifuThrottle', { numberOfKeys: 2, lua: SCRIPT });
    this.redis = redis as ThrottleRedis;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:qifu:throttle:${throttlerName}:${key}`;
    const [hits, ttlMs, blockedMs] = await this.redis.qifuThrottle(`${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration || ttl);
    return {
      totalHits: hits,
      timeToExpire: Math.max(Math.ceil(ttlMs / 1000), 0),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.max(Math.ceil(blockedMs / 1000), 0),
    };
  }
}
