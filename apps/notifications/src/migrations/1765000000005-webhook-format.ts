import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks can speak a group bot's own format (WeChat-work, DingTalk) instead of Qifu's JSON. */
export class WebhookFormat1765000000005 implements MigrationInterface {
  name = 'WebhookFormat1765000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE notifications.webhooks ADD COLUMN format text NOT NULL DEFAULT 'qifu' CHECK (format IN ('qifu', 'wecom', 'dingtalk'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications.webhooks DROP COLUMN format`);
  }
}
