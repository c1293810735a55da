import type { ServiceDatabaseOptions } from '@qifu/database';
import { InboxRecord, OutboxMessage } from '@qifu/messaging';
import { Company } from './companies/company.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { Search1764100000000 } from './migrations/1764100000000-search';
import { ReferenceSequences1764100000001 } from './migrations/1764100000001-reference-sequences';
import { Ledger1764100000002 } from './migrations/1764100000002-ledger';
import { CompanyName1764100000003 } from './migrations/1764100000003-company-name';
import { ActorName1764100000004 } from './migrations/1764100000004-actor-name';
import { AssignedAt1764100000005 } from './migrations/1764100000005-assigned-at';
import { OutboxNotify1766000000000 } from './migrations/1766000000000-outbox-notify';
import { OutboxLease1767000000000 } from './migrations/1767000000000-outbox-lease';
import { Request } from './requests/request.entity';
import { RequestEvent } from './timeline/request-event.entity';

export const SCHEMA = 'requests';

export function requestsDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: SCHEMA,
    entities: [Company, Request, RequestEvent, OutboxMessage, InboxRecord],
    migrations: [
      Initial1764000000000,
      Search1764100000000,
      ReferenceSequences1764100000001,
      Ledger1764100000002,
      CompanyName1764100000003,
      ActorName1764100000004,
      AssignedAt1764100000005,
      OutboxNotify1766000000000,
      OutboxLease1767000000000,
    ],
  };
}
