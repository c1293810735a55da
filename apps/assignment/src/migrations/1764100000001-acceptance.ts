import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether the officer has accepted: an officer who becomes unavailable keeps accepted cases only. */
export class Acceptance1764100000001 implements MigrationInterface {
  name = 'Acceptance1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignment.assignments ADD COLUMN accepted_at timestamptz NULL`);
    await q.query(`CREATE INDEX assignments_held ON assignment.assignments (officer_id) WHERE state = 'assigned' AND accepted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignment.assignments_held`);
    await q.query(`ALTER TABLE assignment.assignments DROP COLUMN accepted_at`);
  }
}
