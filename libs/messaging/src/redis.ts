import { Redis, type RedisOptions } from 'ioredis';

/** A connection for BullMQ workers and subscribers: blocking commands must never give up. */
export function createRedis(url: string, opts: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...opts });
}

export interface RedisCheck {
  ok: boolean;
  problem?: string;
  warning?: string;
}

/**
 * Checks at start that Redis answers at `url` and keeps queue keys (maxmemory-policy noeviction):
 * an evicting Redis silently drops jobs, which is lost work.
 */
export async function checkRedis(url: string, allowEviction: boolean, timeoutMs = 3_000): Promise<RedisCheck> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    let policy: string | undefined;
    try {
      const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
      policy = reply[1];
    } catch {
      return { ok: true, warning: 'could not read maxmemory-policy (CONFIG disabled?): make sure it is noeviction' };
    }
    if (policy !== undefined && policy !== 'noeviction') {
      const msg = `Redis at ${url} has maxmemory-policy "${policy}": evicted queue keys are lost work. Run CONFIG SET maxmemory-policy noeviction`;
      return allowEviction
        ? { ok: true, warning: msg }
        : { ok: false, problem: `${msg} (or set ALLOW_REDIS_EVICTION=true to start anyway)` };
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: `Redis unreachable at ${url}: ${(err as Error).message}. Set REDIS_URL.` };
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under a prefix (tests and `obliterate`-style resets). */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}
