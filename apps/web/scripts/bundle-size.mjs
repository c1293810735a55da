// Sizes of the built UI: what the first page downloads (entry + its static imports) and what each
// route chunk adds on top. Run after `npm run build`: `npm run size [PageName ...]`.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const read = (f) => readFileSync(new URL(f, dist));
const html = read('index.html').toString();
const assets = readdirSync(new URL('assets/', dist));

function closure(start, known = new Set()) {
  const seen = new Set(known);
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    for (const m of read(file).toString().matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(`assets/${m[1]}`);
  };
  start.forEach(visit);
  return [...seen].filter((f) => !known.has(f));
}
const kb = (files) => {
  const [raw, gz] = files.reduce(([r, g], f) => [r + read(f).length, g + gzipSync(read(f)).length], [0, 0]);
  return `${(raw / 1024).toFixed(0)} kB raw, ${(gz / 1024).toFixed(0)} kB gzip`;
};

const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
const initial = closure(entry);
console.log(`first load (index.html + static imports): ${initial.length} files, ${kb(initial)}`);
const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : assets.filter((a) => /Page-[\w-]+\.js$/.test(a)).map((a) => a.replace(/-[\w-]+\.js$/, ''));
for (const page of pages) {
  const file = assets.find((a) => a.startsWith(`${page}-`) && a.endsWith('.js'));
  if (!file) continue;
  const extra = closure([`assets/${file}`], new Set(initial));
  console.log(`  + ${page}: ${extra.length} files, ${kb(extra)}`);
}
