import { createTestDatabase, type TestDatabase } from '@qifu/testing';
import type { QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, withPooledClient } from '../src';

/** A pooled connection as a plain pg client: several statements in one message, and a pool that stays clean. */
describe('withPooledClient against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('pooledclient');
    // One connection: every call below gets the same one back, unless the pool dropped it.
    const base = dataSourceOptions({ url: db.url, schema: 'public', entities: [], migrations: [] });
    ds = new DataSource({ ...base, extra: { ...(base.extra as object), max: 1 } } as typeof base);
    await ds.initialize();
    await ds.query('CREATE TABLE counters (name text PRIMARY KEY, n int NOT NULL)');
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => ds.query(`TRUNCATE counters; INSERT INTO counters VALUES ('a', 0)`));

  const count = async () => ((await ds.query(`SELECT n FROM counters WHERE name = 'a'`)) as { n: number }[])[0]!.n;
  const backend = () => withPooledClient(ds, async (c) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);

  it('returns the rows of a statement sent with BEGIN in one message, and commits what fn commits', async () => {
    const n = await withPooledClient(ds, async (c) => {
      const [, updated] = (await c.query(`BEGIN; UPDATE counters SET n = n + 1 RETURNING n`)) as unknown as [
        QueryResult,
        QueryResult<{ n: number }>,
      ];
      await c.query('COMMIT');
      return updated.rows[0]!.n;
    });
    expect(n).toBe(1);
    expect(await count()).toBe(1);
  });

  it('rolls back what fn left open when it throws, and hands the connection back outside any transaction', async () => {
    const pid = await backend();
    await expect(
      withPooledClient(ds, async (c) => {
        await c.query(`BEGIN; UPDATE counters SET n = 99`);
        throw new Error('Redis did not take the jobs');
      }),
    ).rejects.toThrow('Redis did not take the jobs');
    expect(await count()).toBe(0);
    // Same connection, usable, and not inside the failed transaction.
    expect(await backend()).toBe(pid);
    expect(
      await withPooledClient(ds, async (c) => (await c.query<{ s: string }>('SELECT pg_current_xact_id_if_assigned() AS s')).rows[0]!.s),
    ).toBeNull();
  });

  it('drops a connection that broke (its ROLLBACK fails too): the next call gets a new one', async () => {
    const pid = await backend();
    await expect(withPooledClient(ds, (c) => c.query('SELECT pg_terminate_backend(pg_backend_pid())'))).rejects.toThrow();
    const next = await backend();
    expect(next).not.toBe(pid);
    expect(await count()).toBe(0);
  });
});
