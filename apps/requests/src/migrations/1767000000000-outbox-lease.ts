import { outboxLeaseMigration } from '@qifu/messaging';

/** Events the writer sends itself carry a lease; the relay leaves them until it runs out. */
export const OutboxLease1767000000000 = outboxLeaseMigration('requests');
