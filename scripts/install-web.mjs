#!/usr/bin/env node
// Root postinstall: installs the web app's own dependencies (apps/web is a separate npm package with
// its own lock file, so the back end's install never pulls in Vite or React and vice versa).
// Skipped when QIFU_SKIP_WEB=1 (back-end-only images) or when apps/web/node_modules is already in
// step with apps/web/package-lock.json.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'web');
if (process.env.QIFU_SKIP_WEB === '1' || !existsSync(join(web, 'package.json'))) process.exit(0);

const marker = join(web, 'node_modules', '.package-lock.json');
const lock = join(web, 'package-lock.json');
if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) process.exit(0);

console.log('installing apps/web dependencies (npm ci)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const res = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: web, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(res.status ?? 1);
