import { createTestDatabase, type TestDatabase } from '@qifu/testing';
import { Column, DataSource, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { dataSourceOptions, insertMany, insertManyTogether, pgErrorCode, preparedQuery } from '../src';

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

@Entity('notes')
class Note {
  @PrimaryColumn('uuid')
  id!: string;

  @ManyToOne(() => Line, { nullable: false })
  @JoinColumn({ name: 'line_id' })
  line!: Line;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId!: string;

  @Column('text')
  text!: string;
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('insertMany against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('insertmany');
    ds = new DataSource({
      ...dataSourceOptions({ url: db.url, schema: 'public', entities: [Line, Note], migrations: [] }),
      synchronize: true,
    });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => ds.query('TRUNCATE lines, notes'));
  afterEach(() => jest.restoreAllMocks());

  const read = () => ds.getRepository(Line).find({ order: { seq: 'ASC' } });
  /** The statements sent from now on: TypeORM and preparedQuery log each one. */
  const recording = () => {
    const statements: string[] = [];
    jest.spyOn(ds.logger, 'logQuery').mockImplementation((sql: string) => void statements.push(sql));
    return statements;
  };

  it('writes every row as given, JSON values as JSON (a string stays a string), in one statement', async () => {
    const at = new Date('2026-12-06T08:30:00.123Z');
    const statements = recording();
    await insertMany(ds.manager, Line, [
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

  describe('insertManyTogether', () => {
    it('writes the rows of several tables in one statement, a row referring to one written beside it', async () => {
      const statements = recording();
      const now = new Date();
      await insertManyTogether(ds.manager, [
        { target: Line, rows: [1, 2].map((n) => ({ id: id(n), label: `line ${n}`, data: { n }, createdAt: now, score: n })) },
        { target: Note, rows: [{ id: id(11), lineId: id(2), text: 'about line 2' }] },
      ]);
      expect(statements).toHaveLength(1);
      expect((await read()).map((r) => [r.label, r.data])).toEqual([
        ['line 1', { n: 1 }],
        ['line 2', { n: 2 }],
      ]);
      expect(await ds.getRepository(Note).find()).toEqual([{ id: id(11), lineId: id(2), text: 'about line 2' }]);
    });

    it('writes nothing when a row breaks a constraint: the other table stays empty too', async () => {
      const now = new Date();
      await expect(
        insertManyTogether(ds.manager, [
          { target: Line, rows: [{ id: id(1), label: 'kept?', createdAt: now, data: null, score: null }] },
          { target: Note, rows: [{ id: id(11), lineId: id(9), text: 'about a line that is not there' }] },
        ]),
      ).rejects.toThrow(/foreign key/);
      expect(await read()).toEqual([]);
    });

    it('runs a leading UPDATE in the same statement, its parameters numbered before the parts', async () => {
      const now = new Date();
      await insertMany(ds.manager, Line, [{ id: id(1), label: 'before', createdAt: now, data: null, score: 1 }]);
      const statements = recording();
      await insertManyTogether(ds.manager, [{ target: Note, rows: [{ id: id(11), lineId: id(1), text: 'scored' }] }], {
        sql: 'UPDATE lines SET score = $2 WHERE id = $1',
        params: [id(1), 5],
      });
      expect(statements).toHaveLength(1);
      expect((await read()).map((r) => r.score)).toEqual([5]);
      expect(await ds.getRepository(Note).count()).toBe(1);
    });

    it('writes part by part, in order, when one part must go through TypeORM (an array column)', async () => {
      const now = new Date();
      const statements = await ds.transaction(async (t) => {
        const statements = recording();
        await insertManyTogether(t, [
          { target: Line, rows: [{ id: id(1), label: 'tagged', createdAt: now, tags: ['a'] }] },
          { target: Note, rows: [{ id: id(11), lineId: id(1), text: 'after its line' }] },
          { target: Note, rows: [] },
        ]);
        return [...statements]; // before the COMMIT
      });
      // The line went through TypeORM, then the note alone: the foreign key saw its line.
      expect(statements).toEqual([
        expect.stringMatching(/^INSERT INTO "public"."lines".* VALUES /),
        expect.stringMatching(/^INSERT INTO "public"."notes".* unnest\(/),
      ]);
      expect((await read()).map((r) => r.tags)).toEqual([['a']]);
      expect(await ds.getRepository(Note).count()).toBe(1);
    });

    it('outside a transaction, writes the parts written apart all or nothing', async () => {
      const now = new Date();
      const write = insertManyTogether(ds.manager, [
        { target: Line, rows: [{ id: id(1), label: 'tagged', createdAt: now, tags: ['a'] }] },
        { target: Note, rows: [{ id: id(11), lineId: id(99), text: 'about a line that is not there' }] },
      ]);
      await expect(write).rejects.toThrow(/foreign key/);
      expect(await read()).toEqual([]);
      expect(await ds.getRepository(Note).count()).toBe(0);
    });
  });

  describe('preparedQuery', () => {
    const prepared = (t: typeof ds.manager, text: string) =>
      t.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [text]) as Promise<{ n: number }[]>;

    it('answers as manager.query does: rows for a SELECT, rows and count for an UPDATE', async () => {
      const now = new Date();
      await insertMany(
        ds.manager,
        Line,
        [1, 2].map((n) => ({ id: id(n), label: `l${n}`, createdAt: now, data: null, score: n })),
      );
      const text = 'SELECT label FROM lines WHERE score >= $1 ORDER BY score';
      expect(await preparedQuery(ds.manager, text, [1])).toEqual(await ds.query(text, [1]));
      const update = 'UPDATE lines SET score = score + 10 WHERE score >= $1 RETURNING label';
      expect(await preparedQuery(ds.manager, update, [2])).toEqual([[{ label: 'l2' }], 1]);
    });

    it('prepares a text once on its connection, however often it runs', async () => {
      await ds.transaction(async (t) => {
        const text = 'SELECT $1::int + 1 AS n';
        for (const n of [1, 2, 3]) expect(await preparedQuery(t, text, [n])).toEqual([{ n: n + 1 }]);
        expect(await prepared(t, text)).toEqual([{ n: 1 }]);
        expect(await prepared(t, 'SELECT $1::int + 2 AS n')).toEqual([{ n: 0 }]);
      });
    });

    it("fails as manager.query does, with PostgreSQL's code, and goes back with the transaction", async () => {
      const now = new Date();
      const insert = 'INSERT INTO lines (id, label, created_at) VALUES ($1, $2, $3)';
      const err = await ds
        .transaction(async (t) => {
          await preparedQuery(t, insert, [id(1), 'first', now]);
          await preparedQuery(t, insert, [id(1), 'again', now]);
        })
        .catch((e: unknown) => e);
      expect(pgErrorCode(err)).toBe('23505');
      expect(await read()).toEqual([]);
    });
  });
});
