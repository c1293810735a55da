#!/usr/bin/env node
// After `tsc -p tsconfig.build.json`, lets the compiled apps in dist/ require('@qifu/<lib>'):
// writes dist/node_modules/@qifu/<lib>/index.js pointing at dist/libs/<lib>/src/index.js. Node looks
// in dist/node_modules before the repository's node_modules (whose @qifu links point at sources).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const lib of readdirSync(join(root, 'libs'))) {
  const built = join(root, 'dist', 'libs', lib, 'src', 'index.js');
  if (!existsSync(built)) continue;
  const dir = join(root, 'dist', 'node_modules', '@qifu', lib);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.js'), `module.exports = require('../../../libs/${lib}/src/index.js');\n`);
}
