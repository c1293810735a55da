import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

type ObtainConnection = { obtainMasterConnection(): Promise<[PoolClient, (err?: unknown) => void]> };

/**
 * Runs `fn` on one of the DataSource's pooled connections as a plain pg client, for the few places
 * that send several statements in one round trip (the simple protocol runs `BEGIN; UPDATE …` as one
 * message, which TypeORM's query API cannot return the rows of). The connection goes back to the
 * pool afterwards; if it broke (an error event, or a ROLLBACK after `fn` failed that failed too),
 * the pool drops it. `fn` owns any transaction it opens: it must commit it, or throw.
 */
export async function withPooledClient<T>(dataSource: DataSource, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const [client, release] = await (dataSource.driver as unknown as ObtainConnection).obtainMasterConnection();
  let broken: unknown;
  // A connection that dies while checked out emits 'error' on the client (the pool listens only
  // to idle ones): noted here, so it is dropped, instead of an unhandled error.
  const onError = (err: unknown): unknown => (broken = err);
  client.on('error', onError);
  try {
    return await fn(client);
  } catch (err) {
    if (!broken) await client.query('ROLLBACK').catch((rollbackFailed: unknown) => (broken = rollbackFailed));
    throw err;
  } finally {
    client.off('error', onError);
    release(broken);
  }
}
