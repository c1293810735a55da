import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The officer a request was taken back from because they became unavailable (their acceptance, if it crossed, wins). */
export class TakenBack1764100000002 implements MigrationInterface {
  name = 'TakenBack1764100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignment.assignments ADD COLUMN taken_back_from uuid NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignment.assignments DROP COLUMN taken_back_from`);
  }
}
