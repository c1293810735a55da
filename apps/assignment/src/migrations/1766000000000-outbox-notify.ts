import { outboxNotifyMigration } from '@qifu/messaging';

/** The database wakes the outbox relay when events commit (no NOTIFY statement from the writer). */
export const OutboxNotify1766000000000 = outboxNotifyMigration('assignment');
