import { randomBytes } from 'node:crypto';
import { databaseName, dropDatabase, ensureDatabase, withDatabase } from '@qifu/database';
import { deleteKeysWithPrefix } from '@qifu/messaging';
import { Redis } from 'ioredis';

export const TEST_DATABASE_BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function suffix(): string {
  return `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one suite; its name always contains "test" and anything else is refused. */
export async function createTestDatabase(label = 'e2e'): Promise<TestDatabase> {
  const url = withDatabase(TEST_DATABASE_BASE_URL, `qifu_test_${label}_${suffix()}`);
  const name = databaseName(url);
  if (!name.includes('test')) throw new Error(`refusing to use database "${name}" in tests: the name must contain "test"`);
  await ensureDatabase(url);
  return {
    url,
    drop: async () => {
      if (!databaseName(url).includes('test')) throw new Error('refusing to drop a non-test database');
      await dropDatabase(url);
    },
  };
}

export interface TestPrefix {
  prefix: string;
  cleanup(): Promise<void>;
}

/** A BullMQ/Redis key prefix for one suite; its keys are deleted afterwards. */
export function createTestPrefix(label = 'e2e'): TestPrefix {
  const prefix = `qifu-test-${label}-${suffix()}`;
  return {
    prefix,
    cleanup: async () => {
      const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        await deleteKeysWithPrefix(redis, prefix);
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * What a Redis restart without persistence does to one installation: every key of `prefix` gone at
 * one instant. The keys are collected first and deleted in one MULTI, so a service never sees part of
 * its data gone (a key-by-key delete could remove a marker a service had just written again, and the
 * events it re-sent with it, which no real Redis loss does). Returns how many keys went.
 */
export async function loseRedisData(prefix: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    if (keys.length === 0) return 0;
    const tx = redis.multi();
    for (let i = 0; i < keys.length; i += 500) tx.del(...keys.slice(i, i + 500));
    await tx.exec();
    return keys.length;
  } finally {
    redis.disconnect();
  }
}
