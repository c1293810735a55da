import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { Redis } from 'ioredis';
import { LocalCounts } from './domain/local-counts';

/**
 * Fixed-window counters in Redis, so every gateway replica counts the same hits. Written here
 * because the community Redis storage for @nestjs/throttler does not support Nest 12 yet; it is one
 * atomic script: add the hits, start the window on the first, block past the limit.
 */
const SCRIPT = `
local hits = redis.call('INCRBY', KEYS[1], ARGV[4])
if hits == tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

/** A counter may be kept in the replica up to this share of its limit (LocalCounts). */
const LOCAL_SHARE = 0.5;
/** How soon hits counted in the replica reach Redis (ms). */
const SEND_EVERY_MS = 100;

type Reply = [number, number, number];
type PipelineWithThrottle = {
  qifuThrottle(hitsKey: string, blockedKey: string, ttl: number, limit: number, block: number, hits: number): unknown;
  exec(): Promise<[Error | null, unknown][] | null>;
};
type ThrottleRedis = Redis & {
  qifuThrottle(hitsKey: string, blockedKey: string, ttl: number, limit: number, block: number, hits: number): Promise<Reply>;
};

/** What a hit needs to be counted in Redis. */
interface Counter {
  ttl: number;
  limit: number;
  block: number;
}

/**
 * Counts far below a limit stay in the replica and reach Redis together every SEND_EVERY_MS (most
 * hits then cost no Redis round trip); near the limit every hit is counted in Redis at once
 * (LocalCounts says how far the limit can be passed with several replicas).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly redis: ThrottleRedis;
  private readonly local = new LocalCounts(LOCAL_SHARE);
  private readonly counters = new Map<string, Counter>();
  private sendTimer?: NodeJS.Timeout;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly sendEveryMs = SEND_EVERY_MS,
  ) {
    // Sent by its SHA1 (EVALSHA, the text only when Redis lacks it), not the whole text per request.
    redis.defineCommand('qifuThrottle', { numberOfKeys: 2, lua: SCRIPT });
    this.redis = redis as ThrottleRedis;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:qifu:throttle:${throttlerName}:${key}`;
    const counter = { ttl, limit, block: blockDuration || ttl };
    const now = Date.now();
    const counted = this.local.tryHit(base, limit, ttl, now);
    if (counted !== undefined) {
      this.counters.set(base, counter);
      this.sendSoon();
      return { totalHits: counted, timeToExpire: Math.ceil(this.local.timeLeft(base, now) / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
    const hits = this.local.take(base) + 1;
    let reply: Reply;
    try {
      reply = await this.count(base, counter, hits);
    } catch (err) {
      this.local.putBack(base, hits - 1);
      throw err;
    }
    const [total, ttlMs, blockedMs] = reply;
    this.local.settle(base, total, ttlMs, blockedMs, Date.now());
    return {
      totalHits: total,
      timeToExpire: Math.max(Math.ceil(ttlMs / 1000), 0),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.max(Math.ceil(blockedMs / 1000), 0),
    };
  }

  private count(base: string, c: Counter, hits: number): Promise<Reply> {
    return this.redis.qifuThrottle(`${base}:hits`, `${base}:blocked`, c.ttl, c.limit, c.block, hits);
  }

  private sendSoon(): void {
    if (this.sendTimer) return;
    this.sendTimer = setTimeout(() => {
      this.sendTimer = undefined;
      void this.send();
    }, this.sendEveryMs);
    this.sendTimer.unref();
  }

  /** Sends the hits counted here, every counter's in one write; what Redis answers updates each count. */
  async send(): Promise<void> {
    const pending = this.local.takeAll().filter((p) => this.counters.has(p.key));
    if (pending.length > 0) {
      const pipe = this.redis.pipeline() as unknown as PipelineWithThrottle;
      for (const { key, count } of pending) {
        const c = this.counters.get(key)!;
        pipe.qifuThrottle(`${key}:hits`, `${key}:blocked`, c.ttl, c.limit, c.block, count);
      }
      const replies = await pipe.exec().catch(() => null);
      pending.forEach(({ key, count }, i) => {
        const [err, reply] = replies?.[i] ?? [new Error('not sent'), undefined];
        if (err || !reply) return this.local.putBack(key, count);
        const [total, ttlMs, blockedMs] = reply as Reply;
        this.local.settle(key, total, ttlMs, blockedMs, Date.now());
      });
      if (!replies || replies.some(([err]) => err)) this.sendSoon();
    }
    this.local.prune(Date.now());
    for (const key of this.counters.keys()) if (!this.local.has(key)) this.counters.delete(key);
  }

  /** Sends what is left (at shutdown). */
  async close(): Promise<void> {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    this.sendTimer = undefined;
    await this.send();
  }
}
