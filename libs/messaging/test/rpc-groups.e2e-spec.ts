import { createTestPrefix, eventually, TEST_REDIS_URL, type TestPrefix } from '@qifu/testing';
import type { Job, Worker } from 'bullmq';
import { firstValueFrom, of, throwError } from 'rxjs';
import { BullmqRpcClient, BullmqRpcServer, commandsOf, RPC_GROUP_MAX, type RpcJob } from '../src';

/** Commands over BullMQ against Redis: under load several travel in one job, each still answered alone. */
describe('BullMQ RPC command groups', () => {
  let keys: TestPrefix;
  let server: BullmqRpcServer;
  let client: BullmqRpcClient;
  const jobs: number[] = [];

  beforeAll(async () => {
    keys = createTestPrefix('rpcgroups');
    server = new BullmqRpcServer({ service: 'requests', redisUrl: TEST_REDIS_URL, prefix: keys.prefix });
    server.addHandler('echo', async (data: { n: number }) => {
      await new Promise((r) => setTimeout(r, 5));
      // As the services' exception filter answers a coded error.
      return data.n === 7 ? throwError(() => ({ code: 'VALIDATION', message: 'seven is refused' })) : of({ doubled: data.n * 2 });
    });
    await new Promise<void>((resolve, reject) => server.listen((err?: unknown) => (err ? reject(err as Error) : resolve())));
    server.unwrap<Worker<RpcJob>>().on('completed', (job: Job<RpcJob>) => jobs.push(commandsOf(job.data).length));
    client = new BullmqRpcClient({ service: 'requests', redisUrl: TEST_REDIS_URL, prefix: keys.prefix, timeoutMs: 10_000 });
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    await server?.close();
    await keys?.cleanup();
  });

  const call = (n: number) => firstValueFrom(client.send<{ doubled: number }>('echo', { n }));
  /** A worker reports a job completed just after its replies left: wait for the reports of `n` commands. */
  const reported = (n: number) =>
    eventually(async () => (jobs.reduce((a, b) => a + b, 0) >= n ? [...jobs] : undefined), `jobs reporting ${n} commands`);

  it('answers a lone command from a job of its own', async () => {
    jobs.length = 0;
    expect(await call(1)).toEqual({ doubled: 2 });
    expect(await reported(1)).toEqual([1]);
  });

  it('sends commands issued together in fewer jobs, each caller getting its own answer, and one failure only its own', async () => {
    jobs.length = 0;
    const sent = Array.from({ length: 60 }, (_, i) => i);
    const answers = await Promise.allSettled(sent.map((n) => call(n)));
    for (const [n, answer] of answers.entries()) {
      if (n === 7) expect(answer).toMatchObject({ status: 'rejected', reason: { code: 'VALIDATION', message: 'seven is refused' } });
      else expect(answer).toEqual({ status: 'fulfilled', value: { doubled: n * 2 } });
    }
    // Every command ran exactly once, in groups no larger than the limit.
    const groups = await reported(60);
    expect(groups.reduce((a, b) => a + b, 0)).toBe(60);
    expect(groups.length).toBeLessThan(60);
    expect(Math.max(...groups)).toBeLessThanOrEqual(RPC_GROUP_MAX);
  });
});
