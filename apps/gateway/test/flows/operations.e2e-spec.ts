import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import type { Page, RequestView } from '@qifu/contracts';
import { eventually } from '@qifu/testing';
import { bootstrapRequests } from '../../../requests/src/bootstrap';
import { createGateway } from '../../src/bootstrap';
import { Api, type ApiResponse } from '../support/api';
import { aCompany, aDepartment, aUser, fileHiring, PASSWORD } from '../support/fixtures';
import { TestSystem } from '../support/system';

jest.setTimeout(120_000);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe('operations: outages, restarts and configuration', () => {
  let sys: TestSystem;
  let admin: Api;

  beforeAll(async () => {
    sys = await TestSystem.start({ label: 'ops', env: { RPC_TIMEOUT_MS: '2000' } });
    admin = await new Api(sys.baseUrl).login('admin', 'admin');
  });

  afterAll(async () => {
    await sys?.stop();
  });

  async function companyWithOfficer() {
    const dept = await aDepartment(admin);
    const officer = await aUser(admin, { role: 'officer', departmentId: dept.id, categories: ['hiring'], capacity: 50 });
    const company = await aCompany(admin, { liaisonOfficerId: officer.id });
    const companyUser = await aUser(admin, { role: 'company', companyId: company.id });
    return {
      officerApi: await new Api(sys.baseUrl).login(officer.username, PASSWORD),
      companyApi: await new Api(sys.baseUrl).login(companyUser.username, PASSWORD),
    };
  }

  it('answers 503 when a service is down, reports it in /health/ready, and loses nothing meanwhile', async () => {
    const { officerApi, companyApi } = await companyWithOfficer();
    expect((await admin.get('/health/ready')).status).toBe(200);

    await sys.stopService('notifications');
    const t0 = Date.now();
    const down = await officerApi.get<{ code: string; message: string }>('/notifications');
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.message).toContain('notifications');
    expect(Date.now() - t0).toBeLessThan(5_000);
    const ready = await admin.get<{ status: string; checks: Record<string, { status: string }> }>('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.notifications?.status).toBe('down');
    expect(ready.body.checks.requests?.status).toBe('up');
    expect((await admin.get('/health/live')).status).toBe(200);

    // Filing still works; the assignment notification waits in the notifications inbox.
    const filed = await fileHiring(companyApi);
    await eventually(async () => ((await companyApi.request(filed.id)).status === 'assigned' ? true : undefined), 'assignment');

    await sys.startService('notifications');
    await eventually(async () => ((await admin.get('/health/ready')).status === 200 ? true : undefined), 'ready again');
    const note = await eventually(
      async () => (await officerApi.notifications()).items.find((n) => n.requestId === filed.id),
      'the notification of the request filed during the outage',
    );
    expect(note.type).toBe('request.assigned');
  });

  it('shuts a service down gracefully: every filing answered 201 exists, every other one left no trace', async () => {
    const { companyApi } = await companyWithOfficer();
    const before = (await companyApi.ok(companyApi.get<Page<RequestView>>('/requests'), [200])).total;

    const calls: Promise<ApiResponse<RequestView>>[] = [];
    for (let i = 0; i < 30; i++) calls.push(companyApi.post<RequestView>('/requests', hiring(i)));
    const firstAnswer = Promise.race(calls);
    await firstAnswer;
    await sys.stopService('requests'); // SIGTERM-style: finishes the commands in flight, takes no new ones
    const results = await Promise.all(calls);
    await sys.startService('requests');

    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    const created = results.filter((r) => r.status === 201).map((r) => r.body.id);
    expect(created.length).toBeGreaterThan(0);
    // Commands nobody took before their caller gave up are dropped, never run late.
    await new Promise((r) => setTimeout(r, 500));
    const after = await companyApi.ok(companyApi.get<Page<RequestView>>('/requests?pageSize=100'), [200]);
    expect(after.total - before).toBe(created.length);
    for (const id of created) expect(after.items.some((r) => r.id === id)).toBe(true);
  });

  describe('configuration checked at start', () => {
    it('names a missing or malformed setting', async () => {
      await expect(bootstrapRequests({ ...sys.env, DATABASE_URL: 'mysql://127.0.0.1/qifu' })).rejects.toThrow(
        /DATABASE_URL: set DATABASE_URL to a postgres:\/\/ URL/,
      );
      await expect(bootstrapRequests({ ...sys.env, RPC_TIMEOUT_MS: 'soon' })).rejects.toThrow(/RPC_TIMEOUT_MS/);
      await expect(createGateway({ ...sys.env, NODE_ENV: 'production', JWT_SECRET: undefined })).rejects.toThrow(/JWT_SECRET/);
    });

    it('says when Redis is unreachable at the URL given', async () => {
      const url = `redis://127.0.0.1:${await freePort()}`;
      await expect(bootstrapRequests({ ...sys.env, REDIS_URL: url })).rejects.toThrow(`Redis unreachable at ${url}`);
    });

    it('says when PostgreSQL is unreachable', async () => {
      const url = `postgres://127.0.0.1:${await freePort()}/qifu_test_nowhere`;
      await expect(bootstrapRequests({ ...sys.env, DATABASE_URL: url })).rejects.toThrow(/PostgreSQL|DATABASE_URL|ECONNREFUSED/);
    });

    describe('a Redis that evicts keys', () => {
      let redis: ChildProcess;
      let url: string;

      beforeAll(async () => {
        const port = await freePort();
        url = `redis://127.0.0.1:${port}`;
        redis = spawn(
          'redis-server',
          ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'],
          {
            stdio: 'ignore',
          },
        );
        await eventually(
          () =>
            new Promise<true | undefined>((resolve) => {
              const sock = createConnection({ port, host: '127.0.0.1' });
              sock.once('connect', () => (sock.destroy(), resolve(true)));
              sock.once('error', () => resolve(undefined));
            }),
          'the evicting redis-server',
        );
      });

      afterAll(() => {
        redis?.kill('SIGKILL');
      });

      it('is refused, with the command that fixes it', async () => {
        await expect(bootstrapRequests({ ...sys.env, REDIS_URL: url })).rejects.toThrow(
          /maxmemory-policy "allkeys-lru".*CONFIG SET maxmemory-policy noeviction/s,
        );
      });

      it('is accepted with a warning when ALLOW_REDIS_EVICTION=true', async () => {
        const app = await bootstrapRequests({
          ...sys.env,
          REDIS_URL: url,
          QUEUE_PREFIX: `${sys.queuePrefix}-evict`,
          ALLOW_REDIS_EVICTION: 'true',
        });
        await app.close();
      });
    });
  });
});

function hiring(i: number): Record<string, unknown> {
  return {
    category: 'hiring',
    title: `急需缝纫工 ${i}`,
    description: 'burst during shutdown',
    details: { positions: [{ title: '缝纫工', headcount: 1 + i }] },
  };
}
