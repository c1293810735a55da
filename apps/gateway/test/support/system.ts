import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { createTestDatabase, createTestPrefix, TEST_REDIS_URL, type TestDatabase, type TestPrefix } from '@qifu/testing';
import { bootstrapAssignment } from '../../../assignment/src/bootstrap';
import { bootstrapNotifications } from '../../../notifications/src/bootstrap';
import { bootstrapRequests } from '../../../requests/src/bootstrap';
import { bootstrapSla } from '../../../sla/src/bootstrap';
import { createGateway } from '../../src/bootstrap';

export type ServiceKey = 'requests' | 'assignment' | 'sla' | 'notifications';

const BOOT: Record<ServiceKey, (env: Record<string, string | undefined>) => Promise<INestMicroservice>> = {
  requests: bootstrapRequests,
  assignment: bootstrapAssignment,
  sla: bootstrapSla,
  notifications: bootstrapNotifications,
};

export interface SystemOptions {
  label?: string;
  /** How many replicas of each service (default 1). */
  replicas?: Partial<Record<ServiceKey, number>>;
  env?: Record<string, string>;
}

/**
 * The whole system in this process against the real PostgreSQL and Redis: a fresh database and
 * queue prefix per suite, the four services (optionally several replicas) and the gateway on a
 * free port. Everything talks over Redis exactly as separate processes do.
 */
export class TestSystem {
  readonly services = new Map<ServiceKey, INestMicroservice[]>();
  gateway!: INestApplication;
  baseUrl!: string;
  env!: Record<string, string>;
  private db!: TestDatabase;
  private prefix!: TestPrefix;

  static async start(opts: SystemOptions = {}): Promise<TestSystem> {
    const sys = new TestSystem();
    await sys.boot(opts);
    return sys;
  }

  private async boot(opts: SystemOptions): Promise<void> {
    this.db = await createTestDatabase(opts.label);
    this.prefix = createTestPrefix(opts.label);
    this.env = {
      NODE_ENV: 'test',
      DATABASE_URL: this.db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: this.prefix.prefix,
      LOG_LEVEL: 'error',
      PORT: '0',
      RPC_TIMEOUT_MS: '5000',
      SLA_SWEEP_MS: '1000',
      // Two suites with up to eight service replicas each run at once: stay well under max_connections.
      DATABASE_POOL_SIZE: '3',
      // Suites file and log in in bursts; the limits themselves are tested with low values.
      LOGIN_RATE_LIMIT: '100000',
      FILING_RATE_LIMIT: '100000',
      ...opts.env,
    };
    for (const key of Object.keys(BOOT) as ServiceKey[]) {
      const n = opts.replicas?.[key] ?? 1;
      for (let i = 0; i < n; i++) await this.startService(key);
    }
    const { app } = await createGateway(this.env);
    await app.listen(0, '127.0.0.1');
    this.gateway = app;
    const addr = app.getHttpServer().address() as { port: number };
    this.baseUrl = `http://127.0.0.1:${addr.port}`;
  }

  async startService(key: ServiceKey): Promise<INestMicroservice> {
    const app = await BOOT[key](this.env);
    this.services.set(key, [...(this.services.get(key) ?? []), app]);
    return app;
  }

  /** Stops every replica of a service gracefully (as SIGTERM would). */
  async stopService(key: ServiceKey): Promise<void> {
    const apps = this.services.get(key) ?? [];
    this.services.set(key, []);
    await Promise.all(apps.map((a) => a.close()));
  }

  replicasOf(key: ServiceKey): INestMicroservice[] {
    return this.services.get(key) ?? [];
  }

  get databaseUrl(): string {
    return this.db.url;
  }

  get queuePrefix(): string {
    return this.prefix.prefix;
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
    for (const key of this.services.keys()) await this.stopService(key);
    await this.prefix.cleanup();
    await this.db.drop();
  }
}
