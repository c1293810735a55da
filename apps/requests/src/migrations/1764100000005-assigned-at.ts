import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the assignment now on the request was made: an older one arriving late is not applied over it. */
export class AssignedAt1764100000005 implements MigrationInterface {
  name = 'AssignedAt1764100000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.requests ADD COLUMN assigned_at timestamptz NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.requests DROP COLUMN assigned_at`);
  }
}
