import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-user notification settings: muted types and channels, the email address and its language. */
export class Preferences1765000000002 implements MigrationInterface {
  name = 'Preferences1765000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications.preferences (
      user_id uuid PRIMARY KEY,
      role text NOT NULL,
      company_id uuid NULL,
      muted_types text[] NOT NULL DEFAULT '{}',
      muted_channels text[] NOT NULL DEFAULT '{}',
      email text NULL,
      locale text NOT NULL DEFAULT 'zh-CN',
      updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX preferences_company ON notifications.preferences (company_id) WHERE company_id IS NOT NULL`);
    await q.query(`CREATE INDEX preferences_role ON notifications.preferences (role)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications.preferences`);
  }
}
