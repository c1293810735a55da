import { dataSourceOptions, migrateServiceDatabase } from '@qifu/database';
import { createTestDatabase, type TestDatabase } from '@qifu/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { assignmentDatabase } from '../src/database';
import { claimSeats } from '../src/routing/officer-seats';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Taking a batch's seats in one statement, against the assignment schema in PostgreSQL. */
describe('claimSeats against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('seats');
    await migrateServiceDatabase(assignmentDatabase(db.url));
    ds = new DataSource(dataSourceOptions(assignmentDatabase(db.url)));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  beforeEach(async () => {
    await ds.query('TRUNCATE users CASCADE');
    await ds.query(
      `INSERT INTO users (id, username, password_hash, display_name, role, capacity, open_count, available)
       SELECT id, 'u' || n, 'x', 'Officer ' || n, role, capacity, open_count, available
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::int[], $6::boolean[]) AS t (id, n, role, capacity, open_count, available)`,
      [
        [1, 2, 3, 4, 5].map(id),
        [1, 2, 3, 4, 5],
        ['officer', 'officer', 'officer', 'supervisor', 'officer'],
        [3, 2, 5, 5, 5],
        [1, 2, 0, 0, 0],
        [true, true, false, true, true],
      ],
    );
  });

  const openCounts = async (): Promise<number[]> =>
    ((await ds.query('SELECT open_count FROM users ORDER BY id')) as { open_count: number }[]).map((r) => r.open_count);

  it('gives an officer all the seats asked of them or none, and only to available officers with room', async () => {
    // 1 has room for 2, 2 is full, 3 is unavailable, 4 is not an officer.
    const got = await ds.transaction((m) => claimSeats(m, [id(1), id(2), id(1), id(3), id(4)]));
    expect([...got.keys()]).toEqual([id(1)]);
    expect(got.get(id(1))).toEqual({ id: id(1), displayName: 'Officer 1', departmentId: null, supervisorId: null });
    expect(await openCounts()).toEqual([3, 2, 0, 0, 0]);
    // Three more of officer 5 fit; a fourth seat for 1 does not, so 1 gets none of this batch.
    const next = await ds.transaction((m) => claimSeats(m, [id(5), id(1), id(5), id(5)]));
    expect([...next.keys()]).toEqual([id(5)]);
    expect(await openCounts()).toEqual([3, 2, 0, 0, 3]);
  });

  it('lets two batches that want the same officers in opposite order both finish, re-checking room against the newest rows', async () => {
    // Officer 1 has two seats left, officer 5 has five.
    const slow = (ids: string[], holdMs: number) =>
      ds.transaction(async (m: EntityManager) => {
        const got = await claimSeats(m, ids);
        await sleep(holdMs);
        return [...got.keys()].sort();
      });
    const [first, second] = await Promise.all([slow([id(1), id(1), id(5)], 300), sleep(50).then(() => slow([id(5), id(1)], 0))]);
    // The first batch got both; the second waited for it (no deadlock), then found officer 1 full.
    expect(first).toEqual([id(1), id(5)]);
    expect(second).toEqual([id(5)]);
    expect(await openCounts()).toEqual([3, 2, 0, 0, 2]);
  });
});
