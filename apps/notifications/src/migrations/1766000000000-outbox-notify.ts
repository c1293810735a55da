import { createOutboxNotifyTrigger, dropOutboxNotifyTrigger } from '@qifu/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database wakes the outbox relay when events commit (no NOTIFY statement from the writer). */
export class OutboxNotify1766000000000 implements MigrationInterface {
  name = 'OutboxNotify1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await createOutboxNotifyTrigger(q, 'notifications');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxNotifyTrigger(q, 'notifications');
  }
}
