import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live feed: each line gets a stream position (`seq`) when it is pushed to the browsers, in push
 * order, so a reconnecting stream (Last-Event-ID) replays exactly what came after its last line.
 */
export class LiveFeed1765000000001 implements MigrationInterface {
  name = 'LiveFeed1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE notifications.feed_seq`);
    await q.query(`ALTER TABLE notifications.notifications ADD COLUMN seq bigint NULL`);
    // Lines written before this release count as pushed, in the order they were created.
    await q.query(`UPDATE notifications.notifications n SET seq = o.rn
      FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS rn FROM notifications.notifications) o WHERE o.id = n.id`);
    await q.query(`SELECT setval('notifications.feed_seq', GREATEST((SELECT max(seq) FROM notifications.notifications), 1))`);
    await q.query(`CREATE UNIQUE INDEX notifications_seq ON notifications.notifications (seq)`);
    await q.query(`CREATE INDEX notifications_unpushed ON notifications.notifications (created_at) WHERE seq IS NULL`);
    // Replay after Last-Event-ID: one audience's lines past a position.
    await q.query(`CREATE INDEX notifications_user_seq ON notifications.notifications (user_id, seq) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX notifications_company_seq ON notifications.notifications (company_id, seq) WHERE company_id IS NOT NULL`);
    await q.query(`CREATE INDEX notifications_role_seq ON notifications.notifications (role, seq) WHERE role IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.notifications DROP COLUMN seq`);
    await q.query(`DROP SEQUENCE notifications.feed_seq`);
  }
}
