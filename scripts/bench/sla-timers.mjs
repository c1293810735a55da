#!/usr/bin/env node
// Benchmark (not a test): SLA timers at scale. Creates a scratch database and queue prefix, applies
// the sla service's real migrations, loads N open requests (default 100 000: a response and a
// resolution target each, six alert instants per request, due from 2 days to 3 weeks ahead), starts
// the built sla service as its own process, then:
//   1. a batch of B requests whose breach falls within the next minute (default 2 000) → lateness;
//   2. a burst of K alerts due in the same second (default 10 000) → time until all are raised;
// and prints alert lateness p50/p99/max, burst completion and the Redis memory of the prefix's keys
// after each step (timers far ahead must cost nothing in Redis).
// Usage: npm run build:api && node scripts/bench/sla-timers.mjs [open=100000] [batch=2000] [burst=10000]
//        BENCH_DATABASE_URL (default postgres://127.0.0.1:5432/qifu_bench_sla; dropped at the end),
//        REDIS_URL (default redis://127.0.0.1:6379). The run's keys are deleted at the end.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'dist', 'package.json'));
const { slaDatabase } = require(join(root, 'dist/apps/sla/src/database.js'));
const { migrateServiceDatabase, dropDatabase, withDefaultUser } = require(join(root, 'dist/libs/database/src/index.js'));
const { Client } = require('pg');
const { Redis } = require('ioredis');

const open = Number(process.argv[2] ?? 100_000);
const batch = Number(process.argv[3] ?? 2_000);
const burst = Number(process.argv[4] ?? 10_000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/qifu_bench_sla';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `bench-sla-${Date.now().toString(36)}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

await dropDatabase(url).catch(() => undefined);
await migrateServiceDatabase(slaDatabase(url));
const db = new Client({ connectionString: withDefaultUser(url) });
await db.connect();
await db.query('SET search_path = sla');
const redis = new Redis(redisUrl);

/** Bytes held by this run's keys (MEMORY USAGE of each), in all and in the timer queue (sla-alerts). */
async function redisMemory() {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  let timerBytes = 0;
  let timerKeys = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (found.length === 0) continue;
    const p = redis.pipeline();
    for (const k of found) p.memory('USAGE', k);
    (await p.exec()).forEach(([, n], i) => {
      bytes += Number(n ?? 0);
      keys++;
      if (found[i].startsWith(`${prefix}:sla-alerts:`)) {
        timerBytes += Number(n ?? 0);
        timerKeys++;
      }
    });
  } while (cursor !== '0');
  const mib = (b) => `${(b / 1024 / 1024).toFixed(2)} MiB`;
  return {
    bytes,
    text: `timer queue ${mib(timerBytes)} in ${timerKeys.toLocaleString()} keys; all keys of the run ${mib(bytes)} in ${keys.toLocaleString()} (event queues of services not running here included)`,
  };
}

/** Inserts `n` requests with a response and a resolution timer; `due` is SQL for each timer's due_at. */
async function loadRequests(n, due, alerts) {
  await db.query(
    `INSERT INTO timers (id, request_id, reference_no, target, policy_name, calendar_id, clock, duration, started_at, due_at, state, category)
     SELECT gen_random_uuid(), r.id, 'QF-BENCH-' || r.i, t.target, 'default', 'cn-default', 'business', 'P3D', now(), ${due}, 'running',
            (ARRAY['hiring','financing','safety_hazard','policy','approval','other'])[1 + r.i % 6]
       FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $1) i) r
       CROSS JOIN (VALUES ('response'), ('resolution')) t(target)`,
    [n],
  );
  await db.query(
    `INSERT INTO alerts (id, timer_id, request_id, kind, level, fraction, notify, fire_at)
     SELECT gen_random_uuid(), t.id, t.request_id, a.kind, a.level, a.fraction, a.notify, t.due_at + a.shift
       FROM timers t JOIN (VALUES ${alerts}) a(target, kind, level, fraction, notify, shift) ON a.target = t.target
      WHERE NOT EXISTS (SELECT 1 FROM alerts x WHERE x.timer_id = t.id)`,
  );
}

const FAR_ALERTS = `('response', 'warning', 1, 0.5, NULL, interval '-2 hours'), ('response', 'breach', 0, 1.0, NULL, interval '0'),
  ('resolution', 'warning', 1, 0.5, NULL, interval '-36 hours'), ('resolution', 'breach', 0, 1.0, NULL, interval '0'),
  ('resolution', 'escalation', 1, NULL, 'department_head', interval '1 day'), ('resolution', 'escalation', 2, NULL, 'admin', interval '2 days')`;

let child;
let log = '';
try {
  // 1. N open requests, due between 2 days and 3 weeks from now (every instant beyond the window).
  let t0 = Date.now();
  await loadRequests(open, `now() + interval '2 days' + random() * interval '19 days'`, FAR_ALERTS);
  await db.query('ANALYZE timers; ANALYZE alerts');
  const [{ n: alertCount }] = (await db.query('SELECT count(*)::int AS n FROM alerts')).rows;
  console.log(
    `loaded ${open.toLocaleString()} open requests (${(open * 2).toLocaleString()} timers, ${alertCount.toLocaleString()} alert instants) in ${secs(Date.now() - t0)}`,
  );

  // The sla service, built, as its own process.
  child = spawn(process.execPath, [join(root, 'dist/apps/sla/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'log',
      NO_COLOR: '1',
      DATABASE_POOL_SIZE: '10',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c) => (log = (log + c).slice(-20_000)));
  child.stderr.on('data', (c) => (log = (log + c).slice(-20_000)));
  t0 = Date.now();
  while (!log.includes('sla service ready')) {
    if (child.exitCode !== null || Date.now() - t0 > 60_000) throw new Error(`sla did not start:\n${log}`);
    await sleep(100);
  }
  console.log(`sla service ready in ${secs(Date.now() - t0)}`);
  await sleep(7_000); // a few sweeps
  const idle = await redisMemory();
  console.log(`Redis, ${open.toLocaleString()} open requests, none due within the window: ${idle.text}`);

  async function waitRaised(where, timeoutMs) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [{ left }] = (await db.query(`SELECT count(*)::int AS left FROM alerts WHERE ${where} AND raised_at IS NULL`)).rows;
      if (left === 0) return;
      if (Date.now() > until) throw new Error(`${left} alerts not raised after ${secs(timeoutMs)}`);
      await sleep(500);
    }
  }

  async function lateness(where) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM raised_at - fire_at)) * 1000)::float8 AS p50,
              (percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM raised_at - fire_at)) * 1000)::float8 AS p99,
              (max(extract(epoch FROM raised_at - fire_at)) * 1000)::float8 AS max
         FROM alerts WHERE ${where}`,
    );
    const r = rows[0];
    return {
      ...r,
      text: `p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms over ${r.n.toLocaleString()} alerts`,
    };
  }

  // 2. A batch whose instants fall within the next minute (one breach per timer, 10-60 s ahead).
  const ONLY_BREACH = `('response', 'breach', 0, 1.0, NULL, interval '0'), ('resolution', 'breach', 0, 1.0, NULL, interval '0')`;
  await db.query(`CREATE TEMP TABLE mark AS SELECT now() AS at`);
  await loadRequests(batch / 2, `now() + interval '10 seconds' + random() * interval '50 seconds'`, ONLY_BREACH);
  await db.query(`SELECT pg_notify('qifu_sla_alerts', 'bench')`);
  const batchWhere = `fire_at > (SELECT at FROM mark) AND fire_at < (SELECT at FROM mark) + interval '70 seconds' AND kind = 'breach' AND timer_id IN (SELECT id FROM timers WHERE reference_no LIKE 'QF-BENCH-%')`;
  await sleep(5_000);
  const queued = await redisMemory();
  console.log(`Redis, with ${batch.toLocaleString()} alerts of the next minute queued: ${queued.text}`);
  await waitRaised(batchWhere, 120_000);
  const l1 = await lateness(batchWhere);
  console.log(`lateness, next-minute batch: ${l1.text}`);

  // 3. A burst: `burst` alerts due in the same second, 20 s from now.
  await db.query(`UPDATE mark SET at = date_trunc('second', now()) + interval '20 seconds'`);
  await loadRequests(burst / 2, `(SELECT at FROM mark)`, ONLY_BREACH);
  await db.query(`SELECT pg_notify('qifu_sla_alerts', 'bench')`);
  const burstWhere = `fire_at = (SELECT at FROM mark)`;
  await waitRaised(burstWhere, 120_000);
  const l2 = await lateness(burstWhere);
  console.log(
    `burst of ${burst.toLocaleString()} due in the same second: all raised ${l2.max.toFixed(0)} ms after the instant (${l2.text})`,
  );
  await sleep(2_000);
  const after = await redisMemory();
  console.log(`Redis after the burst (completed jobs kept 10 min, at most 10 000): ${after.text}`);
} finally {
  child?.kill('SIGTERM');
  if (child && child.exitCode === null) await new Promise((r) => child.once('exit', r));
  if (/deadlock/i.test(log)) console.log('WARNING: the service logged a deadlock');
  await db.end();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  await dropDatabase(url);
}
