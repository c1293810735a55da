import { SetMetadata } from '@nestjs/common';
import type { EventEnvelope, EventName, EventPayloads } from '@qifu/contracts';
import type { EntityManager } from 'typeorm';

export const ON_EVENT = Symbol('qifu:on-event');

export interface InboxContext<N extends EventName = EventName> {
  /** The transaction that also records the event as handled: write through it. */
  manager: EntityManager;
  envelope: EventEnvelope<N>;
}

export type EventHandlerFn<N extends EventName> = (payload: EventPayloads[N], ctx: InboxContext<N>) => Promise<void>;

/** Marks a provider method as this service's one handler of event `name`. */
export function OnEvent<N extends EventName>(name: N) {
  return (target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<EventHandlerFn<N>>): void => {
    SetMetadata(ON_EVENT, name)(target, key, descriptor);
  };
}

export const ON_EVENT_BATCH = Symbol('qifu:on-event-batch');

/** One event of a batch: its payload and envelope. */
export interface BatchedEvent<N extends EventName> {
  payload: EventPayloads[N];
  envelope: EventEnvelope<N>;
}

/**
 * Handles, in one call, consecutive events of one name that share a transaction (up to INBOX_BATCH),
 * in the order they arrived; no two of them concern the same request (see splitByRequest), so the
 * handler may write them set-wise.
 */
export type EventBatchHandlerFn<N extends EventName> = (events: readonly BatchedEvent<N>[], manager: EntityManager) => Promise<void>;

/** Marks a provider method as this service's one handler of event `name`, taking events in batches (hot paths). */
export function OnEventBatch<N extends EventName>(name: N) {
  return (target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<EventBatchHandlerFn<N>>): void => {
    SetMetadata(ON_EVENT_BATCH, name)(target, key, descriptor);
  };
}
