import { createHash } from 'node:crypto';
import type { PoolClient, QueryResult } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/** The statement's name on each connection: a digest of its text, so one text always has one name. */
function nameOf(text: string): string {
  return `q_${createHash('sha1').update(text).digest('base64url')}`;
}

/**
 * `manager.query(text, params)` as a named prepared statement, for the statements every filing runs:
 * PostgreSQL parses and plans it once per connection and then only binds and executes it (after its
 * first five runs it may keep a generic plan), where an unnamed statement is parsed, analysed and
 * planned on every call. Same result shape as `manager.query` (rows; `[rows, count]` for UPDATE and
 * DELETE), same logging and `QueryFailedError` on failure, in the manager's transaction when it has
 * one. Only for fixed texts (each distinct text stays prepared on every connection that ran it) that
 * name the columns they return: a prepared `*` fails on its connection once a column is added.
 */
export async function preparedQuery<T = unknown>(m: EntityManager, text: string, params: readonly unknown[] = []): Promise<T> {
  const runner = m.queryRunner ?? m.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const values = [...params];
    m.connection.logger.logQuery(text, values, runner);
    let raw: QueryResult;
    try {
      raw = await client.query({ name: nameOf(text), text, values });
    } catch (err) {
      m.connection.logger.logQueryError(err as Error, text, values, runner);
      throw new QueryFailedError(text, values, err as Error);
    }
    return (raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows) as T;
  } finally {
    if (!m.queryRunner) await runner.release();
  }
}
