import { INBOX_QUEUES } from '@qifu/contracts';
import { dataSourceOptions } from '@qifu/database';
import { createTestDatabase, createTestPrefix, eventually, TEST_REDIS_URL, type TestDatabase, type TestPrefix } from '@qifu/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import {
  addOutboxLease,
  createMessagingTables,
  createOutboxNotifyTrigger,
  createRedis,
  eventsOf,
  type MessagingOptions,
  OutboxPublisher,
  OutboxRelay,
} from '../src';

type Drainable = Pick<OutboxRelay, 'sendNow' | 'onApplicationShutdown'> & {
  drainBatch(): Promise<number>;
  checkRedisEpoch(): Promise<void>;
  connection?: Redis;
};

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
  const queued = async (service: 'assignment' | 'sla') => {
    const queue = new Queue(INBOX_QUEUES[service], { connection: { url: TEST_REDIS_URL }, prefix: keys.prefix });
    const jobs = await queue.getJobs(['waiting', 'prioritized']);
    await queue.close();
    return jobs.flatMap((j) => eventsOf(j.data)).map((e) => e.payload);
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
    await createOutboxNotifyTrigger(runner, 'box');
    await addOutboxLease(runner, 'box');
    await runner.release();
  });
  afterAll(async () => {
    for (const relay of relays) await relay.onApplicationShutdown();
    await ds?.destroy();
    await db?.drop();
    await keys?.cleanup();
  });
  beforeEach(async () => {
    await ds.query('TRUNCATE outbox');
    const redis = createRedis(TEST_REDIS_URL);
    await Promise.all(Object.values(INBOX_QUEUES).map((q) => redis.del(`${keys.prefix}:${q}:wait`)));
    redis.disconnect();
  });

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
    for (const service of ['assignment', 'sla'] as const) expect(await queued(service)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
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

  describe('events their writer sends itself (leased rows)', () => {
    const publisher = new OutboxPublisher();
    /** Writes `n` leased rows as a hot path does, outside a transaction; returns them for sendNow. */
    const writeLeased = async (n: number, from: number) => {
      const rows = publisher.leasedRows(
        Array.from({ length: n }, (_, k) => ({ name: 'request.filed.v1', payload: { i: from + k } }) as never),
      );
      await ds.query(
        `INSERT INTO outbox (id, name, payload, occurred_at, lease_until)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[], $5::timestamptz[])`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.name),
          rows.map((r) => JSON.stringify(r.payload)),
          rows.map((r) => r.occurredAt),
          rows.map((r) => r.leaseUntil),
        ],
      );
      return rows;
    };

    it('are left to the writer by the relay, sent by sendNow and then marked sent', async () => {
      const rows = await writeLeased(2, 1);
      const relay = relayOn(createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 }));
      expect(await relay.drainBatch()).toBe(0);
      await relay.sendNow(rows);
      expect(await queued('assignment')).toEqual([{ i: 1 }, { i: 2 }]);
      await eventually(async () => ((await unsent()) === 0 ? true : undefined), 'the two events marked sent');
      expect(await relay.drainBatch()).toBe(0);
      expect(await queued('sla')).toEqual([{ i: 1 }, { i: 2 }]);
    });

    it('go through the relay at once when Redis does not take them from the writer', async () => {
      const rows = await writeLeased(2, 1);
      const relay = relayOn(createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 })) as Drainable & { send(): Promise<void> };
      const send = relay.send.bind(relay);
      relay.send = () => Promise.reject(new Error('Connection is closed.'));
      await relay.sendNow(rows); // never throws: the lease is lifted instead
      expect(await queued('assignment')).toEqual([]);
      relay.send = send;
      expect(await relay.drainBatch()).toBe(2);
      expect(await queued('assignment')).toEqual([{ i: 1 }, { i: 2 }]);
    });

    it('are taken by the relay once the lease has run out (the writer died before sending)', async () => {
      await writeLeased(1, 1);
      await ds.query(`UPDATE outbox SET lease_until = now() - interval '1 second'`);
      const relay = relayOn(createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 }));
      expect(await relay.drainBatch()).toBe(1);
      expect(await queued('assignment')).toEqual([{ i: 1 }]);
    });

    it('are sent again by the relay when Redis comes back empty while their writer sends them', async () => {
      const rows = await writeLeased(1, 1);
      const redis = createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
      const relay = relayOn(redis) as Drainable & { kick(): void };
      relay.kick = () => undefined; // its own pass runs below, when the test says
      await redis.del(`${keys.prefix}:qifu:redis-epoch:requests`); // Redis lost its data
      await relay.checkRedisEpoch();
      await relay.sendNow(rows); // the writer's send and mark come after: the mark leaves the row to the relay
      await new Promise((r) => setTimeout(r, 100));
      expect(await unsent()).toBe(1);
      expect(await relay.drainBatch()).toBe(1);
    });
  });
});
