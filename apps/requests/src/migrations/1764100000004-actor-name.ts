import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who did it, by name as it was at the time (the timeline is a ledger: it is not rewritten on rename). */
export class ActorName1764100000004 implements MigrationInterface {
  name = 'ActorName1764100000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.request_events ADD COLUMN actor_name text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.request_events DROP COLUMN actor_name`);
  }
}
