import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook subscriptions and their delivery log (one row per webhook and event, every try logged). */
export class Webhooks1765000000003 implements MigrationInterface {
  name = 'Webhooks1765000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications.webhooks (
      id uuid PRIMARY KEY,
      url text NOT NULL,
      events text[] NOT NULL,
      secret text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      description text NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE notifications.webhook_deliveries (
      id uuid PRIMARY KEY,
      webhook_id uuid NOT NULL REFERENCES notifications.webhooks (id) ON DELETE CASCADE,
      event_id uuid NOT NULL,
      type text NOT NULL,
      body text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'retrying', 'succeeded', 'dead')),
      attempts int NOT NULL DEFAULT 0,
      last_status_code int NULL,
      last_error text NULL,
      log jsonb NOT NULL DEFAULT '[]',
      enqueued_at timestamptz NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      delivered_at timestamptz NULL,
      UNIQUE (webhook_id, event_id))`);
    await q.query(`CREATE INDEX webhook_deliveries_log ON notifications.webhook_deliveries (webhook_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX webhook_deliveries_open ON notifications.webhook_deliveries (created_at) WHERE status IN ('pending', 'retrying')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications.webhook_deliveries`);
    await q.query(`DROP TABLE notifications.webhooks`);
  }
}
