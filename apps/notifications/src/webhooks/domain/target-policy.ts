import ipaddr from 'ipaddr.js';

/** WEBHOOK_ALLOWED_HOSTS, parsed: host names and address ranges webhooks may reach although internal. */
export interface AllowList {
  hosts: Set<string>;
  ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export function parseAllowList(raw: string): AllowList {
  const list: AllowList = { hosts: new Set(), ranges: [] };
  for (const entry of raw
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)) {
    if (entry.includes('/')) list.ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const addr = ipaddr.process(entry);
      list.ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else list.hosts.add(entry);
  }
  return list;
}

/** A setting that does not parse is named at start (fail loudly at the edge). */
export function allowListProblem(raw: string): string | null {
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    if (entry.includes('/') && !ipaddr.isValidCIDR(entry)) return `"${entry}" is not a CIDR range`;
  }
  return null;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * May a webhook reach this address? Only public unicast addresses, unless the host name or the
 * address is on the allow-list. IPv4-mapped IPv6 addresses are judged as the IPv4 they carry.
 */
export function judgeAddress(host: string, address: string, allow: AllowList): Verdict {
  if (!ipaddr.isValid(address)) return { ok: false, reason: `"${address}" is not an IP address` };
  const addr = ipaddr.process(address);
  if (allow.hosts.has(host.toLowerCase().replace(/\.$/, ''))) return { ok: true };
  for (const [net, bits] of allow.ranges) {
    if (net.kind() === addr.kind() && addr.match(net, bits)) return { ok: true };
  }
  const range = addr.range();
  if (range === 'unicast') return { ok: true };
  return {
    ok: false,
    reason: `${host} is ${address} (${range}): webhooks may not reach internal addresses unless WEBHOOK_ALLOWED_HOSTS lists them`,
  };
}

export type UrlVerdict = { ok: true; url: URL; literal: string | null } | { ok: false; reason: string };

/** Checks a webhook URL's shape and, when its host is an IP literal or localhost, the address. */
export function judgeUrl(raw: string, allow: AllowList): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'url must be an absolute http:// or https:// URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'url must use http or https' };
  if (url.username || url.password) return { ok: false, reason: 'url must not carry a user name or password: use the secret' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = ipaddr.isValid(host) ? host : host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : null;
  if (literal) {
    const verdict = judgeAddress(host, literal, allow);
    if (!verdict.ok) return verdict;
  }
  return { ok: true, url, literal };
}
