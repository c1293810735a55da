import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who handles a request is kept once, in sla.assignees, and read when an alert is raised; the
 * timers no longer carry a copy (every assignment cost an UPDATE of the request's timers, each row
 * written again with all its indexes). Timers older than the assignees table give it their copy.
 */
export class AssigneeReadAtRaise1766000000001 implements MigrationInterface {
  name = 'AssigneeReadAtRaise1766000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO sla.assignees (request_id, assignee_id, supervisor_id, assigned_at)
      SELECT DISTINCT ON (request_id) request_id, assignee_id, supervisor_id, started_at FROM sla.timers
       WHERE assignee_id IS NOT NULL ORDER BY request_id, started_at DESC
      ON CONFLICT (request_id) DO NOTHING`);
    await q.query(`ALTER TABLE sla.timers DROP COLUMN assignee_id, DROP COLUMN supervisor_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla.timers ADD COLUMN assignee_id uuid NULL, ADD COLUMN supervisor_id uuid NULL`);
    await q.query(`UPDATE sla.timers t SET assignee_id = a.assignee_id, supervisor_id = a.supervisor_id
      FROM sla.assignees a WHERE a.request_id = t.request_id`);
  }
}
