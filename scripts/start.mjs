#!/usr/bin/env node
// Starts the whole Qifu system in the foreground: the four back-end services and the gateway, each
// its own Node process, from the build in dist/. SIGINT/SIGTERM stops them all gracefully.
// Settings come from the environment (API.md "Configuration"); SEED_DEMO defaults to true here.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const services = ['requests', 'assignment', 'sla', 'notifications', 'gateway'];
const colours = [36, 33, 35, 32, 34];
const env = { SEED_DEMO: 'true', ...process.env };
const port = env.PORT ?? '3000';
const children = new Map();
let stopping = false;

for (const [i, name] of services.entries()) {
  const main = join(root, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(main)) {
    console.error(`missing ${main}: run "npm run build" first (npm start does it for you)`);
    process.exit(1);
  }
  const child = spawn(process.execPath, ['--enable-source-maps', main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tag = `\x1b[${colours[i]}m${name.padEnd(13)}\x1b[0m|`;
  const pipe = (stream, out) => {
    let buf = '';
    stream.on('data', (chunk) => {
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) out.write(`${tag} ${line}\n`);
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`${tag} exited (${signal ?? code}); stopping the others`);
      stop(code || 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  children.set(name, child);
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(code || 1);
  }, 20_000).unref();
  if (children.size === 0) process.exit(code);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// Announce once the gateway says every service (and its database) is ready.
const started = Date.now();
const poll = setInterval(async () => {
  if (stopping) return clearInterval(poll);
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
    if (res.status !== 200) return;
    clearInterval(poll);
    const demo = /^(1|true|yes|on)$/i.test(env.SEED_DEMO ?? '');
    console.log(`\nQifu is ready after ${((Date.now() - started) / 1000).toFixed(1)} s: http://127.0.0.1:${port}/`);
    console.log(`  API  http://127.0.0.1:${port}/api/v1   docs http://127.0.0.1:${port}/docs`);
    console.log(`  admin login: ${env.ADMIN_USERNAME ?? 'admin'} / ${env.ADMIN_PASSWORD ? '(ADMIN_PASSWORD)' : 'admin'}`);
    if (demo) console.log('  demo logins (password demo12345): supervisor1, officer1, officer2, company1');
    console.log('  Ctrl-C stops everything.\n');
  } catch {
    /* not up yet */
  }
}, 500);
