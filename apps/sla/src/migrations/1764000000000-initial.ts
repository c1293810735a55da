import { createMessagingTables } from '@qifu/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'sla');
    await q.query(`CREATE TABLE sla.policies (
      name text PRIMARY KEY,
      match_category text NULL, match_priority text NULL,
      calendar_id text NOT NULL,
      response_duration text NOT NULL, response_clock text NOT NULL,
      resolution_duration text NOT NULL, resolution_clock text NOT NULL,
      warn_at jsonb NOT NULL, escalation jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO sla.policies VALUES
      ('default', NULL, NULL, 'cn-default', 'PT4H', 'business', 'P3D', 'business', '[0.5, 0.8]',
       '[{"after":"P1D","notify":"department_head"},{"after":"P2D","notify":"admin"}]', now()),
      ('urgent', NULL, 'urgent', 'cn-default', 'PT30M', 'calendar', 'PT24H', 'calendar', '[0.5, 0.8]',
       '[{"after":"PT2H","notify":"department_head"},{"after":"PT8H","notify":"admin"}]', now())`);
    await q.query(`CREATE TABLE sla.timers (
      id uuid PRIMARY KEY,
      request_id uuid NOT NULL,
      reference_no text NOT NULL,
      target text NOT NULL CHECK (target IN ('response','resolution')),
      policy_name text NOT NULL, calendar_id text NOT NULL, clock text NOT NULL, duration text NOT NULL,
      started_at timestamptz NOT NULL, due_at timestamptz NOT NULL,
      state text NOT NULL CHECK (state IN ('running','paused','met','breached')),
      paused_at timestamptz NULL, remaining_ms bigint NULL,
      met_at timestamptz NULL, breached_at timestamptz NULL,
      assignee_id uuid NULL, supervisor_id uuid NULL,
      UNIQUE (request_id, target))`);
    await q.query(`CREATE TABLE sla.alerts (
      id uuid PRIMARY KEY,
      timer_id uuid NOT NULL REFERENCES sla.timers(id),
      request_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('warning','breach','escalation')),
      level int NOT NULL,
      fraction double precision NULL, notify text NULL,
      fire_at timestamptz NULL, raised_at timestamptz NULL, cancelled_at timestamptz NULL,
      late boolean NOT NULL DEFAULT false,
      queued_epoch text NULL,
      UNIQUE (timer_id, kind, level))`);
    await q.query(
      `CREATE INDEX alerts_pending ON sla.alerts (fire_at) WHERE raised_at IS NULL AND cancelled_at IS NULL AND fire_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX alerts_timer ON sla.alerts (timer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['alerts', 'timers', 'policies', 'inbox', 'outbox']) await q.query(`DROP TABLE sla.${t}`);
  }
}
