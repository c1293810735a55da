import { INBOX_QUEUES } from '@qifu/contracts';
import { dataSourceOptions } from '@qifu/database';
import { createTestDatabase, createTestPrefix, TEST_REDIS_URL, type TestDatabase, type TestPrefix } from '@qifu/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { createMessagingTables, createRedis, eventsOf, type MessagingOptions, OutboxRelay } from '../src';

type Drainable = { drainBatch(): Promise<number>; connection?: Redis; onApplicationShutdown(): Promise<void> };

/** One relay pass against PostgreSQL and Redis: a batch is taken and marked in one statement, and commits only once Redis has its jobs. */
describe('OutboxRelay pass', () => {
  let db: TestDatabase;
  let keys: TestPrefix;
  let ds: DataSource;
  const relays: Drainable[] = [];

  const relayOn = (redis: Redis): Drainable => {
    const options: MessagingOptions = { service: 'requests', schema: 'box', redisUrl: TEST_REDIS_URL, prefix: keys.prefix };
    const relay = new OutboxRelay(options, ds) as unknown as Drainable;
    relay.connection = redis;
    relays.push(relay);
    return relay;
  };
  const unsent = async () =>
    ((await ds.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')) as { n: number }[])[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase('outboxrelay');
    keys = createTestPrefix('outboxrelay');
    ds = new DataSource(dataSourceOptions({ url: db.url, schema: 'box', entities: [], migrations: [] }));
    await ds.initialize();
    await ds.query('CREATE SCHEMA box');
    const runner = ds.createQueryRunner();
    await createMessagingTables(runner, 'box');
    await runner.release();
  });
  afterAll(async () => {
    for (const relay of relays) await relay.onApplicationShutdown();
    await ds?.destroy();
    await db?.drop();
    await keys?.cleanup();
  });
  beforeEach(() => ds.query('TRUNCATE outbox'));

  const write = (n: number) =>
    ds.query(
      `INSERT INTO outbox (id, name, payload, occurred_at)
       SELECT gen_random_uuid(), 'request.filed.v1', jsonb_build_object('i', i), now() FROM generate_series(1, $1) AS i`,
      [n],
    );

  it('sends the unsent events to each subscriber in writing order and marks them sent', async () => {
    await write(3);
    const relay = relayOn(createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 }));
    expect(await relay.drainBatch()).toBe(3);
    expect(await unsent()).toBe(0);
    expect(await relay.drainBatch()).toBe(0);
    for (const service of ['assignment', 'sla'] as const) {
      const queue = new Queue(INBOX_QUEUES[service], { connection: { url: TEST_REDIS_URL }, prefix: keys.prefix });
      const jobs = await queue.getJobs(['waiting', 'prioritized']);
      await queue.close();
      expect(jobs.flatMap((j) => eventsOf(j.data)).map((e) => e.payload)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    }
  });

  it('leaves the events unsent, and the connection clean, when Redis does not take them', async () => {
    await write(2);
    const relay = relayOn(createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 })) as Drainable & { send(): Promise<void> };
    const send = relay.send.bind(relay);
    relay.send = () => Promise.reject(new Error('Connection is closed.'));
    await expect(relay.drainBatch()).rejects.toThrow('Connection is closed.');
    expect(await unsent()).toBe(2);
    // The next pass, with Redis back, sends them.
    relay.send = send;
    expect(await relay.drainBatch()).toBe(2);
    expect(await unsent()).toBe(0);
  });
});
