import type { ServiceDatabaseOptions } from '@qifu/database';
import { InboxRecord, OutboxMessage } from '@qifu/messaging';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { Milestones1764100000000 } from './migrations/1764100000000-milestones';
import { Calendars1765000000001 } from './migrations/1765000000001-calendars';
import { Assignees1765000000002 } from './migrations/1765000000002-assignees';
import { OutboxNotify1766000000000 } from './migrations/1766000000000-outbox-notify';
import { OutboxLease1767000000000 } from './migrations/1767000000000-outbox-lease';
import { AssigneeReadAtRaise1766000000001 } from './migrations/1766000000001-assignee-read-at-raise';
import { AlertsTimerIndex1766000000002 } from './migrations/1766000000002-alerts-timer-index';
import { AlertsLean1766000000003 } from './migrations/1766000000003-alerts-lean';
import { CalendarRow } from './calendars/calendar.entity';
import { SlaPolicy } from './policies/policy.entity';
import { SlaAlert } from './timers/sla-alert.entity';
import { SlaTimer } from './timers/sla-timer.entity';

export const SCHEMA = 'sla';

export function slaDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: SCHEMA,
    entities: [CalendarRow, SlaPolicy, SlaTimer, SlaAlert, OutboxMessage, InboxRecord],
    migrations: [
      Initial1764000000000,
      Milestones1764100000000,
      Calendars1765000000001,
      Assignees1765000000002,
      OutboxNotify1766000000000,
      AssigneeReadAtRaise1766000000001,
      AlertsTimerIndex1766000000002,
      AlertsLean1766000000003,
      OutboxLease1767000000000,
    ],
  };
}
