import type { ServiceDatabaseOptions } from '@qifu/database';
import { InboxRecord, OutboxMessage } from '@qifu/messaging';
import { Department } from './directory/department.entity';
import { User } from './directory/user.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { Transfers1764100000000 } from './migrations/1764100000000-transfers';
import { Acceptance1764100000001 } from './migrations/1764100000001-acceptance';
import { TakenBack1764100000002 } from './migrations/1764100000002-taken-back';
import { OutboxNotify1766000000000 } from './migrations/1766000000000-outbox-notify';
import { OutboxLease1767000000000 } from './migrations/1767000000000-outbox-lease';
import { Assignment } from './routing/assignment.entity';

export const SCHEMA = 'assignment';

export function assignmentDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: SCHEMA,
    entities: [Department, User, Assignment, OutboxMessage, InboxRecord],
    migrations: [
      Initial1764000000000,
      Transfers1764100000000,
      Acceptance1764100000001,
      TakenBack1764100000002,
      OutboxNotify1766000000000,
      OutboxLease1767000000000,
    ],
  };
}
