// CPU used by the processes of a benchmark run, read from /proc (Linux): the service processes, PostgreSQL
// (optionally split by the service each backend serves) and Redis.
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used so far by each service process (`names`: pid → service), PostgreSQL and Redis
 * (Linux /proc; empty elsewhere), keyed `name:pid`.
 */
export function cpuByProcess(names, backends = new Map()) {
  const out = new Map();
  const hz = 100;
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const name =
        names.get(Number(pid)) ??
        (comm.startsWith('postgres') ? (backends.get(Number(pid)) ?? 'postgres') : comm.startsWith('redis-server') ? 'redis' : undefined);
      if (!name) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(`${name}:${pid}`, [Number(f[11]) / hz, Number(f[12]) / hz]);
    } catch {
      /* gone */
    }
  }
  return out;
}

/** PostgreSQL backends by the service they serve (application_name), to split the database's CPU (with BENCH_PG_SPLIT=1). */
export async function backendNames(Client, connectionString) {
  const out = new Map();
  if (!process.env.BENCH_PG_SPLIT) return out;
  const c = new Client({ connectionString });
  await c.connect();
  const { rows } = await c.query(`SELECT pid, application_name, backend_type FROM pg_stat_activity`);
  await c.end();
  for (const r of rows) out.set(r.pid, `pg[${r.application_name || r.backend_type}]`);
  return out;
}

/** CPU used between two readings of cpuByProcess, summed by name. */
export function cpuDelta(before, after) {
  const by = new Map();
  for (const [key, [user, sys]] of after) {
    const name = key.split(':')[0];
    const [u0, s0] = before.get(key) ?? [0, 0];
    const [u, s] = by.get(name) ?? [0, 0];
    by.set(name, [u + user - u0, s + sys - s0]);
  }
  return by;
}

/** Prints the CPU a filing cost in each process, the client's own share, and the CPU while idle. */
export function printCpu({ cpu, assignedCpu, idle, total, clientCpu }) {
  if (cpu.size === 0) return;
  const ms = (t) => ((t * 1000) / total).toFixed(1);
  const sum = (pairs) => pairs.reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
  const byTotal = (a, b) => b[1][0] + b[1][1] - a[1][0] - a[1][1];
  const [user, sys] = sum([...cpu.values()]);
  const per = [...cpu].sort(byTotal).map(([k, [u, s]]) => `${k} ${ms(u + s)} (${ms(s)})`);
  const [au, as] = sum([...assignedCpu.values()]);
  console.log(
    `CPU per filing (ms)     ${ms(user + sys)} in all (${ms(au + as)} until the last assignment), ${ms(sys)} of it in the kernel`,
  );
  console.log(`  per process (kernel)  ${per.join(', ')}`);
  console.log(
    `  and this client       ${((clientCpu.user + clientCpu.system) / 1000 / total).toFixed(1)} (not in the sum: it shares the cores as a browser would not)`,
  );
  const idlePer = [...idle].sort(byTotal).map(([k, [u, s]]) => `${k} ${((u + s) * 200).toFixed(0)}`);
  const [iu, is] = sum([...idle.values()]);
  console.log(`CPU while idle (ms/s)   ${((iu + is) * 200).toFixed(0)} in all: ${idlePer.join(', ')}`);
}
