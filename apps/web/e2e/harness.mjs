// Start/stop harness for the browser journeys and the load measurement: runs the whole Qifu system
// (scripts/start.mjs, from the root build) on a free port with its own database and queue prefix,
// drives Debian's Chromium through playwright-core, and always cleans up (SIGTERM, DROP DATABASE,
// Redis keys under the prefix).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = join(E2E_DIR, '..');
export const ROOT_DIR = join(WEB_DIR, '..', '..');
export const SCREENSHOT_DIR = join(E2E_DIR, 'screenshots');
export const LOG_DIR = join(E2E_DIR, 'logs');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo12345';

/** Flags from the machine notes: no sandbox (root), and nothing that phones home on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The journeys run against the build; building is the root's job (`npm run build`). */
export function checkPrerequisites() {
  const problems = [];
  const gateway = join(ROOT_DIR, 'dist', 'apps', 'gateway', 'src', 'main.js');
  const index = join(WEB_DIR, 'dist', 'index.html');
  if (!existsSync(gateway)) problems.push(`missing ${gateway}`);
  if (!existsSync(index)) problems.push(`missing ${index}`);
  if (problems.length > 0) {
    throw new Error(`${problems.join('\n')}\nRun "npm run build" at the repository root (${ROOT_DIR}) first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's package ("apt-get install -y chromium") or set CHROMIUM_PATH.`,
    );
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The root's own dependencies (pg, ioredis) serve the clean-up; apps/web does not install them. */
const rootRequire = createRequire(join(ROOT_DIR, 'package.json'));

function databaseUrl(name) {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/qifu');
  base.pathname = `/${name}`;
  return base.toString();
}

/**
 * Starts scripts/start.mjs with its own database, queue prefix and port, waits for /health/ready
 * and for the demo logins (seeded just after readiness). Returns a handle whose stop() always cleans up.
 */
export async function startSystem({ label = 'browser', readyTimeoutMs = 60_000 } = {}) {
  checkPrerequisites();
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `qifu_test_${label}_${id}`;
  const queuePrefix = `qifu-test-${label}-${id}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `system-${label}.log`);
  const log = createWriteStream(logFile);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl(database),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    SEED_DEMO: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT_DIR, 'scripts', 'start.mjs')], {
    cwd: ROOT_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );

  const system = {
    baseUrl,
    port,
    database,
    queuePrefix,
    logFile,
    env,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const done = await Promise.race([exit, sleep(25_000).then(() => null)]);
        if (!done) {
          console.warn('system did not stop within 25 s: SIGKILL');
          child.kill('SIGKILL');
          await exit;
        }
      }
      log.end();
      let clean = true;
      await dropDatabase(database).catch((err) => {
        clean = false;
        console.warn(`could not drop database ${database}: ${err.message}`);
      });
      await deleteRedisKeys(env.REDIS_URL, queuePrefix).catch((err) => {
        clean = false;
        console.warn(`could not delete Redis keys ${queuePrefix}:*: ${err.message}`);
      });
      return clean;
    },
    logTail(lines = 40) {
      try {
        return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
  };

  try {
    for (;;) {
      if (exited) throw new Error(`the system exited during start-up (${exited.signal ?? exited.code})`);
      if (Date.now() - started > readyTimeoutMs)
        throw new Error(`the system was not ready within ${readyTimeoutMs / 1000} s`);
      try {
        const res = await fetch(`${baseUrl}/health/ready`);
        if (res.status === 200) break;
      } catch {
        /* not listening yet */
      }
      await sleep(500);
    }
    // The demo seeder runs once every service answers: wait until its logins work.
    for (;;) {
      if (Date.now() - started > readyTimeoutMs)
        throw new Error(`demo logins did not work within ${readyTimeoutMs / 1000} s`);
      const res = await apiLogin(baseUrl, 'company1', DEMO_PASSWORD).catch(() => null);
      if (res) break;
      await sleep(500);
    }
  } catch (err) {
    console.error(system.logTail());
    await system.stop();
    throw err;
  }
  system.readyAfterMs = Date.now() - started;
  return system;
}

/** POST /auth/login through the API (helpers only; the journeys log in through the form). */
export async function apiLogin(baseUrl, username, password) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200 && res.status !== 201) return null;
  return res.json();
}

async function dropDatabase(name) {
  if (!/^qifu_test_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const { Client } = rootRequire('pg');
  // As the services do (libs/database): a URL without a user connects as PGUSER or the OS user, like psql.
  const url = new URL(databaseUrl('postgres'));
  if (!url.username) url.username = process.env.PGUSER ?? userInfo().username;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(url, prefix) {
  const mod = rootRequire('ioredis');
  const Redis = mod.Redis ?? mod.default ?? mod;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    if (process.env.QIFU_E2E_DEBUG) console.log(`deleted ${deleted} Redis keys under ${prefix}:`);
  } finally {
    redis.disconnect();
  }
}

const browsers = new Set();

/**
 * Debian's Chromium through playwright-core; launch() gives each browser a fresh temporary profile.
 * Playwright's own signal handlers are off: on SIGINT it would exit the process before the system is
 * stopped and its database dropped; withSystem() closes the browsers itself.
 */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  browsers.add(browser);
  browser.on('disconnected', () => browsers.delete(browser));
  return browser;
}

/** Runs `body(system)` with the system up, and always stops it; SIGINT/SIGTERM also clean up. */
export async function withSystem(label, body) {
  const t0 = Date.now();
  const external = process.env.QIFU_E2E_BASE_URL;
  if (external) {
    // Against a system someone else started (demo data seeded): nothing to start, stop or drop.
    console.log(`using the running system at ${external} (QIFU_E2E_BASE_URL)`);
    return body({ baseUrl: external.replace(/\/$/, ''), logTail: () => '(external system: see its own log)' });
  }
  console.log(`starting Qifu from the root build (own database and queue prefix)…`);
  const system = await startSystem({ label });
  console.log(
    `ready after ${(system.readyAfterMs / 1000).toFixed(1)} s at ${system.baseUrl} (database ${system.database})`,
  );
  // Ctrl-C / SIGTERM: stop and clean up at once; whatever is still running fails fast, and the process
  // exits (130) only once the clean-up is done.
  let stopping = null;
  const onSignal = (sig) => {
    if (stopping) return;
    console.error(`\n${sig}: stopping the system…`);
    const closing = [...browsers].map((b) => b.close().catch(() => undefined));
    stopping = Promise.all([system.stop(), ...closing]).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(system);
  } finally {
    if (stopping) await stopping;
    else {
      const clean = await system.stop();
      const what = clean ? 'database dropped, Redis keys deleted' : 'clean-up incomplete (see above)';
      console.log(`system stopped, ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s in all)`);
    }
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
