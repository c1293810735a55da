import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Transfers (转办): a waiting request may be bound to a department or a named officer. */
export class Transfers1764100000000 implements MigrationInterface {
  name = 'Transfers1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignment.assignments
      ADD COLUMN target_department_id uuid NULL,
      ADD COLUMN target_officer_id uuid NULL,
      ADD COLUMN previous_officer_id uuid NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignment.assignments
      DROP COLUMN target_department_id, DROP COLUMN target_officer_id, DROP COLUMN previous_officer_id`);
  }
}
