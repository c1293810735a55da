import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who handles each request, as the assignment service last said. Events from two services arrive
 * in any order: an assignment handled before the filing is kept here and read when the timers start.
 */
export class Assignees1765000000002 implements MigrationInterface {
  name = 'Assignees1765000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sla.assignees (
      request_id uuid PRIMARY KEY,
      assignee_id uuid NOT NULL,
      supervisor_id uuid NULL,
      assigned_at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla.assignees`);
  }
}
