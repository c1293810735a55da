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
    const rows = this.rows(events, at);
    await insertMany(manager, OutboxMessage, rows);
    return rows.map((r) => r.id);
  }

  /** The outbox rows of events, for a caller that writes them with its own rows in one statement (insertManyTogether). */
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
