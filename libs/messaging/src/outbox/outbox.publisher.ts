import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EventName, EventPayloads } from '@qifu/contracts';
import type { EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { OutboxMessage } from './outbox-message.entity';

export function outboxChannel(schema: string): string {
  return `qifu_outbox_${schema}`;
}

/**
 * The only way a service emits an event: the row is written by the caller's transaction, so the
 * event exists if and only if the change committed. NOTIFY wakes the relays at commit.
 */
@Injectable()
export class OutboxPublisher {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async publish<N extends EventName>(manager: EntityManager, name: N, payload: EventPayloads[N], at = new Date()): Promise<string> {
    const id = randomUUID();
    await manager.insert(OutboxMessage, { id, name, payload: payload as object, occurredAt: at, publishedAt: null });
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.options.schema), id]);
    return id;
  }
}
