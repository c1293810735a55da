import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventName, EventPayloads } from '@qifu/contracts';
import { insertMany } from '@qifu/database';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

export function outboxChannel(schema: string): string {
  return `qifu_outbox_${schema}`;
}

/**
 * The only way a service emits an event: the row is written by the caller's transaction, so the
 * event exists if and only if the change committed. The outbox table's trigger NOTIFYs the relays
 * at commit (createOutboxNotifyTrigger).
 */
@Injectable()
export class OutboxPublisher {
  async publish<N extends EventName>(manager: EntityManager, name: N, payload: EventPayloads[N], at = new Date()): Promise<string> {
    const [id] = await this.publishMany(manager, [{ name, payload } as OutboxEvent], at);
    return id!;
  }

  /** Several events in one INSERT (for work done in batches, e.g. SLA alerts). */
  async publishMany(manager: EntityManager, events: readonly OutboxEvent[], at = new Date()): Promise<string[]> {
    if (events.length === 0) return [];
    const rows = this.rowsFor(manager, events, at);
    await insertMany(manager, OutboxMessage, rows);
    return rows.map((r) => r.id);
  }

  /**
   * The outbox rows of events written in `manager`'s transaction, for a caller that writes them with
   * its own rows in one statement (insertManyTogether). In a transaction whose owner sends its events
   * itself once it commits (sendAfterCommit), they carry a lease and are kept for that owner.
   */
  rowsFor(manager: EntityManager, events: readonly OutboxEvent[], at = new Date()): OutboxRow[] {
    const kept = manager.queryRunner ? this.afterCommit.get(manager.queryRunner) : undefined;
    if (!kept) return this.rows(events, at);
    const rows = this.leasedRows(events, at);
    kept.push(...rows);
    return rows;
  }

  /**
   * The events this transaction writes from now on are sent by its owner once it commits
   * (OutboxRelay.sendNow with `committed`), not by the relay: for a transaction run by a loop that can
   * send right after its commit (the inbox).
   */
  sendAfterCommit(manager: EntityManager): void {
    if (manager.queryRunner) this.afterCommit.set(manager.queryRunner, []);
  }

  /** The leased rows `manager`'s transaction wrote (sendAfterCommit), to send once it has committed. */
  committed(manager: EntityManager): LeasedOutboxRow[] {
    const kept = manager.queryRunner ? this.afterCommit.get(manager.queryRunner) : undefined;
    if (manager.queryRunner) this.afterCommit.delete(manager.queryRunner);
    return kept ?? [];
  }

  private readonly afterCommit = new WeakMap<object, LeasedOutboxRow[]>();

  /** The outbox rows of events, with no lease (the relay sends them). */
  rows(events: readonly OutboxEvent[], at = new Date()): OutboxRow[] {
    return events.map((e) => ({ id: randomUUID(), name: e.name, payload: e.payload as object, occurredAt: at, publishedAt: null }));
  }

  /**
   * Rows the writer sends itself once they are written outside a transaction (OutboxRelay.sendNow):
   * each carries a lease, so the relay leaves it alone unless the writer fails to send it.
   */
  leasedRows(events: readonly OutboxEvent[], at = new Date()): LeasedOutboxRow[] {
    const leaseUntil = new Date(Date.now() + OUTBOX_LEASE_MS);
    return this.rows(events, at).map((r) => ({ ...r, leaseUntil }));
  }
}

/** How long the relay leaves a row to the writer that sends it itself. */
export const OUTBOX_LEASE_MS = 10_000;

/** An outbox row as written. */
export type OutboxRow = Pick<OutboxMessage, 'id' | 'name' | 'occurredAt' | 'publishedAt'> & { payload: object };
/** An outbox row its writer sends itself. */
export type LeasedOutboxRow = OutboxRow & { leaseUntil: Date };

/** One event for publishMany: the name and its payload, typed together. */
export type OutboxEvent = { [N in EventName]: { name: N; payload: EventPayloads[N] } }[EventName];
