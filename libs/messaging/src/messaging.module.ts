import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { InboxConsumer } from './inbox/inbox.consumer';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { OutboxPublisher } from './outbox/outbox.publisher';
import { OutboxRelay } from './outbox/outbox.relay';

/** Outbox publisher + relay and the inbox consumer of one service. Needs TypeORM's DataSource. */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, OutboxPublisher, OutboxRelay, InboxConsumer],
      exports: [OutboxPublisher, OutboxRelay, MESSAGING_OPTIONS],
    };
  }
}
