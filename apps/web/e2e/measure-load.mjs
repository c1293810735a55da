#!/usr/bin/env node
// npm run measure:load — how fast the portal login page comes up with a cold browser cache, against the
// real system (same start/stop harness as the journeys). Each run is a new browser context (empty cache,
// no service worker, no storage). Reports time to DOMContentLoaded, the load event, and the moment the
// login form is usable (username input visible and enabled), all from navigation start; median and max.
// Options: --runs=5, --throttle=4g (Chromium's network emulation: 150 ms RTT, 1.6 Mbit/s down,
// 750 kbit/s up, roughly Lighthouse's mobile profile), --path=/login.
import { launchBrowser, withSystem } from './harness.mjs';

const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(arg('runs', '5'));
const throttle = arg('throttle', 'none');
const path = arg('path', '/login');
const PROFILES = {
  none: null,
  '4g': { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
if (!(throttle in PROFILES)) {
  console.error(`unknown --throttle=${throttle} (none, 4g)`);
  process.exit(2);
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a positive whole number');
  process.exit(2);
}

/** Runs in the page before its own scripts: notes when the username input first becomes usable. */
function watchLoginForm() {
  const usable = () => {
    const el = document.querySelector('input[autocomplete="username"]');
    if (!el || el.disabled) return false;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const tick = () => {
    if (usable()) window.__qifuFormReady = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function measureOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const profile = PROFILES[throttle];
    if (profile) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
    }
    await page.addInitScript(watchLoginForm);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => typeof window.__qifuFormReady === 'number', undefined, { timeout: 60_000 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const bytes = [nav, ...resources].reduce((sum, e) => sum + (e.transferSize || 0), 0);
      return {
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        formReady: window.__qifuFormReady,
        requests: resources.length + 1,
        kB: bytes / 1024,
      };
    });
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`.padStart(8);

try {
  await withSystem('load', async (system) => {
    const browser = await launchBrowser();
    try {
      const url = `${system.baseUrl}${path}`;
      console.log(
        `\n${url}: ${runs} cold loads (new browser context each), network: ${throttle}, Chromium ${browser.version()}`,
      );
      await measureOnce(browser, url); // warm the server (first compression, JIT), not counted
      const rows = [];
      for (let i = 1; i <= runs; i++) {
        const r = await measureOnce(browser, url);
        rows.push(r);
        console.log(
          `  run ${i}: DOMContentLoaded ${ms(r.domContentLoaded)}   load ${ms(r.load)}   form usable ${ms(r.formReady)}   (${r.requests} requests, ${r.kB.toFixed(0)} kB transferred)`,
        );
      }
      const line = (label, key) =>
        `  ${label.padEnd(18)} median ${ms(median(rows.map((r) => r[key])))}   max ${ms(Math.max(...rows.map((r) => r[key])))}`;
      console.log('\nsummary (from navigation start):');
      console.log(line('DOMContentLoaded', 'domContentLoaded'));
      console.log(line('load event', 'load'));
      console.log(line('login form usable', 'formReady'));
    } finally {
      await browser.close();
    }
  });
} catch (err) {
  console.error(`\nmeasurement failed: ${err.stack ?? err}`);
  process.exit(1);
}
