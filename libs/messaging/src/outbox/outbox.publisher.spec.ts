import type { EntityManager } from 'typeorm';
import { OUTBOX_LEASE_MS, type OutboxEvent, OutboxPublisher } from './outbox.publisher';

describe('OutboxPublisher rows', () => {
  const event = (i: number) => ({ name: 'request.filed.v1', payload: { i } }) as unknown as OutboxEvent;
  /** A manager in a transaction of its own (only its query runner matters here). */
  const inTransaction = () => ({ queryRunner: {} }) as unknown as EntityManager;

  it('gives rows without a lease outside a transaction that sends its own events', () => {
    const publisher = new OutboxPublisher();
    const m = inTransaction();
    expect(publisher.rowsFor(m, [event(1)]).map((r) => 'leaseUntil' in r)).toEqual([false]);
    expect(publisher.rowsFor({} as EntityManager, [event(1)]).map((r) => 'leaseUntil' in r)).toEqual([false]);
    expect(publisher.committed(m)).toEqual([]);
  });

  it('leases and keeps the rows of a transaction that sends its events after its commit, and hands them over once', () => {
    const publisher = new OutboxPublisher();
    const m = inTransaction();
    const other = inTransaction();
    publisher.sendAfterCommit(m);
    const before = Date.now();
    const first = publisher.rowsFor(m, [event(1), event(2)]);
    const second = publisher.rowsFor(m, [event(3)]);
    publisher.rowsFor(other, [event(4)]);
    const kept = publisher.committed(m);
    expect(kept.map((r) => r.payload)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    expect(kept.map((r) => r.id)).toEqual([...first, ...second].map((r) => r.id));
    for (const r of kept) expect(r.leaseUntil.getTime()).toBeGreaterThanOrEqual(before + OUTBOX_LEASE_MS);
    expect(publisher.committed(m)).toEqual([]);
    expect(publisher.committed(other)).toEqual([]);
  });
});
