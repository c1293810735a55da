import { withDefaultUser } from '@qifu/database';
import { createTestDatabase, type TestDatabase } from '@qifu/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import {
  addOutboxLease,
  createMessagingTables,
  createOutboxNotifyTrigger,
  dropOutboxLease,
  dropOutboxNotifyTrigger,
  outboxChannel,
} from '../src';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The outbox table wakes the relay itself: one NOTIFY per committed transaction that wrote events. */
describe('outbox NOTIFY trigger against PostgreSQL', () => {
  let db: TestDatabase;
  let writer: Client;
  let listener: Client;
  const heard: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('outboxnotify');
    writer = new Client({ connectionString: withDefaultUser(db.url) });
    listener = new Client({ connectionString: withDefaultUser(db.url) });
    await Promise.all([writer.connect(), listener.connect()]);
    const runner = { query: (sql: string) => writer.query(sql) } as unknown as QueryRunner;
    await writer.query('CREATE SCHEMA box');
    await createMessagingTables(runner, 'box');
    await createOutboxNotifyTrigger(runner, 'box');
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query(`LISTEN ${outboxChannel('box')}`);
  });
  afterAll(async () => {
    await Promise.all([writer?.end(), listener?.end()]);
    await db?.drop();
  });
  beforeEach(() => (heard.length = 0));

  const insert = (n: number) =>
    writer.query(
      `INSERT INTO box.outbox (id, name, payload, occurred_at) SELECT gen_random_uuid(), 'request.filed.v1', '{}', now() FROM generate_series(1, $1)`,
      [n],
    );

  it('notifies once at commit however many statements wrote events, and not before', async () => {
    await writer.query('BEGIN');
    await insert(3);
    await insert(1);
    await sleep(200);
    expect(heard).toEqual([]);
    await writer.query('COMMIT');
    await sleep(200);
    expect(heard).toEqual([outboxChannel('box')]);
  });

  it('stays silent when the transaction rolls back, and notifies a single insert outside one', async () => {
    await writer.query('BEGIN');
    await insert(2);
    await writer.query('ROLLBACK');
    await sleep(200);
    expect(heard).toEqual([]);
    await writer.query(`INSERT INTO box.outbox (id, name, payload, occurred_at) VALUES ($1, 'request.filed.v1', '{}', now())`, [
      randomUUID(),
    ]);
    await sleep(200);
    expect(heard).toEqual([outboxChannel('box')]);
  });

  it('can be dropped again (the migration goes down)', async () => {
    const runner = { query: (sql: string) => writer.query(sql) } as unknown as QueryRunner;
    await dropOutboxNotifyTrigger(runner, 'box');
    await insert(1);
    await sleep(200);
    expect(heard).toEqual([]);
    await createOutboxNotifyTrigger(runner, 'box');
  });

  describe('with leases (rows their writer sends itself)', () => {
    const runner = () => ({ query: (sql: string) => writer.query(sql) }) as unknown as QueryRunner;
    beforeAll(() => addOutboxLease(runner(), 'box'));
    afterAll(() => dropOutboxLease(runner(), 'box'));

    const insertLeased = (n: number) =>
      writer.query(
        `INSERT INTO box.outbox (id, name, payload, occurred_at, lease_until)
         SELECT gen_random_uuid(), 'request.filed.v1', '{}', now(), now() + interval '10 seconds' FROM generate_series(1, $1)`,
        [n],
      );

    it('stays silent for a statement whose rows all carry a lease', async () => {
      await insertLeased(3);
      await sleep(200);
      expect(heard).toEqual([]);
    });

    it('still notifies for rows without one, alone or beside leased rows', async () => {
      await insert(1);
      await sleep(200);
      expect(heard).toEqual([outboxChannel('box')]);
      heard.length = 0;
      await writer.query('BEGIN');
      await insertLeased(2);
      await insert(1);
      await writer.query('COMMIT');
      await sleep(200);
      expect(heard).toEqual([outboxChannel('box')]);
    });
  });
});
