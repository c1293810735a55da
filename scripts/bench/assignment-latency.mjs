#!/usr/bin/env node
// Benchmark (not a test): file → assigned latency at a steady filing rate. Starts the five services
// as separate processes from dist/ against a scratch database and queue prefix, creates OFFICERS
// officers (capacity large enough that nothing waits) and 50 companies, then files requests through
// the public API at RATE per second for SECONDS seconds (open loop: a slow answer does not slow the
// sender). Prints the POST latency, file → assigned latency (client send time → the assignment's
// assigned_at, both clocks of this machine: taken when the seat is claimed, two statements before
// the commit) p50/p99/max, the assignment throughput, and
// the CPU one filing costs in each process (services, PostgreSQL, Redis; read from /proc on Linux)
// from the first filing until every inbox is empty, plus what the system burns while idle. Before
// measuring it files at the same rate for WARMUP seconds (default 10, not counted; 0 measures a cold
// system), as a system that has been running would be, and waits until every inbox is empty.
// Usage: npm run build:api && node scripts/bench/assignment-latency.mjs [rate=50] [seconds=20] [officers=100]
//        BENCH_DATABASE_URL (default postgres://127.0.0.1:5432/qifu_bench_assign; dropped at the end unless BENCH_KEEP=1)
//        BENCH_NODE_ARGS (extra node flags for the services, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
//        BENCH_PG_SPLIT=1 (split PostgreSQL's CPU by the service each backend serves)
//        INBOX_BATCH (passed to the services: most inbox events per transaction)
//        CLIENT_CONNECTIONS (default 128: keep-alive connections the client reuses)
//        WARMUP (default 10: seconds of filing at the rate before the measured run)
//        BENCH_REPEAT (default 1: measured runs one after the other on the same warmed system, then
//          their p50/p99 side by side; runs vary widely on a shared 2-core machine)
//        BENCH_WITHOUT=sla,notifications (diagnosis: leave those services out; their inboxes fill)
//        BENCH_NICE=sla,notifications (diagnosis: run them and their PostgreSQL backends at nice 19)
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient } from './api-client.mjs';
import { filing, makeCreditCode } from './bench-data.mjs';
import { backendNames, cpuByProcess, cpuDelta, printCpu } from './process-cpu.mjs';
import { freePort, readyWithout, reniceBackends, SERVICE_NAMES, serviceList } from './bench-services.mjs';
import { bySecond, fmt, pct, printRepeats } from './latency-stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'dist', 'package.json'));
const { dropDatabase, withDefaultUser } = require(join(root, 'dist/libs/database/src/index.js'));
const { deleteKeysWithPrefix } = require(join(root, 'dist/libs/messaging/src/index.js'));
const { INBOX_QUEUES } = require(join(root, 'dist/libs/contracts/src/index.js'));
const { Queue } = require('bullmq');
const { Client } = require('pg');
const { Redis } = require('ioredis');

const rate = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 20);
const officerCount = Number(process.argv[4] ?? 100);
const warmupSeconds = Number(process.env.WARMUP ?? 10);
const repeats = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const without = serviceList(process.env.BENCH_WITHOUT);
const lowered = serviceList(process.env.BENCH_NICE);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/qifu_bench_assign';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `qifu-bench-assign-${Date.now().toString(36)}`;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  NODE_ENV: 'production',
  ADMIN_PASSWORD: 'bench-admin',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
  DATABASE_URL: url,
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: prefix,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT: '1000000',
  FILING_RATE_LIMIT: '1000000',
  RPC_TIMEOUT_MS: '25000',
};

const children = [];
const childNames = [];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { api, must } = apiClient(base, Number(process.env.CLIENT_CONNECTIONS ?? 128));

async function start() {
  await dropDatabase(url).catch(() => undefined);
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The first service creates the database and its schema; start it alone to avoid a race on CREATE DATABASE.
  for (const [i, name] of SERVICE_NAMES.entries()) {
    if (without.includes(name)) continue;
    const main = [...nodeArgs, join(root, 'dist', 'apps', name, 'src', 'main.js')];
    const niced = lowered.includes(name);
    const child = spawn(niced ? 'nice' : process.execPath, niced ? ['-n', '19', process.execPath, ...main] : main, {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
    child.once('exit', (code) => code !== 0 && code !== null && !stopping && (startFailed = `${name} exited with ${code}`));
    children.push(child);
    childNames.push(name);
    if (i === 0) await sleep(3000);
  }
  for (const until = Date.now() + 60_000; Date.now() < until; await sleep(300)) {
    if (startFailed) throw new Error(startFailed);
    try {
      if (await readyWithout(base, without)) return;
    } catch {
      /* not up yet */
    }
  }
  throw new Error('the system did not become ready within 60 s');
}

let startFailed = '';
let stopping = false;

async function stop() {
  stopping = true;
  await Promise.all(children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => (c.once('exit', r), c.kill('SIGTERM'))))));
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  await deleteKeysWithPrefix(redis, prefix).finally(() => redis.disconnect());
  if (process.env.BENCH_KEEP !== '1') await dropDatabase(url).catch(() => undefined);
}

let code = 0;
try {
  await start();
  const admin = (await must('POST', '/auth/login', undefined, { username: 'admin', password: 'bench-admin' })).accessToken;
  const dept = await must('POST', '/departments', admin, { name: '基准测试科', code: `B${Date.now().toString(36)}` });
  const sup = await must('POST', '/users', admin, {
    username: 'bench-sup',
    password: 'bench-pass-1',
    displayName: '主管',
    role: 'supervisor',
    departmentId: dept.id,
  });
  // Setup in small parallel batches (each user costs a password hash).
  const inBatches = async (n, make) => {
    const out = [];
    for (let i = 0; i < n; i += 8) out.push(...(await Promise.all(Array.from({ length: Math.min(8, n - i) }, (_, k) => make(i + k)))));
    return out;
  };
  await inBatches(officerCount, (i) =>
    must('POST', '/users', admin, {
      username: `bench-officer-${i}`,
      password: 'bench-pass-1',
      displayName: `专员${i}`,
      role: 'officer',
      departmentId: dept.id,
      supervisorId: sup.id,
      categories: ['hiring', 'financing', 'policy'],
      capacity: 1000,
    }),
  );
  const companies = await inBatches(50, async (i) => {
    const c = await must('POST', '/companies', admin, { name: `基准企业${i}`, creditCode: makeCreditCode(i) });
    await must('POST', '/users', admin, {
      username: `bench-co-${i}`,
      password: 'bench-pass-1',
      displayName: `企业用户${i}`,
      role: 'company',
      companyId: c.id,
    });
    return (await must('POST', '/auth/login', undefined, { username: `bench-co-${i}`, password: 'bench-pass-1' })).accessToken;
  });
  // Warm up: a few filings so connections and caches exist, then the rate itself (the code paths
  // compiled, the pools and the client's connections at their working size).
  for (const [i, t] of companies.slice(0, 10).entries()) await must('POST', '/requests', t, filing(i));
  const warm = await fileAtRate(companies, Math.round(rate * warmupSeconds), () => undefined);
  await Promise.all(warm.inflight);
  await waitForEmptyInboxes();
  await sleep(2000);
  const reniced = await reniceBackends(Client, withDefaultUser(url), lowered);
  if (lowered.length > 0) console.log(`at nice 19: ${lowered.join(', ')} and their ${reniced} PostgreSQL backends`);
  if (without.length > 0) console.log(`left out: ${without.join(', ')}`);
  if (warmupSeconds > 0) console.log(`warmed up: ${warm.inflight.length} filings at ${rate}/s (not counted)`);

  const results = [];
  for (let run = 1; run <= repeats; run++) {
    if (repeats > 1) console.log(`\nrun ${run} of ${repeats}`);
    const result = await measure(companies);
    results.push(result);
    if (!result.complete) code = 1;
  }
  if (repeats > 1) printRepeats(results);
} catch (err) {
  console.error(err);
  code = 1;
} finally {
  await stop();
}
process.exit(code);

/** One measured run: files at the rate for the given seconds, prints what it measured, returns the file → assigned p50/p99. */
async function measure(companies) {
  console.log(`filing ${rate}/s for ${seconds} s against ${officerCount} officers (${children.length} service processes, 2 cores)`);
  const sent = new Map();
  const postMs = [];
  const statuses = new Map();
  const total = Math.round(rate * seconds);
  const backends = await backendNames(Client, withDefaultUser(url));
  const services = new Map(children.map((c, i) => [c.pid, childNames[i]]));
  const readCpu = () => cpuByProcess(services, backends);
  const idle0 = readCpu();
  await sleep(5000);
  const idle = cpuDelta(idle0, readCpu());
  const cpu0 = readCpu();
  const client0 = process.cpuUsage();
  const epoch0 = Date.now();
  const { inflight, t0 } = await fileAtRate(companies, total, (r, at, ms) => {
    postMs.push(ms);
    const key = typeof r === 'string' ? r : r.status;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    if (r.status === 201) sent.set(r.body.id, at);
  });
  const sendSeconds = (performance.now() - t0) / 1000;
  await Promise.all(inflight);
  const clientCpu = process.cpuUsage(client0);
  const waitUntilAssigned = async () => {
    const db = new Client({ connectionString: withDefaultUser(url) });
    await db.connect();
    try {
      for (const until = Date.now() + 120_000; Date.now() < until; await sleep(200)) {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM assignment.assignments WHERE request_id = ANY($1) AND assigned_at IS NOT NULL`,
          [[...sent.keys()]],
        );
        if (rows[0].n === sent.size) return;
      }
    } finally {
      await db.end();
    }
  };
  await waitUntilAssigned();
  const assignedCpu = cpuDelta(cpu0, readCpu());
  // The CPU a filing costs includes what follows the assignment (deadlines, notifications): wait for
  // every inbox to empty before the second reading.
  await waitForEmptyInboxes();
  const inboxesEmptyAt = Date.now();
  const cpu = cpuDelta(cpu0, readCpu());

  const db = new Client({ connectionString: withDefaultUser(url) });
  await db.connect();
  const ids = [...sent.keys()];
  // waitUntilAssigned has waited for them (or given up): read what is there.
  const { rows } = await db.query(
    `SELECT request_id, assigned_at FROM assignment.assignments WHERE request_id = ANY($1) AND assigned_at IS NOT NULL`,
    [ids],
  );
  const { rows: filedRows } = await db.query(`SELECT id, created_at FROM requests.requests WHERE id = ANY($1)`, [ids]);
  await db.end();
  const createdAt = new Map(filedRows.map((r) => [r.id, r.created_at.getTime()]));
  const latency = rows.map((r) => r.assigned_at.getTime() - sent.get(r.request_id)).sort((a, b) => a - b);
  const sentToStored = ids
    .filter((id) => createdAt.has(id))
    .map((id) => createdAt.get(id) - sent.get(id))
    .sort((a, b) => a - b);
  const commitToAssigned = rows.map((r) => r.assigned_at.getTime() - createdAt.get(r.request_id)).sort((a, b) => a - b);
  const lastAssigned = Math.max(...rows.map((r) => r.assigned_at.getTime()));
  postMs.sort((a, b) => a - b);

  console.log(`sent ${total} in ${sendSeconds.toFixed(1)} s; answers: ${[...statuses].map(([k, v]) => `${k}×${v}`).join(', ')}`);
  console.log(`POST /requests          p50 ${fmt(pct(postMs, 50))}  p99 ${fmt(pct(postMs, 99))}  max ${fmt(postMs.at(-1) ?? NaN)}`);
  console.log(
    `file → assigned         p50 ${fmt(pct(latency, 50))}  p99 ${fmt(pct(latency, 99))}  max ${fmt(latency.at(-1) ?? NaN)}  (${rows.length}/${ids.length} assigned)`,
  );
  console.log(`sent → stored           p50 ${fmt(pct(sentToStored, 50))}  p99 ${fmt(pct(sentToStored, 99))}`);
  console.log(`stored → assigned       p50 ${fmt(pct(commitToAssigned, 50))}  p99 ${fmt(pct(commitToAssigned, 99))}`);
  console.log(
    `assignment throughput   ${(rows.length / ((lastAssigned - epoch0) / 1000)).toFixed(1)} assigned/s (first send to last assignment)`,
  );
  console.log(`file → assigned p50 by second of sending: ${bySecond(rows, sent, epoch0).join(' ')} ms`);
  // The work after the assignment (deadlines, notifications) catching up; checked every 0.2 s.
  console.log(`every inbox empty       ${fmt(Math.max(0, inboxesEmptyAt - lastAssigned))} after the last assignment`);
  printCpu({ cpu, assignedCpu, idle, total, clientCpu });
  return { p50: pct(latency, 50), p99: pct(latency, 99), complete: rows.length === ids.length };
}

/** Files `count` requests at `rate` per second (open loop); `answered(response or error text, send time, ms)`. */
async function fileAtRate(tokens, count, answered) {
  const t0 = performance.now();
  const inflight = [];
  for (let i = 0; i < count; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const at = Date.now();
    const s = performance.now();
    inflight.push(
      api('POST', '/requests', tokens[i % tokens.length], filing(i)).then(
        (r) => answered(r, at, performance.now() - s),
        (err) => answered(`error (${err.cause?.code ?? err.message})`, at, performance.now() - s),
      ),
    );
  }
  return { inflight, t0 };
}

async function waitForEmptyInboxes() {
  const running = Object.entries(INBOX_QUEUES).filter(([service]) => !without.includes(service));
  const queues = running.map(([, name]) => new Queue(name, { connection: { url: redisUrl }, prefix }));
  for (const until = Date.now() + 120_000; Date.now() < until; await sleep(200)) {
    const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
    if (counts.every((c) => Object.values(c).every((n) => n === 0))) break;
  }
  await Promise.all(queues.map((q) => q.close()));
}
