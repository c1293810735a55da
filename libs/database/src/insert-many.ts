import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { preparedQuery } from './prepared-query';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Inserts rows of an entity in one statement whose text does not grow with the batch:
 * `INSERT INTO t (a, b) SELECT * FROM unnest($1::uuid[], $2::text[])`, one array parameter per
 * column. TypeORM's multi-row insert names a parameter per value and checks each new name against
 * the earlier ones (quadratic in the batch), which took a quarter of the SLA service's time at 200
 * filings/s.
 *
 * Same rows in, same rows out as `manager.insert`: a column left undefined in every row takes its
 * database default (it is not listed). Where this cannot say the same thing as TypeORM (a column
 * undefined in some rows only, array, enum or transformed columns), it hands the rows to TypeORM.
 */
export async function insertMany<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
): Promise<void> {
  await insertManyTogether(m, [{ target, rows }]);
}

/** Rows of one entity for insertManyTogether. */
export interface InsertPart<T extends ObjectLiteral = ObjectLiteral> {
  target: EntityTarget<T>;
  rows: readonly QueryDeepPartialEntity<T>[];
}

/** A statement that returns no rows (an UPDATE, a DELETE) with its parameters ($1…$n), to run with inserts. */
export interface LeadingStatement {
  sql: string;
  params: readonly unknown[];
}

/**
 * insertMany for several tables in one statement, one data-modifying CTE per table:
 * `WITH s1 AS (INSERT INTO a ...) INSERT INTO b ...`. One round trip instead of one per table, for
 * writes on a hot path (a filing's request, timeline line and event). Foreign keys between the parts
 * hold: PostgreSQL checks them at the end of the statement. `first`, when given, joins as the first
 * CTE (an assignment's UPDATE with its event's INSERT); it must not touch the rows the parts insert,
 * as every part sees the database as it was before the statement. When a part must go through
 * TypeORM (see insertMany), `first` and each part run on their own, in the order given, in the
 * caller's transaction or, outside one, in a transaction of their own: all or nothing either way.
 */
export async function insertManyTogether(m: EntityManager, parts: readonly InsertPart[], first?: LeadingStatement): Promise<void> {
  const given = parts.filter((p) => p.rows.length > 0);
  const params: unknown[] = [...(first?.params ?? [])];
  const statements: string[] = first ? [first.sql] : [];
  for (const part of given) {
    const insert = arrayInsert(m, part, params);
    if (!insert) {
      // Outside a transaction the one statement was atomic by itself; its parts written apart are made so.
      if (!m.queryRunner?.isTransactionActive) return m.transaction((t) => insertManyTogether(t, parts, first));
      if (first) await m.query(first.sql, [...first.params]);
      for (const p of given) await insertOne(m, p);
      return;
    }
    statements.push(insert);
  }
  const last = statements.pop();
  if (!last) return;
  const ctes = statements.map((sql, i) => `s${i + 1} AS (${sql})`);
  // The text depends only on the tables and the columns given, not on the number of rows: prepared once per connection.
  await preparedQuery(m, ctes.length > 0 ? `WITH ${ctes.join(', ')} ${last}` : last, params);
}

async function insertOne(m: EntityManager, part: InsertPart): Promise<void> {
  const params: unknown[] = [];
  const sql = arrayInsert(m, part, params);
  if (sql) await preparedQuery(m, sql, params);
  else await m.insert(part.target, [...part.rows]);
}

/** `INSERT INTO t (a, b) SELECT * FROM unnest($n::uuid[], ...)`, its arrays appended to params; none when TypeORM must write the rows. */
function arrayInsert(m: EntityManager, { target, rows }: InsertPart, params: unknown[]): string | undefined {
  const meta = m.connection.getMetadata(target);
  const columns = arrayColumns(m, meta, rows);
  if (!columns) return undefined;
  const driver = m.connection.driver;
  const table = meta.schema ? `${driver.escape(meta.schema)}.${driver.escape(meta.tableName)}` : driver.escape(meta.tableName);
  const names = columns.map((c) => driver.escape(c.name)).join(', ');
  const arrays = columns.map((c) => `$${params.push(c.values)}::${c.type}[]`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`;
}

/**
 * The columns to list and each one's values, in row order; none when TypeORM must write the rows (a
 * column given in some rows only, or one that does not travel as a plain array, or nothing given).
 */
function arrayColumns(
  m: EntityManager,
  meta: EntityMetadata,
  rows: readonly ObjectLiteral[],
): { name: string; type: string; values: unknown[] }[] | undefined {
  const columns: { name: string; type: string; values: unknown[] }[] = [];
  for (const column of meta.columns) {
    if (!column.isInsert || column.isVirtual || column.isVirtualProperty) continue;
    const values = rows.map((row) => column.getEntityValue(row) as unknown);
    const given = values.filter((v) => v !== undefined).length;
    if (given === 0) continue;
    if (given < rows.length || !plain(column)) return undefined;
    const type = m.connection.driver.normalizeType(column);
    columns.push({ name: column.databaseName, type, values: type === 'json' || type === 'jsonb' ? values.map(json) : values });
  }
  return columns.length > 0 ? columns : undefined;
}

/** A column whose values travel as one Postgres array of its type. */
function plain(column: ColumnMetadata): boolean {
  return (
    !column.isArray &&
    !column.transformer &&
    !column.enum &&
    !['enum', 'simple-enum', 'simple-array', 'simple-json'].includes(String(column.type))
  );
}

/** JSON values travel as text (`jsonb[]` parses each element), so a string is not taken for JSON text. */
function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
