import { createTestDatabase, type TestDatabase } from '@qifu/testing';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { dataSourceOptions, insertMany } from '../src';

@Entity('lines')
class Line {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', generated: 'increment', insert: false })
  seq!: string;

  @Column('text')
  label!: string;

  @Column('jsonb', { nullable: true })
  data!: Record<string, unknown> | string | null;

  @Column('boolean', { default: true })
  visible!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('int', { nullable: true })
  score!: number | null;

  @Column('text', { array: true, default: '{}' })
  tags!: string[];
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('insertMany against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('insertmany');
    ds = new DataSource({ ...dataSourceOptions({ url: db.url, schema: 'public', entities: [Line], migrations: [] }), synchronize: true });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => ds.query('TRUNCATE lines'));

  const read = () => ds.getRepository(Line).find({ order: { seq: 'ASC' } });

  it('writes every row as given, JSON values as JSON (a string stays a string), in one statement', async () => {
    const at = new Date('2026-12-06T08:30:00.123Z');
    const statements: string[] = [];
    const m = ds.createEntityManager();
    const query = m.query.bind(m);
    m.query = ((sql: string, params?: unknown[]) => (statements.push(sql), query(sql, params))) as typeof m.query;
    await insertMany(m, Line, [
      { id: id(1), label: 'object', data: { a: 1, nested: ['x'] }, visible: false, createdAt: at, score: 7 },
      { id: id(2), label: 'string', data: 'just text', visible: true, createdAt: at, score: null },
      { id: id(3), label: 'it\'s "quoted", {braced}', data: null, visible: true, createdAt: at, score: -1 },
    ]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('unnest(');
    const rows = await read();
    expect(rows.map((r) => [r.id, r.label, r.data, r.visible, r.createdAt.toISOString(), r.score])).toEqual([
      [id(1), 'object', { a: 1, nested: ['x'] }, false, at.toISOString(), 7],
      [id(2), 'string', 'just text', true, at.toISOString(), null],
      [id(3), 'it\'s "quoted", {braced}', null, true, at.toISOString(), -1],
    ]);
    expect(rows.map((r) => r.tags)).toEqual([[], [], []]);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(3);
  });

  it('leaves a column undefined in every row to its default, like TypeORM', async () => {
    await insertMany(ds.manager, Line, [{ id: id(1), label: 'a', createdAt: new Date(), data: null, score: null }]);
    const [row] = await read();
    expect(row!.visible).toBe(true);
  });

  it('hands TypeORM what it cannot say the same way: a default wanted for some rows only, an array column', async () => {
    const now = new Date();
    await insertMany(ds.manager, Line, [
      { id: id(1), label: 'given', visible: false, createdAt: now },
      { id: id(2), label: 'default', createdAt: now },
      { id: id(3), label: 'tagged', createdAt: now, tags: ['urgent', 'a "b"'] },
    ]);
    const rows = await read();
    expect(rows.map((r) => [r.label, r.visible, r.tags])).toEqual([
      ['given', false, []],
      ['default', true, []],
      ['tagged', true, ['urgent', 'a "b"']],
    ]);
  });

  it('does nothing for no rows', async () => {
    await insertMany(ds.manager, Line, []);
    expect(await read()).toEqual([]);
  });
});
