import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Plan milestones are timers too: target 'milestone', one per title. */
export class Milestones1764100000000 implements MigrationInterface {
  name = 'Milestones1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla.timers ADD COLUMN label text NULL`);
    await q.query(`ALTER TABLE sla.timers DROP CONSTRAINT timers_target_check`);
    await q.query(`ALTER TABLE sla.timers ADD CONSTRAINT timers_target_check CHECK (target IN ('response','resolution','milestone'))`);
    await q.query(`ALTER TABLE sla.timers DROP CONSTRAINT timers_request_id_target_key`);
    // Response and resolution stay one each; milestones are told apart by their title.
    await q.query(`CREATE UNIQUE INDEX timers_request_target ON sla.timers (request_id, target, (COALESCE(label, '')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sla.alerts WHERE timer_id IN (SELECT id FROM sla.timers WHERE target = 'milestone')`);
    await q.query(`DELETE FROM sla.timers WHERE target = 'milestone'`);
    await q.query(`DROP INDEX sla.timers_request_target`);
    await q.query(`ALTER TABLE sla.timers ADD CONSTRAINT timers_request_id_target_key UNIQUE (request_id, target)`);
    await q.query(`ALTER TABLE sla.timers DROP CONSTRAINT timers_target_check`);
    await q.query(`ALTER TABLE sla.timers ADD CONSTRAINT timers_target_check CHECK (target IN ('response','resolution'))`);
    await q.query(`ALTER TABLE sla.timers DROP COLUMN label`);
  }
}
