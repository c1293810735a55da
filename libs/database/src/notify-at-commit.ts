import type { EntityManager } from 'typeorm';

/** Per transaction (its query runner), the channels it has already signalled. */
const sent = new WeakMap<object, Set<string>>();

/**
 * NOTIFY `channel` when the caller's transaction commits (PgListener's "something committed" signal).
 * Listeners only need to wake, so a transaction sends it once however many rows it writes: a batch of
 * inbox events costs one NOTIFY, not one per event.
 */
export async function notifyAtCommit(manager: EntityManager, channel: string): Promise<void> {
  const tx = manager.queryRunner;
  const channels = tx ? (sent.get(tx) ?? new Set<string>()) : undefined;
  if (channels?.has(channel)) return;
  await manager.query('SELECT pg_notify($1, $2)', [channel, '']);
  if (tx && channels) {
    channels.add(channel);
    sent.set(tx, channels);
  }
}
