import { Injectable } from '@nestjs/common';
import type { SlaAlertV1 } from '@qifu/contracts';
import { OutboxPublisher } from '@qifu/messaging';
import { DataSource } from 'typeorm';
import { SlaAlert } from './sla-alert.entity';
import { SlaTimer } from './sla-timer.entity';
import { SlaTimersService } from './sla-timers.service';

/** A raise more than this long after its instant is flagged late (API.md: within 1 second). */
export const LATE_AFTER_MS = 1_000;

export type RaiseResult =
  | { outcome: 'raised'; kind: SlaAlert['kind']; target: SlaTimer['target']; category: string | null; lateMs: number; late: boolean }
  | { outcome: 'skipped' | 'early' };

const SKIPPED: RaiseResult = { outcome: 'skipped' };

/**
 * Raises one alert exactly once: the alert and its timer are locked, and whoever sets raised_at
 * first writes the event to the outbox in the same transaction; every later attempt sees it raised.
 */
@Injectable()
export class SlaAlertProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly timers: SlaTimersService,
  ) {}

  async raise(alertId: string, expectedFireAt: number, now = new Date()): Promise<RaiseResult> {
    return this.dataSource.transaction(async (m) => {
      // Lock order on every path: the timer row first, then its alert rows (meet, pause, resume, stop
      // and plan replacement lock the timer and then write its alerts). The other order deadlocks.
      const peek = await m.findOne(SlaAlert, { where: { id: alertId } });
      if (!peek || peek.raisedAt || peek.cancelledAt) return SKIPPED;
      const timer = await m.findOne(SlaTimer, { where: { id: peek.timerId }, lock: { mode: 'pessimistic_write' } });
      const alert = await m.findOne(SlaAlert, { where: { id: alertId }, lock: { mode: 'pessimistic_write' } });
      if (!alert || alert.raisedAt || alert.cancelledAt || !alert.fireAt) return SKIPPED;
      if (alert.fireAt.getTime() !== expectedFireAt) return SKIPPED; // moved (resumed): a newer job carries it
      if (alert.fireAt.getTime() > now.getTime()) return { outcome: 'early' };
      if (!timer || timer.state === 'paused' || timer.state === 'met') return SKIPPED;
      const lateMs = now.getTime() - alert.fireAt.getTime();
      const late = lateMs > LATE_AFTER_MS;
      await m.update(SlaAlert, { id: alert.id }, { raisedAt: now, late });
      const base: SlaAlertV1 = {
        alertId: alert.id,
        requestId: timer.requestId,
        referenceNo: timer.referenceNo,
        target: timer.target,
        label: timer.label,
        dueAt: timer.dueAt.toISOString(),
        raisedAt: now.toISOString(),
        late,
        assigneeId: timer.assigneeId,
        supervisorId: timer.supervisorId,
      };
      if (alert.kind === 'warning') {
        await this.outbox.publish(m, 'sla.warning.v1', { ...base, fraction: alert.fraction ?? 0 });
      } else if (alert.kind === 'breach') {
        await m.update(SlaTimer, { id: timer.id }, { state: 'breached', breachedAt: now });
        await this.outbox.publish(m, 'sla.breached.v1', base);
        await this.timers.publishState(m, timer.requestId);
      } else {
        await this.outbox.publish(m, 'sla.escalated.v1', { ...base, level: alert.level, notify: alert.notify ?? 'supervisor' });
        await this.timers.publishState(m, timer.requestId);
      }
      return { outcome: 'raised', kind: alert.kind, target: timer.target, category: timer.category, lateMs, late };
    });
  }
}
