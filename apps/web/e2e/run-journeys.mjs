#!/usr/bin/env node
// npm run test:browser — starts the whole system from the root build, runs the browser journeys in
// Debian's Chromium, always stops the system and drops its database; exits non-zero on any failure.
// Options: --docs refreshes the README's screenshots in docs/screenshots; --only=a,d (journey letters; a journey whose prerequisite is not run is reported as skipped,
// which counts as a failure). QIFU_E2E_BASE_URL=http://host:port runs against a system already running.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR, SCREENSHOT_DIR, checkPrerequisites, launchBrowser, withSystem } from './harness.mjs';
import { journeys as basics } from './journeys.mjs';
import { loopJourneys } from './journeys-loop.mjs';

const journeys = [...basics, ...loopJourneys];
/** The screenshots shown in the README (docs/screenshots), refreshed with --docs. */
const DOC_SHOTS = ['a1-phone-filing-form', 'b1-workbench-queue', 'b2-case-in-progress', 'e1-supervisor-dashboard', 'f2-workbench-live-arrival'];

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .map((s) => s.trim());
const letter = (j) => j.name.slice(0, 1);

try {
  checkPrerequisites();
} catch (err) {
  console.error(err.message);
  process.exit(2);
}

rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
mkdirSync(SCREENSHOT_DIR, { recursive: true });
const runId = Date.now().toString(36);
const t0 = Date.now();

let results = [];
try {
  results = await withSystem('browser', async (system) => {
    const browser = await launchBrowser();
    console.log(`browser: ${browser.version()}\n`);
    /** API calls that answered 404/405/501 on a path (not an id): endpoints the UI tried that are missing. */
    const missing = new Set();
    const state = { runId };
    const done = new Map();
    const out = [];
    try {
      for (const journey of journeys) {
        if (only && !only.includes(letter(journey))) continue;
        const blocked = (journey.needs ?? []).filter((n) => done.get(n) !== true);
        if (blocked.length > 0) {
          out.push({ name: journey.name, status: 'skipped', note: `needs ${blocked.join(', ')}` });
          done.set(letter(journey), false);
          console.log(`- ${journey.name}: skipped (needs ${blocked.join(', ')})`);
          continue;
        }
        const contexts = [];
        const problems = [];
        const newPage = async ({ lang = 'en', ...options } = {}) => {
          const context = await browser.newContext({ ...options, timezoneId: 'Asia/Shanghai' });
          contexts.push(context);
          context.setDefaultTimeout(15_000);
          if (lang)
            await context.addInitScript((l) => {
              if (!window.localStorage.getItem('qifu.lang')) window.localStorage.setItem('qifu.lang', l);
            }, lang);
          const page = await context.newPage();
          page.on('pageerror', (err) => problems.push(`uncaught error in the page: ${err.message}`));
          page.on('response', (res) => {
            const url = new URL(res.url());
            if (!url.pathname.startsWith('/api/')) return;
            const path = `${res.request().method()} ${url.pathname.replace(/[0-9a-f-]{36}/g, ':id')}`;
            if (res.status() >= 500) problems.push(`${path} answered ${res.status()}`);
            else if ([404, 405, 501].includes(res.status()) && !/:id$/.test(path)) missing.add(path);
          });
          return page;
        };
        let lastPage = null;
        const shot = async (page, name) => {
          lastPage = page;
          await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
        };
        const started = Date.now();
        let error = null;
        try {
          await journey.run({
            baseUrl: system.baseUrl,
            state,
            shot,
            newPage: async (opts) => (lastPage = await newPage(opts)),
          });
          if (problems.length > 0) throw new Error(problems.join('\n'));
        } catch (err) {
          error = err;
          if (lastPage)
            await lastPage
              .screenshot({ path: join(SCREENSHOT_DIR, `FAILED-${letter(journey)}.png`), fullPage: true })
              .catch(() => undefined);
        } finally {
          await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        done.set(letter(journey), !error);
        out.push({ name: journey.name, status: error ? 'failed' : 'passed', seconds, error });
        if (error)
          console.log(`✗ ${journey.name} (${seconds} s)\n    ${String(error.message).replace(/\n/g, '\n    ')}`);
        else console.log(`✓ ${journey.name} (${seconds} s)`);
      }
    } finally {
      await browser.close();
    }
    if (missing.size > 0)
      console.log(`\nendpoints the UI called that the API does not have (404/405): ${[...missing].sort().join(', ')}`);
    if (out.some((r) => r.status === 'failed')) console.log(`\nsystem log tail:\n${system.logTail(30)}`);
    return out;
  });
} catch (err) {
  console.error(`\nbrowser journeys could not run: ${err.stack ?? err}`);
  process.exit(1);
}

const failed = results.filter((r) => r.status !== 'passed');
console.log(
  `\n${results.length - failed.length}/${results.length} journeys passed in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SCREENSHOT_DIR}`,
);
// --docs: the README's pictures of the main pages are refreshed from this run's screenshots.
if (process.argv.includes('--docs') && failed.length === 0) {
  const docs = join(ROOT_DIR, 'docs', 'screenshots');
  mkdirSync(docs, { recursive: true });
  for (const name of DOC_SHOTS) {
    const from = join(SCREENSHOT_DIR, `${name}.png`);
    if (existsSync(from)) copyFileSync(from, join(docs, `${name}.png`));
  }
  console.log(`README screenshots refreshed in ${docs}`);
}
process.exit(failed.length > 0 || results.length === 0 ? 1 : 0);
