import { dataSourceOptions, migrateServiceDatabase } from '@qifu/database';
import { createTestDatabase, type TestDatabase } from '@qifu/testing';
import { DataSource } from 'typeorm';
import { requestsDatabase } from '../src/database';
import { ReferenceNumbers } from '../src/requests/reference-numbers';

/** A year's reference-number sequence when the year turned before the hourly check, against PostgreSQL. */
describe('ReferenceNumbers against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('refnos');
    await migrateServiceDatabase(requestsDatabase(db.url));
    ds = new DataSource(dataSourceOptions(requestsDatabase(db.url)));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const exists = async (year: number): Promise<boolean> =>
    ((await ds.query('SELECT to_regclass($1) AS r', [`reference_seq_${year}`])) as { r: string | null }[])[0]!.r !== null;
  const next = async (name: string): Promise<string> => ((await ds.query(`SELECT nextval('${name}') AS n`)) as { n: string }[])[0]!.n;

  it('creates an unprepared year outside a transaction, as a filing batch asks', async () => {
    const numbers = new ReferenceNumbers(ds);
    expect(await exists(2091)).toBe(false);
    expect(await next(await numbers.sequenceFor(ds.manager, 2091))).toBe('1');
  });

  it('creates an unprepared year inside a transaction, as a keyed filing asks, and the transaction goes on', async () => {
    const numbers = new ReferenceNumbers(ds);
    await ds.query('CREATE SEQUENCE reference_seq_2092'); // another replica was first
    const written = await ds.transaction(async (m) => {
      await numbers.sequenceFor(m, 2092);
      await numbers.sequenceFor(m, 2093);
      return ((await m.query(`SELECT nextval('reference_seq_2093') AS n`)) as { n: string }[])[0]!.n;
    });
    expect(written).toBe('1');
    expect(await exists(2093)).toBe(true);
  });
});
