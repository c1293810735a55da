#!/usr/bin/env node
// Benchmark (not a test): GET /requests at scale. Creates a scratch database, applies the requests
// service's real migrations, loads N requests (default 1 000 000) spread over 1 000 companies,
// 200 officers, 20 departments and two years, then times the queries the list endpoint runs for
// each role (page of 20 + its total) and prints the median of 5 runs and the plan of each.
// Usage: npm run build && node scripts/bench/request-lists.mjs [rows]
//        BENCH_DATABASE_URL (default postgres://127.0.0.1:5432/qifu_bench_lists; dropped at the end)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'dist', 'package.json'));
const { requestsDatabase } = require(join(root, 'dist/apps/requests/src/database.js'));
const { migrateServiceDatabase, dropDatabase, withDefaultUser } = require(join(root, 'dist/libs/database/src/index.js'));
const { Client } = require('pg');

const rows = Number(process.argv[2] ?? 1_000_000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/qifu_bench_lists';
await dropDatabase(url).catch(() => undefined);
await migrateServiceDatabase(requestsDatabase(url));
const db = new Client({ connectionString: withDefaultUser(url) });
await db.connect();
await db.query('SET search_path = requests');

const t0 = Date.now();
await db.query(`INSERT INTO companies (id, name, credit_code)
  SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '企业' || i, 'CODE' || i FROM generate_series(1, 1000) i`);
// Titles mix Chinese and Latin words, as real ones do.
await db.query(
  `INSERT INTO requests (id, reference_no, company_id, filed_by, category, priority, title, description, details, status,
     assignee_id, department_id, resolution_due_at, breached, escalation_level, created_at, updated_at)
   SELECT gen_random_uuid(), 'QF-B-' || lpad(i::text, 8, '0'),
     ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i % 1000), 12, '0'))::uuid,
     gen_random_uuid(),
     (ARRAY['hiring','financing','safety_hazard','policy','approval','other'])[1 + i % 6],
     (ARRAY['low','normal','normal','high','urgent'])[1 + i % 5],
     (ARRAY['急需挡车工','招聘电工','贷款申请','消防隐患','政策咨询','环评审批','仓库管理员','设备维修'])[1 + i % 8] || ' ' || i || ' ' ||
       (ARRAY['loom operators','electricians','bank loan','fire hazard','policy','approval','warehouse','machinery'])[1 + (i / 8) % 8],
     '描述 description of request ' || i,
     '{}'::jsonb,
     (ARRAY['closed','closed','closed','closed','in_progress','assigned','resolved','awaiting_company','submitted','cancelled'])[1 + (i / 7) % 10],
     ('00000000-0000-4000-9000-' || lpad(to_hex(1 + i % 200), 12, '0'))::uuid,
     ('00000000-0000-4000-a000-' || lpad(to_hex(1 + i % 20), 12, '0'))::uuid,
     now() - interval '730 days' + (i::double precision / $1) * interval '740 days',
     i % 17 = 0, CASE WHEN i % 53 = 0 THEN 1 ELSE 0 END,
     now() - interval '730 days' + (i::double precision / $1) * interval '730 days',
     now() - interval '730 days' + (i::double precision / $1) * interval '730 days'
   FROM generate_series(1, $1) i`,
  [rows],
);
await db.query('ANALYZE requests');
console.log(`loaded ${rows.toLocaleString()} requests in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

const company = '00000000-0000-4000-8000-00000000002a';
const officer = '00000000-0000-4000-9000-00000000002a';
const dept = '00000000-0000-4000-a000-000000000007';
const page = 'ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0';
const cases = [
  ['company: my requests', `company_id = '${company}'`, page],
  [
    'officer: my queue by deadline',
    `assignee_id = '${officer}' AND status IN ('assigned','in_progress','awaiting_company')`,
    'ORDER BY resolution_due_at ASC NULLS LAST, id ASC LIMIT 20',
  ],
  ['supervisor: department, breached', `department_id = '${dept}' AND breached = true`, page],
  ['admin: all, newest first', 'TRUE', page],
  ['admin: status = submitted', `status = 'submitted'`, page],
  ['admin: text 挡车工', `(title ILIKE '%挡车工%' OR description ILIKE '%挡车工%' OR reference_no ILIKE '%挡车工%')`, page],
  ['admin: text 123456 (rare)', `(title ILIKE '%123456%' OR description ILIKE '%123456%' OR reference_no ILIKE '%123456%')`, page],
  ['admin: last 7 days', `created_at >= now() - interval '7 days'`, page],
];

async function timed(sql) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const s = process.hrtime.bigint();
    await db.query(sql);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return times.sort((a, b) => a - b)[2];
}

console.log('\nquery                               page (ms)   total (ms)   total rows');
for (const [name, where, tail] of cases) {
  const pageMs = await timed(`SELECT * FROM requests WHERE ${where} ${tail}`);
  const countMs = await timed(`SELECT count(*) FROM requests WHERE ${where}`);
  const { rows: c } = await db.query(`SELECT count(*)::int AS n FROM requests WHERE ${where}`);
  console.log(`${name.padEnd(36)}${pageMs.toFixed(1).padStart(9)}${countMs.toFixed(1).padStart(13)}${String(c[0].n).padStart(13)}`);
}
if (process.env.BENCH_PLANS !== '0') {
  for (const [name, where, tail] of cases) {
    const { rows: plan } = await db.query(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM requests WHERE ${where} ${tail}`,
    );
    console.log(`\n-- ${name}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}
await db.end();
if (process.env.BENCH_KEEP !== '1') await dropDatabase(url);
