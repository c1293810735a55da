import { dataSourceOptions, migrateServiceDatabase } from '@qifu/database';
import { createTestDatabase, type TestDatabase } from '@qifu/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { assignmentDatabase } from '../src/database';
import { claimSeats, insertFilingsWithPool } from '../src/routing/officer-seats';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Routing's batch statements against the assignment schema in PostgreSQL: new filings with their officers, a batch's seats. */
describe('officer seats against PostgreSQL', () => {
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

  it('records new filings as waiting, skips one already recorded, and reads the officers who could take them in the same statement', async () => {
    await ds.query(`UPDATE users SET categories = '{hiring}', last_assigned_at = '2026-12-07T08:00:00.123456Z' WHERE id = $1`, [id(3)]);
    await ds.query(`UPDATE users SET categories = '{hiring}', available = true WHERE id = $1`, [id(3)]);
    await ds.query(`UPDATE users SET categories = '{finance}' WHERE id = $1`, [id(5)]);
    const filing = (n: number, liaison: string | null, category: string) => ({
      requestId: id(100 + n),
      referenceNo: `QF-2026-00000${n}`,
      companyId: id(200),
      liaisonOfficerId: liaison,
      category: category as never,
      priority: 'normal' as never,
      filedAt: new Date('2026-12-07T08:30:00Z'),
    });
    const first = await ds.transaction((m) => insertFilingsWithPool(m, [filing(1, id(1), 'other')]));
    expect([...first.fresh]).toEqual([id(101)]);
    expect(first.pool.map((o) => o.id)).toEqual([id(1)]);
    // Filing 1 again (another event id for the same filing) is left out; 2 asks for hiring officers.
    const second = await ds.transaction((m) => insertFilingsWithPool(m, [filing(1, id(1), 'other'), filing(2, null, 'hiring')]));
    expect([...second.fresh]).toEqual([id(102)]);
    expect(second.pool.map((o) => o.id).sort()).toEqual([id(1), id(3)]);
    const hiring = second.pool.find((o) => o.id === id(3))!;
    expect(hiring.lastAssignedAt).toEqual(new Date('2026-12-07T08:00:00.123Z'));
    expect(hiring).toMatchObject({ categories: ['hiring'], capacity: 5, openCount: 0, available: true, displayName: 'Officer 3' });
    const recorded = (await ds.query('SELECT request_id, state, filed_at FROM assignments ORDER BY request_id')) as {
      request_id: string;
      state: string;
      filed_at: Date;
    }[];
    expect(recorded).toEqual([
      { request_id: id(101), state: 'waiting', filed_at: new Date('2026-12-07T08:30:00Z') },
      { request_id: id(102), state: 'waiting', filed_at: new Date('2026-12-07T08:30:00Z') },
    ]);
  });
});
