import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { type AllowList, judgeAddress, judgeUrl } from './domain/target-policy';
import { signBody } from './domain/webhook-signature';

export interface SendResult {
  statusCode: number | null;
  /** The first 4 KB of the answer (group bots say there whether they took it). */
  responseBody: string;
  error: string | null;
  /** The target is not allowed (internal address): no retry will change that. */
  refused: boolean;
  durationMs: number;
}

export interface OutgoingWebhook {
  url: string;
  secret: string;
  body: string;
  deliveryId: string;
  type: string;
}

class RefusedTarget extends Error {}

/**
 * The DNS answer is checked inside the connection's own lookup: the address judged is the address
 * connected to (no window for a rebinding answer between check and connect).
 */
function guardedLookup(host: string, allow: AllowList): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      for (const a of addresses) {
        const verdict = judgeAddress(host, a.address, allow);
        if (!verdict.ok) return callback(new RefusedTarget(verdict.reason), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** One signed POST; never follows redirects; the whole try is bounded by `timeoutMs`. */
export function sendWebhook(hook: OutgoingWebhook, allow: AllowList, timeoutMs: number): Promise<SendResult> {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null, refused = false, responseBody = ''): SendResult => ({
    statusCode,
    responseBody,
    error,
    refused,
    durationMs: Date.now() - started,
  });
  const checked = judgeUrl(hook.url, allow);
  if (!checked.ok) return Promise.resolve(done(null, checked.reason, true));
  const url = checked.url;
  const body = Buffer.from(hook.body, 'utf8');
  const options: RequestOptions = {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
      'user-agent': 'Qifu-Webhooks/1',
      'x-qifu-event': hook.type,
      'x-qifu-delivery': hook.deliveryId,
      'x-qifu-signature': signBody(hook.secret, hook.body),
    },
    lookup: guardedLookup(url.hostname.replace(/^\[|\]$/g, ''), allow),
  };
  return new Promise((resolve) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res) => {
      let answer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (answer.length < 4096) answer = (answer + chunk).slice(0, 4096);
      });
      res.on('end', () => resolve(done(res.statusCode ?? null, null, false, answer)));
      res.on('error', (err) => resolve(done(res.statusCode ?? null, err.message)));
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (err) => resolve(done(null, err.message, err instanceof RefusedTarget)));
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}
