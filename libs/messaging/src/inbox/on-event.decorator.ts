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
