import { userInfo } from 'node:os';
import { Client } from 'pg';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

/**
 * A URL without a user name connects as PGUSER or the operating-system user, as psql does (the
 * default postgres://127.0.0.1:5432/qifu carries none).
 */
export function withDefaultUser(url: string): string {
  const u = new URL(url);
  if (!u.username) u.username = process.env.PGUSER ?? userInfo().username;
  return u.toString();
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new Error(`DATABASE_URL names database "${name}": use letters, digits, _ and - only`);
  }
  return name;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  return client;
}

/** Creates the database named in `url` if it does not exist (several services may race: that is fine). */
export async function ensureDatabase(rawUrl: string): Promise<void> {
  const url = withDefaultUser(rawUrl);
  const name = databaseName(url);
  let probe: Client;
  try {
    probe = await connect(url);
    await probe.end();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') {
      throw new Error(`PostgreSQL unreachable at ${redact(url)}: ${(err as Error).message}. Set DATABASE_URL.`);
    }
  }
  const admin = await connect(withDatabase(url, 'postgres'));
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== DUPLICATE_DATABASE && code !== UNIQUE_VIOLATION) throw err;
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(rawUrl: string): Promise<void> {
  const url = withDefaultUser(rawUrl);
  const name = databaseName(url);
  const admin = await connect(withDatabase(url, 'postgres'));
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable URL>';
  }
}

export { databaseName, withDatabase };
