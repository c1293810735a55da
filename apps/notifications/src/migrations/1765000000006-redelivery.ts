import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A delivery sent again on request gets a new generation, hence a new job id. */
export class Redelivery1765000000006 implements MigrationInterface {
  name = 'Redelivery1765000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.webhook_deliveries ADD COLUMN generation int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE notifications.email_deliveries ADD COLUMN generation int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.webhook_deliveries DROP COLUMN generation`);
    await q.query(`ALTER TABLE notifications.email_deliveries DROP COLUMN generation`);
  }
}
