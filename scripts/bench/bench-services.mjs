// How the benchmarks start the services: a free port, which services to leave out or run at a lower
// CPU priority (diagnosis only: the product runs them all at the same priority).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';

export const SERVICE_NAMES = ['assignment', 'requests', 'sla', 'notifications', 'gateway'];

/** A comma-separated list of service names from the environment; an unknown name is an error. */
export function serviceList(value) {
  const names = (value ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !SERVICE_NAMES.includes(n) || ['requests', 'assignment', 'gateway'].includes(n));
  if (unknown.length > 0) throw new Error(`only sla and notifications can be left out or lowered, not: ${unknown.join(', ')}`);
  return names;
}

/** A port nobody listens on (asked of the OS, then released for the gateway). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when /health/ready reports every check up but those of the services left out. */
export async function readyWithout(base, without) {
  const res = await fetch(`${base}/health/ready`);
  const body = await res.json().catch(() => ({}));
  return Object.entries(body.checks ?? {}).every(([name, c]) => c.status === 'up' || without.includes(name)) && !!body.checks;
}

/**
 * Lowers to nice 19 the PostgreSQL backends that serve the named services (application_name
 * qifu-<schema>), as BENCH_NICE does their processes: the database work they cause yields too.
 * Backends opened later keep the normal priority (the pools are warm by then). Linux; needs the
 * right to renice the postgres user's processes.
 */
export async function reniceBackends(Client, connectionString, names) {
  if (names.length === 0) return 0;
  const c = new Client({ connectionString });
  await c.connect();
  const { rows } = await c.query(`SELECT pid FROM pg_stat_activity WHERE application_name = ANY($1)`, [names.map((n) => `qifu-${n}`)]);
  await c.end();
  for (const r of rows) execFileSync('renice', ['-n', '19', '-p', String(r.pid)], { stdio: 'ignore' });
  return rows.length;
}
