import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { ensureDatabase, withDefaultUser } from './ensure-database';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own schema; every table of the service lives there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  poolSize?: number;
  applicationName?: string;
}

export function dataSourceOptions(opts: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: withDefaultUser(opts.url),
    schema: opts.schema,
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: opts.applicationName ?? `qifu-${opts.schema}`,
    // Raw SQL names tables without a schema: each service's connections see only its own schema.
    // A busy pool makes commands wait; the caller's RPC deadline, not this, decides when to give up.
    extra: { max: opts.poolSize ?? 10, connectionTimeoutMillis: 30_000, options: `-c search_path="${opts.schema}"` },
  };
}

/**
 * Creates the database if missing, the service's schema, and applies its pending migrations under an
 * advisory lock, so replicas starting together migrate once.
 */
export async function migrateServiceDatabase(opts: ServiceDatabaseOptions): Promise<string[]> {
  await ensureDatabase(opts.url);
  // Two connections: one holds the advisory lock, the other runs the migrations.
  const base = dataSourceOptions(opts);
  const ds = new DataSource({ ...base, extra: { ...(base.extra as object), max: 2 } } as DataSourceOptions);
  await ds.initialize();
  try {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`qifu-migrate-${opts.schema}`]);
      try {
        await runner.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
        const ran = await ds.runMigrations({ transaction: 'all' });
        return ran.map((m) => m.name);
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`qifu-migrate-${opts.schema}`]);
      }
    } finally {
      await runner.release();
    }
  } finally {
    await ds.destroy();
  }
}
