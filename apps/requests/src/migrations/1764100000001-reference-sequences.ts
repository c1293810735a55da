import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference numbers come from one sequence per year instead of a locked counter row. */
export class ReferenceSequences1764100000001 implements MigrationInterface {
  name = 'ReferenceSequences1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT year, last FROM requests.reference_counters LOOP
          EXECUTE format('CREATE SEQUENCE IF NOT EXISTS requests.reference_seq_%s START %s', r.year, r.last + 1);
        END LOOP;
      END $$`);
    await q.query(`DROP TABLE requests.reference_counters`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE requests.reference_counters (year int PRIMARY KEY, last bigint NOT NULL)`);
    await q.query(`INSERT INTO requests.reference_counters (year, last)
      SELECT substring(sequencename FROM 'reference_seq_(\\d+)')::int, COALESCE(last_value, 0)
        FROM pg_sequences WHERE schemaname = 'requests' AND sequencename LIKE 'reference_seq_%'`);
  }
}
