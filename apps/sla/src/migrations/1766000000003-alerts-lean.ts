import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every filing writes eight alerts, so each index and check on the table is paid eight times per
 * filing. Two go: `alerts_request` (the one query by request reaches the alerts through the request's
 * timers instead) and the foreign key to timers (alerts are written only with their timer, by the
 * same code, and removed before it; a raise skips an alert whose timer is gone).
 */
export class AlertsLean1766000000003 implements MigrationInterface {
  name = 'AlertsLean1766000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sla.alerts_request`);
    await q.query(`ALTER TABLE sla.alerts DROP CONSTRAINT alerts_timer_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla.alerts ADD CONSTRAINT alerts_timer_id_fkey FOREIGN KEY (timer_id) REFERENCES sla.timers(id)`);
    await q.query(`CREATE INDEX alerts_request ON sla.alerts (request_id)`);
  }
}
