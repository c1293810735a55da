#!/usr/bin/env node
// Benchmark (not a test): how fast a notification reaches the browser under load. Starts the whole
// system from dist/ (scripts/start.mjs) on a scratch database and queue prefix, creates OFFICERS
// officers (each with a company and a live SSE stream) plus IDLE extra open streams, then files
// REQUESTS requests at RATE per second spread over the companies. Each filing makes a
// `request.assigned` notification for one officer; the script prints, over all of them:
//   - feed → browser: SSE arrival − the notification's createdAt (the relay, Redis, the gateway);
//   - filing → browser: SSE arrival − the 201 of POST /requests (requests → assignment → notifications → SSE);
// as p50 / p95 / p99 / max, and whether every stream got exactly its own lines.
// Usage: npm run build && node scripts/bench/feed-latency.mjs [requests=2000] [rate=100] [officers=50] [idle=500]
//        BENCH_DATABASE_URL (default postgres://127.0.0.1:5432/qifu_bench_feed; dropped at the end), REDIS_URL, BENCH_PORT
import { spawn } from 'node:child_process';
import { TextDecoderStream } from 'node:stream/web';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCreditCode } from './bench-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'dist', 'package.json'));
const { dropDatabase } = require(join(root, 'dist/libs/database/src/index.js'));
const { Redis } = require('ioredis');

const [REQUESTS, RATE, OFFICERS, IDLE] = [2000, 100, 50, 500].map((d, i) => Number(process.argv[2 + i] ?? d));
const dbUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/qifu_bench_feed';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const port = process.env.BENCH_PORT ?? '3990';
const prefix = `qifu-bench-feed-${Date.now().toString(36)}`;
const base = `http://127.0.0.1:${port}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

await dropDatabase(dbUrl).catch(() => undefined);
const system = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
  env: {
    ...process.env,
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    PORT: port,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000000',
    FILING_RATE_LIMIT: '1000000',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

async function call(method, path, token, body) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    signal: AbortSignal.timeout(30_000),
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** An SSE reader over fetch: calls onLine(notification, arrivedAt) for each event. */
async function stream(token, onLine) {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/v1/notifications/stream`, { headers: { authorization: `Bearer ${token}` }, signal: ac.signal });
  if (res.status !== 200) throw new Error(`stream: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  (async () => {
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let cut;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) onLine(JSON.parse(data.slice(6)), Date.now());
        }
      }
    } catch {
      /* closed */
    }
  })();
  return () => ac.abort();
}

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const summary = (label, xs) => {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`${label.padEnd(22)} n=${s.length}  p50=${pct(s, 50)} ms  p95=${pct(s, 95)} ms  p99=${pct(s, 99)} ms  max=${s.at(-1)} ms`);
};

const closers = [];
let exitCode = 0;
try {
  const until = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${base}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > until) throw new Error('the system did not get ready within 60 s');
    await sleep(250);
  }
  const admin = (await call('POST', '/auth/login', undefined, { username: 'admin', password: 'admin' })).accessToken;
  const dept = await call('POST', '/departments', admin, { name: '基准科', code: `BENCH-${Date.now().toString(36)}` });
  const password = 'bench-password-1';
  const zones = [];
  for (let i = 0; i < OFFICERS; i++) {
    const officer = await call('POST', '/users', admin, {
      username: `bench-o-${i}-${prefix.slice(-6)}`,
      password,
      displayName: `Officer ${i}`,
      role: 'officer',
      departmentId: dept.id,
      categories: ['hiring'],
      capacity: 10_000,
    });
    const company = await call('POST', '/companies', admin, {
      name: `基准企业${i}`,
      creditCode: makeCreditCode(i),
      liaisonOfficerId: officer.id,
    });
    const user = await call('POST', '/users', admin, {
      username: `bench-c-${i}-${prefix.slice(-6)}`,
      password,
      displayName: `Company ${i}`,
      role: 'company',
      companyId: company.id,
    });
    const officerToken = (await call('POST', '/auth/login', undefined, { username: officer.username, password })).accessToken;
    const companyToken = (await call('POST', '/auth/login', undefined, { username: user.username, password })).accessToken;
    zones.push({ officer, officerToken, companyToken, seen: [] });
  }
  const filedAt = new Map(); // requestId → 201 time
  const feedLatency = [];
  // Matched with their filings at the end: under load a line may arrive before its filing's 201 does.
  const lines = [];
  for (const z of zones) {
    closers.push(
      await stream(z.officerToken, (n, at) => {
        if (n.type !== 'request.assigned') return;
        z.seen.push(n.requestId);
        feedLatency.push(at - new Date(n.createdAt).getTime());
        lines.push({ zone: z, requestId: n.requestId, at });
      }),
    );
  }
  // Idle streams (other open tabs): the officers' again, so the gateway fans out to more connections.
  for (let i = 0; i < IDLE; i++) closers.push(await stream(zones[i % zones.length].companyToken, () => undefined));
  console.log(`${zones.length} officers streaming, ${IDLE} more open streams; filing ${REQUESTS} requests at ${RATE}/s`);

  const started = Date.now();
  const inflight = [];
  for (let i = 0; i < REQUESTS; i++) {
    const due = started + (i * 1000) / RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    const z = zones[i % zones.length];
    inflight.push(
      call('POST', '/requests', z.companyToken, {
        category: 'hiring',
        title: `基准 ${i}`,
        description: 'benchmark',
        details: { positions: [{ title: '挡车工', headcount: 1 }] },
      }).then((r) => filedAt.set(r.id, { at: Date.now(), zone: z })),
    );
  }
  await Promise.all(inflight);
  const filingSeconds = (Date.now() - started) / 1000;
  const waitUntil = Date.now() + 60_000;
  while (feedLatency.length < REQUESTS && Date.now() < waitUntil) await sleep(100);
  console.log(
    `filed ${REQUESTS} in ${filingSeconds.toFixed(1)} s (${(REQUESTS / filingSeconds).toFixed(0)}/s); received ${feedLatency.length} live lines`,
  );
  let foreign = 0;
  let beforeTheir201 = 0;
  const endToEnd = [];
  for (const line of lines) {
    const filed = filedAt.get(line.requestId);
    if (filed === undefined || filed.zone !== line.zone) foreign++;
    else if (line.at < filed.at) beforeTheir201++;
    else endToEnd.push(line.at - filed.at);
  }
  summary('feed → browser', feedLatency);
  summary('filing 201 → browser', endToEnd);
  if (beforeTheir201 > 0) console.log(`  and ${beforeTheir201} lines arrived before their filing's 201 (not in the row above)`);
  const dupes = zones.reduce((n, z) => n + z.seen.length - new Set(z.seen).size, 0);
  console.log(`lines for another officer: ${foreign}; repeated lines: ${dupes}; missing: ${REQUESTS - feedLatency.length}`);
  if (foreign > 0 || dupes > 0 || feedLatency.length < REQUESTS) exitCode = 1;
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  for (const close of closers) close();
  if (system.exitCode === null && system.signalCode === null) {
    const exited = new Promise((r) => system.once('exit', r));
    system.kill('SIGTERM');
    await Promise.race([exited, sleep(30_000)]);
  }
  await dropDatabase(dbUrl).catch(() => undefined);
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  process.exit(exitCode);
}
