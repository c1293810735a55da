#!/usr/bin/env node
// `npm test`: every test of the project, in order of speed.
//   1. unit specs of the back end (pure rules, no I/O)
//   2. e2e suites (after a build of dist/ for the suites that run services as processes): the whole system in-process against the real PostgreSQL and Redis, each suite
//      in its own fresh database and queue prefix (TEST_DATABASE_URL / TEST_REDIS_URL to point
//      them elsewhere)
//   3. the web app's tests (vitest)
//   4. browser journeys: the built system started for real, driven in Chromium (CHROMIUM_PATH,
//      default /usr/bin/chromium; skipped with a loud notice when there is none)
// Extra arguments go to jest, e.g. `npm test -- apps/sla`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const extra = process.argv.slice(2);
const started = Date.now();
const results = [];

function reachable(url, fallbackPort) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const sock = createConnection({ host: u.hostname || '127.0.0.1', port: Number(u.port || fallbackPort) });
    sock.setTimeout(2000);
    sock.once('connect', () => (sock.destroy(), resolve(true)));
    sock.once('error', () => resolve(false));
    sock.once('timeout', () => (sock.destroy(), resolve(false)));
  });
}

const pg = process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres';
const redis = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const down = [];
if (!(await reachable(pg, 5432))) down.push(`PostgreSQL at ${pg} (set TEST_DATABASE_URL)`);
if (!(await reachable(redis, 6379))) down.push(`Redis at ${redis} (set TEST_REDIS_URL)`);
if (down.length > 0) {
  console.error(`The tests need real services and cannot reach:\n  ${down.join('\n  ')}`);
  process.exit(1);
}

function step(name, cmd, args, cwd = root) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = res.status === 0;
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return ok;
}

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
let ok = step('back end: unit', process.execPath, [jest, ...extra, '--selectProjects', 'unit']);
// Some e2e suites run services as real processes (to kill one as a crash would): they need dist/.
ok = step('build: back end (dist/, for e2e suites that run services as processes)', npm, ['run', 'build:api']) && ok;
ok =
  step('back end: e2e against PostgreSQL and Redis', process.execPath, [jest, ...extra, '--selectProjects', 'e2e', '--maxWorkers=2']) && ok;
if (extra.length === 0) {
  if (!existsSync(join(root, 'apps', 'web', 'node_modules'))) {
    ok = step('web: install', npm, ['ci', '--no-audit', '--no-fund'], join(root, 'apps', 'web')) && ok;
  }
  ok = step('web: vitest', npm, ['test'], join(root, 'apps', 'web')) && ok;
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    ok = step('build (back end and web) for the browser journeys', npm, ['run', 'build']) && ok;
    ok = step('web: browser journeys in Chromium', npm, ['run', 'test:browser'], join(root, 'apps', 'web')) && ok;
  } else {
    results.push(`SKIP web: browser journeys (no Chromium at ${chromium}: apt-get install -y chromium, or set CHROMIUM_PATH)`);
  }
}

console.log(`\n${results.join('\n')}\n${ok ? 'all tests passed' : 'SOME TESTS FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(ok ? 0 : 1);
