import { createMessagingTables } from '@qifu/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'notifications');
    await q.query(`CREATE TABLE notifications.notifications (
      id uuid PRIMARY KEY,
      event_id uuid NOT NULL,
      user_id uuid NULL, company_id uuid NULL, role text NULL,
      type text NOT NULL,
      request_id uuid NULL, reference_no text NULL,
      message text NOT NULL,
      created_at timestamptz NOT NULL,
      read_at timestamptz NULL,
      CHECK (num_nonnulls(user_id, company_id, role) = 1))`);
    await q.query(`CREATE INDEX notifications_user ON notifications.notifications (user_id, created_at DESC) WHERE user_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX notifications_company ON notifications.notifications (company_id, created_at DESC) WHERE company_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX notifications_role ON notifications.notifications (role, created_at DESC) WHERE role IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notifications', 'inbox', 'outbox']) await q.query(`DROP TABLE notifications.${t}`);
  }
}
