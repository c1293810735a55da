import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxChannel } from './outbox/outbox.publisher';

/**
 * The outbox and inbox tables every service needs, created by each service's first migration in
 * its own schema. Kept here so the five services cannot drift apart.
 */
export async function createMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE TABLE "${schema}"."outbox" (
    "id" uuid PRIMARY KEY,
    "seq" bigserial NOT NULL,
    "name" text NOT NULL,
    "payload" jsonb NOT NULL,
    "occurred_at" timestamptz NOT NULL,
    "published_at" timestamptz NULL)`);
  await runner.query(`CREATE INDEX "outbox_unpublished" ON "${schema}"."outbox" ("seq") WHERE published_at IS NULL`);
  await runner.query(`CREATE INDEX "outbox_published_at" ON "${schema}"."outbox" ("published_at")`);
  await runner.query(`CREATE TABLE "${schema}"."inbox" (
    "event_id" uuid PRIMARY KEY,
    "name" text NOT NULL,
    "handled_at" timestamptz NOT NULL)`);
  await runner.query(`CREATE INDEX "inbox_handled_at" ON "${schema}"."inbox" ("handled_at")`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}"."inbox"`);
  await runner.query(`DROP TABLE "${schema}"."outbox"`);
}

/**
 * The relay's wake-up call, sent by the database: every statement that writes outbox rows NOTIFYs the
 * relay's channel, and PostgreSQL delivers a transaction's identical notifications once, at commit.
 * The writer spends no round trip of its own on it.
 */
export async function createOutboxNotifyTrigger(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE FUNCTION "${schema}"."outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${outboxChannel(schema)}', '');
      RETURN NULL;
    END $$`);
  await runner.query(
    `CREATE TRIGGER "outbox_notify" AFTER INSERT ON "${schema}"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."outbox_notify"()`,
  );
}

export async function dropOutboxNotifyTrigger(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TRIGGER "outbox_notify" ON "${schema}"."outbox"`);
  await runner.query(`DROP FUNCTION "${schema}"."outbox_notify"()`);
}

/** One step of a migration every service runs in its own schema. */
type SchemaStep = (runner: QueryRunner, schema: string) => Promise<void>;

/** A migration named `migrationName` whose steps every service runs in its own schema (each service lists it). */
function schemaMigration(migrationName: string, schema: string, up: SchemaStep, down: SchemaStep): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = migrationName;

    up(q: QueryRunner): Promise<void> {
      return up(q, schema);
    }

    down(q: QueryRunner): Promise<void> {
      return down(q, schema);
    }
  };
}

/** The migration that installs the outbox trigger in a service's schema (every service lists it). */
export function outboxNotifyMigration(schema: string): new () => MigrationInterface {
  return schemaMigration('OutboxNotify1766000000000', schema, createOutboxNotifyTrigger, dropOutboxNotifyTrigger);
}

/**
 * Rows its writer sends itself (OutboxRelay.sendNow) carry a lease: the relay takes such a row only
 * once the lease has run out (the writer died or could not send), and the trigger wakes the relay only
 * for a statement that wrote at least one row without a lease.
 */
export async function addOutboxLease(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`ALTER TABLE "${schema}"."outbox" ADD COLUMN "lease_until" timestamptz NULL`);
  await runner.query(`DROP TRIGGER "outbox_notify" ON "${schema}"."outbox"`);
  await runner.query(`CREATE OR REPLACE FUNCTION "${schema}"."outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM added WHERE lease_until IS NULL) THEN
        PERFORM pg_notify('${outboxChannel(schema)}', '');
      END IF;
      RETURN NULL;
    END $$`);
  await runner.query(
    `CREATE TRIGGER "outbox_notify" AFTER INSERT ON "${schema}"."outbox" REFERENCING NEW TABLE AS added
       FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."outbox_notify"()`,
  );
}

export async function dropOutboxLease(runner: QueryRunner, schema: string): Promise<void> {
  await dropOutboxNotifyTrigger(runner, schema);
  await runner.query(`ALTER TABLE "${schema}"."outbox" DROP COLUMN "lease_until"`);
  await createOutboxNotifyTrigger(runner, schema);
}

/** The migration that adds the outbox lease in a service's schema (every service lists it). */
export function outboxLeaseMigration(schema: string): new () => MigrationInterface {
  return schemaMigration('OutboxLease1767000000000', schema, addOutboxLease, dropOutboxLease);
}
