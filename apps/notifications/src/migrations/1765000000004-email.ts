import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alert emails: one row per event and reader, rendered in the reader's language when planned. */
export class Email1765000000004 implements MigrationInterface {
  name = 'Email1765000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications.email_deliveries (
      id uuid PRIMARY KEY,
      event_id uuid NOT NULL,
      user_id uuid NOT NULL,
      to_address text NOT NULL,
      locale text NOT NULL,
      type text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'retrying', 'succeeded', 'dead')),
      attempts int NOT NULL DEFAULT 0,
      last_error text NULL,
      enqueued_at timestamptz NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      delivered_at timestamptz NULL,
      UNIQUE (event_id, user_id))`);
    await q.query(
      `CREATE INDEX email_deliveries_open ON notifications.email_deliveries (created_at) WHERE status IN ('pending', 'retrying')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications.email_deliveries`);
  }
}
