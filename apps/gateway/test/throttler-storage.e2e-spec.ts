import { createRedis } from '@qifu/messaging';
import { createTestPrefix, TEST_REDIS_URL, type TestPrefix } from '@qifu/testing';
import type { Redis } from 'ioredis';
import { RedisThrottlerStorage } from '../src/throttling/redis-throttler.storage';

/** The rate-limit counters of two gateway replicas against Redis: hits far below a limit are counted in the replica and sent together. */
describe('RedisThrottlerStorage', () => {
  let keys: TestPrefix;
  let redis: Redis[];
  let a: RedisThrottlerStorage;
  let b: RedisThrottlerStorage;
  const minute = 60_000;

  beforeAll(() => {
    keys = createTestPrefix('throttle');
    redis = [createRedis(TEST_REDIS_URL), createRedis(TEST_REDIS_URL)];
    // Hits counted in a replica reach Redis when a test sends them (send, close), not on a timer.
    a = new RedisThrottlerStorage(redis[0]!, keys.prefix, minute);
    b = new RedisThrottlerStorage(redis[1]!, keys.prefix, minute);
  });

  afterAll(async () => {
    for (const r of redis ?? []) r.disconnect();
    await keys?.cleanup();
  });

  const hit = (s: RedisThrottlerStorage, key: string, limit: number) => s.increment(key, minute, limit, 0, 'filing');
  const inRedis = async (key: string) => Number(await redis[0]!.get(`${keys.prefix}:qifu:throttle:filing:${key}:hits`));

  it('blocks the hit past the limit on one replica, counting every hit in Redis', async () => {
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await hit(a, 'one', 4));
    expect(seen.map((r) => r.isBlocked)).toEqual([false, false, false, false, true]);
    expect(seen[4]!.timeToBlockExpire).toBeGreaterThan(0);
    expect(await inRedis('one')).toBe(5);
    expect((await hit(a, 'one', 4)).isBlocked).toBe(true);
  });

  it('sends the hits counted in a replica to Redis, where the other replica counts them', async () => {
    for (let i = 0; i < 5; i++) expect((await hit(a, 'two', 10)).isBlocked).toBe(false);
    await a.send();
    expect(await inRedis('two')).toBe(5);
    // b has not heard of them: it counts five of its own, and the sixth, counted in Redis with those
    // five, makes 11 of 10 (two replicas counting half the limit each never pass it).
    const fromB = [];
    for (let i = 0; i < 6; i++) fromB.push(await hit(b, 'two', 10));
    expect(fromB.map((r) => r.isBlocked)).toEqual([false, false, false, false, false, true]);
    expect(await inRedis('two')).toBe(11);
    // The block reaches a: its next hit is refused too.
    expect((await hit(a, 'two', 10)).isBlocked).toBe(true);
  });

  it('sends what is left when it closes', async () => {
    await hit(b, 'three', 10);
    await hit(b, 'three', 10);
    expect(await inRedis('three')).toBe(0);
    await b.close();
    expect(await inRedis('three')).toBe(2);
  });
});
