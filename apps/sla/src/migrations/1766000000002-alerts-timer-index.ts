import type { MigrationInterface, QueryRunner } from 'typeorm';

/** alerts_timer (timer_id) repeats the head of the unique (timer_id, kind, level) index, which serves the same lookups. */
export class AlertsTimerIndex1766000000002 implements MigrationInterface {
  name = 'AlertsTimerIndex1766000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sla.alerts_timer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX alerts_timer ON sla.alerts (timer_id)`);
  }
}
