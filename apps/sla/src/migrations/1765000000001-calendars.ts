import { CN_DEFAULT_CALENDAR_ID, CN_DEFAULT_WORKING_HOURS } from '@qifu/calendar';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored calendars (cn-default keeps only its amendments); timers remember the request's category for metrics. */
export class Calendars1765000000001 implements MigrationInterface {
  name = 'Calendars1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sla.calendars (
      id text PRIMARY KEY,
      name text NOT NULL,
      timezone text NOT NULL,
      working_hours jsonb NOT NULL,
      holidays jsonb NOT NULL DEFAULT '[]',
      workdays jsonb NOT NULL DEFAULT '[]',
      built_in boolean NOT NULL DEFAULT false,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO sla.calendars (id, name, timezone, working_hours, built_in) VALUES ($1, $2, 'Asia/Shanghai', $3, true)`, [
      CN_DEFAULT_CALENDAR_ID,
      'China (State Council holidays, Beijing time)',
      JSON.stringify(CN_DEFAULT_WORKING_HOURS),
    ]);
    await q.query(`ALTER TABLE sla.timers ADD COLUMN category text NULL`);
    // Metrics: the oldest alert due but not raised, and open timers, must not scan the table.
    await q.query(`CREATE INDEX timers_open ON sla.timers (state) WHERE state IN ('running', 'paused')`);
    // A request's alerts (its escalation level on every state change) without scanning every alert.
    await q.query(`CREATE INDEX alerts_request ON sla.alerts (request_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sla.alerts_request`);
    await q.query(`DROP INDEX sla.timers_open`);
    await q.query(`ALTER TABLE sla.timers DROP COLUMN category`);
    await q.query(`DROP TABLE sla.calendars`);
  }
}
